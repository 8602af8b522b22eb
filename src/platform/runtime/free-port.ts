import { readFileSync } from 'node:fs';
import net from 'node:net';

// A port handed to a child that binds it seconds later (embedded PostgreSQL, the Temporal dev server, a
// service under test) must not be one the kernel may meanwhile give to an outgoing connection: a port from
// listen(0) comes from the ephemeral range, which is also where every client socket's local port comes from,
// and a test once failed with "HTTP port … is already in use" that way. So ports are drawn below that range,
// from a slice of their own per jest worker (two workers never draw the same one), never twice in a process.

const LOW = 16_000;
const SLICE = 1_800;
const WORKER_SLICES = 8;
const given = new Set<number>();

/** The first port of the kernel's ephemeral range (Linux default 32768); ports are drawn below it. */
function ephemeralStart(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    return low !== undefined && Number.isInteger(low) && low > 0 ? low : 32_768;
  } catch {
    return 32_768; // not Linux: its usual default
  }
}

/** This process's slice: a jest worker's by its id, any other process the part above the workers' slices. */
function slice(): [number, number] {
  const top = ephemeralStart();
  const worker = Number(process.env.JEST_WORKER_ID);
  const workersEnd = LOW + WORKER_SLICES * SLICE;
  if (Number.isInteger(worker) && worker >= 1) {
    const start = LOW + ((worker - 1) % WORKER_SLICES) * SLICE;
    return [start, Math.min(start + SLICE, top)];
  }
  return [workersEnd, top];
}

/** A free loopback port below the ephemeral range, not handed out before by this process. */
export async function findFreePort(): Promise<number> {
  const [start, end] = slice();
  if (end - start >= 100) {
    for (let attempt = 0; attempt < 50; attempt++) {
      const port = start + Math.floor(Math.random() * (end - start));
      if (given.has(port)) continue;
      given.add(port);
      if (await isPortFree(port)) return port;
    }
  }
  return kernelPort(); // a machine whose ephemeral range leaves no room below it
}

/** Asks the kernel for a free loopback port (from the ephemeral range). */
function kernelPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}
