// A start whose PostgreSQL cannot be reached waits for it (a restart during an outage) instead of exiting;
// a configuration error (a wrong password) fails at once.
import net from 'node:net';
import { waitForDatabase } from '../../src/platform/db/wait-for-database';
import { findFreePort } from '../../src/platform/runtime/free-port';

const base = () => {
  const url = process.env.DANVAN_TEST_PG_URL;
  if (!url) throw new Error('DANVAN_TEST_PG_URL is not set: run through jest');
  return new URL(url);
};

test('when PostgreSQL comes up while a start waits, then the wait ends and it says it waited', async () => {
  const target = base();
  const port = await findFreePort();
  const lines: string[] = [];
  const url = new URL(target.href);
  url.port = String(port);
  // Nothing listens on `port` for the first 1.5 s; then a plain TCP relay to the suite's PostgreSQL does.
  let relay: net.Server | null = null;
  const opened = new Promise<void>((resolve) =>
    setTimeout(() => {
      relay = net
        .createServer((socket) => {
          const upstream = net.connect(Number(target.port), target.hostname);
          socket.pipe(upstream).pipe(socket);
          socket.on('error', () => upstream.destroy());
          upstream.on('error', () => socket.destroy());
        })
        .listen(port, '127.0.0.1', () => resolve());
    }, 1_500),
  );
  const t = Date.now();
  try {
    await waitForDatabase(url.href, { timeoutMs: 30_000, log: (l) => lines.push(l) });
    await opened;
    expect(Date.now() - t).toBeGreaterThanOrEqual(1_400);
    expect(lines[0]).toContain('waiting for it');
    expect(lines.at(-1)).toContain('reachable again');
  } finally {
    await new Promise<void>((resolve) => (relay ? (relay as net.Server).close(() => resolve()) : resolve()));
  }
});

test('when PostgreSQL stays away, then the start fails after DATABASE_WAIT_SECONDS with the reason', async () => {
  const url = base();
  url.port = String(await findFreePort());
  const t = Date.now();
  await expect(waitForDatabase(url.href, { timeoutMs: 1_200, log: () => undefined })).rejects.toThrow(/ECONNREFUSED/);
  expect(Date.now() - t).toBeGreaterThanOrEqual(1_100);
});

test('when the password is wrong, then the start fails at once instead of waiting', async () => {
  const url = base();
  url.password = 'not-the-password';
  const t = Date.now();
  await expect(waitForDatabase(url.href, { timeoutMs: 60_000, log: () => undefined })).rejects.toThrow();
  expect(Date.now() - t).toBeLessThan(5_000);
});
