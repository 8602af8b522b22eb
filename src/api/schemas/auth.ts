import { z } from 'zod';
import { str } from './text';

export const ZLoginRequest = z.object({
  username: str().min(1).max(100),
  password: str().min(1).max(200),
});

export const ZLoginResponse = z.object({
  token: str(),
  expiresAt: str(),
  person: z.object({
    id: str(),
    fullName: str(),
    unitId: str(),
    roles: z.array(z.object({ role: str(), unitId: str() })),
  }),
});
