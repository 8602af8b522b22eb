// The JSON API of a service run as a child process (service-process.ts), called as a client would: over
// fetch, with a bearer token. `apiUrl` is read at each call, since the service starts in `beforeAll`.
import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '../../src/org/seed-demo';

export function serviceApi(apiUrl: () => string) {
  async function call(method: string, route: string, token?: string, body?: unknown) {
    const res = await fetch(`${apiUrl()}${route}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  }
  /** A token of one of the demo people, who share the demo seed's password. */
  const signIn = async (username: string) =>
    (await call('POST', '/auth/login', undefined, { username, password: DEMO_PASSWORD })).body.token as string;
  return { call, signIn };
}

/** A data folder for the service's child process; readable by the embedded PostgreSQL it runs. */
export function serviceDataDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `danvan-${prefix}-`));
  chmodSync(dir, 0o755);
  return dir;
}
