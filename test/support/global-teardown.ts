import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  await globalThis.__DANVAN_TEST_SERVERS__?.stop();
  if (process.env.DANVAN_TEST_SCRATCH) rmSync(process.env.DANVAN_TEST_SCRATCH, { recursive: true, force: true });
}
