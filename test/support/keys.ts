import { randomBytes } from 'node:crypto';

/** The identity-sealing key of one test process (a fresh one per run: tests never depend on its value). */
export const TEST_IDENTITY_KEY = randomBytes(32);
