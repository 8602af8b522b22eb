// Ports handed to children that bind them later are drawn below the kernel's ephemeral range, where no
// outgoing connection can take them in the meantime, and never twice in one process.
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { findFreePort } from '../../src/platform/runtime/free-port';

const ephemeralLow = (() => {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
  } catch {
    return 32_768;
  }
})();

test('free ports come from below the ephemeral range, distinct, and actually free', async () => {
  const ports: number[] = [];
  for (let i = 0; i < 40; i++) ports.push(await findFreePort());
  expect(new Set(ports).size).toBe(ports.length);
  for (const port of ports) expect(port).toBeLessThan(ephemeralLow);
  // Each can be bound right away.
  for (const port of ports.slice(0, 5)) {
    await new Promise<void>((resolve, reject) => {
      const server = net.createServer().once('error', reject);
      server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
    });
  }
});
