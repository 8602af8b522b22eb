// What the authentication middleware attaches to a request.
import type { Principal } from '../org/access';
import 'pino-http';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

export {};
