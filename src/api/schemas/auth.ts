import { z } from 'zod';

export const ZLoginRequest = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const ZLoginResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  person: z.object({ id: z.string(), fullName: z.string(), unitId: z.string(), roles: z.array(z.object({ role: z.string(), unitId: z.string() })) }),
});
