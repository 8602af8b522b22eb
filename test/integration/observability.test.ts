// What an operator sees of a running service: GET /metrics carries the Temporal SDK's own worker metrics
// next to the service's, from the service as `npm start` runs it.
import { rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { serviceApi, serviceDataDir } from '../support/service-api';
import { startServiceProcess, type ServiceProcess } from '../support/service-process';
import { eventually } from '../support/eventually';

const METRICS_TOKEN = `scrape-${randomUUID()}`;
let service: ServiceProcess;
let dataDir: string;

beforeAll(async () => {
  dataDir = serviceDataDir('observability');
  service = await startServiceProcess({ DANVAN_DATA_DIR: dataDir, METRICS_TOKEN, LOG_LEVEL: 'warn' });
}, 120_000);

afterAll(async () => {
  if (service) expect(await service.stop()).toBe(0);
  rmSync(dataDir, { recursive: true, force: true });
});

const { call, signIn } = serviceApi(() => service.apiUrl);

test('when a petition is registered, then GET /metrics shows the SDK worker metrics beside the service’s own', async () => {
  const officer = await signIn('can-bo-tien-du');
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
