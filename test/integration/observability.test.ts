// What an operator sees of a running service: GET /metrics carries the Temporal SDK's own worker metrics
// next to the service's, from the service as `npm start` runs it.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { startServiceProcess, type ServiceProcess } from '../support/service-process';
import { eventually } from '../support/eventually';
import { DEMO_PASSWORD } from '../../src/org/seed-demo';

const METRICS_TOKEN = `scrape-${randomUUID()}`;
let service: ServiceProcess;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'danvan-observability-'));
  chmodSync(dataDir, 0o755);
  service = await startServiceProcess({ DANVAN_DATA_DIR: dataDir, METRICS_TOKEN, LOG_LEVEL: 'warn' });
}, 120_000);

afterAll(async () => {
  if (service) expect(await service.stop()).toBe(0);
  rmSync(dataDir, { recursive: true, force: true });
});

async function call(method: string, route: string, token?: string, body?: unknown) {
  const res = await fetch(`${service.apiUrl}${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

test('when a petition is registered, then GET /metrics shows the SDK worker metrics beside the service’s own', async () => {
  const officer = (
    await call('POST', '/auth/login', undefined, { username: 'can-bo-tien-du', password: DEMO_PASSWORD })
  ).body.token as string;
  const created = await call('POST', '/petitions', officer, {
    kind: 'feedback',
    receivingUnitId: 'xa-tien-du',
    channel: 'online',
    field: 'environment',
    subject: 'Đèn đường hỏng',
    body: 'Đèn đường thôn Đông hỏng đã hai tuần.',
    receivedAt: new Date().toISOString(),
    petitioners: [{ fullName: 'Người dân' }],
  });
  expect(created.status).toBe(201);
  const scrape = async () => {
    const res = await fetch(service.apiUrl.replace(/\/api\/v1$/, '/metrics'), {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(res.status).toBe(200);
    return res.text();
  };
  // The core exports on its own interval: the worker's first task shows within a few seconds.
  const text = await eventually(
    async () => {
      const t = await scrape();
      return /^temporal_workflow_completed|^temporal_workflow_task_execution_latency/m.test(t) ||
        /^temporal_worker_task_slots_available\{/m.test(t)
        ? t
        : null;
    },
    { what: 'the SDK worker metrics in GET /metrics', timeoutMs: 60_000 },
  );
  expect(text).toMatch(/^danvan_workflow_starts_total\{/m);
  expect(text).toMatch(/^temporal_\w+\{[^}]*task_queue="danvan-petitions"/m);
  expect(text).not.toMatch(/temporal sdk metrics unavailable/);
});
