// OpenTelemetry traces from the compiled service (its prebuilt workflow bundle with the tracing interceptors):
// with an OTLP endpoint configured, one petition's registration and an officer's action each reach the
// collector as one trace, from the HTTP request through the Temporal client and the workflow to an activity.
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventually } from '../support/eventually';
import { compiledService, mainOf } from '../support/service-build';
import { serviceApi, serviceDataDir } from '../support/service-api';
import { startServiceProcess, type ServiceProcess } from '../support/service-process';

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
}

const SERVER_KIND = 2;
let collector: Server;
const spans: ExportedSpan[] = [];
const posts: string[] = [];
let service: ServiceProcess | undefined;
let dataDir: string;
let build: { outDir: string; remove: () => void } | undefined;

/** A collector's OTLP/HTTP JSON endpoint: what the exporter posts to `<endpoint>/v1/traces`. */
function startCollector(): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      posts.push(`${req.method} ${req.url} ${req.headers['content-type']}`);
      if (req.method === 'POST' && req.url === '/v1/traces') {
        const payload = JSON.parse(body) as {
          resourceSpans?: { scopeSpans?: { spans?: ExportedSpan[] }[] }[];
        };
        for (const rs of payload.resourceSpans ?? [])
          for (const ss of rs.scopeSpans ?? []) spans.push(...(ss.spans ?? []));
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  collector = await startCollector();
  // The suite's build from global setup (it has the traced workflow bundle too), or this file's own.
  const made = compiledService('tracing');
  build = made;
  dataDir = serviceDataDir('tracing');
  service = await startServiceProcess(
    {
      DANVAN_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
      // The batch goes out within a fifth of a second instead of five.
      OTEL_BSP_SCHEDULE_DELAY: '200',
    },
    [mainOf(made.outDir)],
  );
}, 240_000);

afterAll(async () => {
  if (service) expect(await service.stop()).toBe(0);
  await new Promise((resolve) => collector?.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
  build?.remove();
});

const { call, signIn } = serviceApi(() => service!.apiUrl);

const named = (name: string) => spans.filter((s) => s.name === name);
const byId = (id: string | undefined) => spans.find((s) => s.spanId === id);

test('when a petition is registered and acted on, then each request is one trace from its HTTP span through the workflow to an activity', async () => {
  const officer = await signIn('can-bo-tien-du');
  const created = await call('POST', '/petitions', officer, {
    kind: 'complaint',
    receivingUnitId: 'xa-tien-du',
    channel: 'in_person',
    field: 'land',
    subject: 'Tranh chấp ranh giới',
    body: 'Đề nghị xem xét.',
    receivedAt: new Date().toISOString(),
    petitioners: [{ fullName: 'Người dân' }],
  });
  expect(created.status).toBe(201);

  // Registration: HTTP span → the client's StartWorkflow → (the workflow's run, exported when it ends) →
  // the workflow's StartActivity for its first event → the activity's RunActivity.
  const start = await eventually(async () => named('StartWorkflow:petitionWorkflow')[0], {
    what: 'the StartWorkflow span',
    timeoutMs: 60_000,
  });
  // A parent ends after its child (the request answers after the start), so it may come in a later batch.
  const createRequest = await eventually(async () => byId(start.parentSpanId), {
    what: 'the registration request span',
  });
  expect(createRequest).toMatchObject({ kind: SERVER_KIND, traceId: start.traceId });
  expect(createRequest.parentSpanId || undefined).toBeUndefined();
  const firstWrite = await eventually(
    async () => named('RunActivity:recordPetitionEvent').find((s) => s.traceId === start.traceId),
    { what: "the first event's activity span in the registration's trace", timeoutMs: 60_000 },
  );
  expect(await eventually(async () => byId(firstWrite.parentSpanId), { what: 'the StartActivity span' })).toMatchObject(
    { name: 'StartActivity:recordPetitionEvent', traceId: start.traceId },
  );

  const acted = await call('POST', `/petitions/${created.body.id}/actions`, officer, { action: 'accept' });
  expect(acted.status).toBe(200);
  expect(acted.body.stage).toBe('accepted');

  // The action: HTTP span → StartWorkflowUpdate → HandleUpdate in the workflow → StartActivity → RunActivity.
  const update = await eventually(async () => named('StartWorkflowUpdate:action')[0], {
    what: 'the StartWorkflowUpdate span',
    timeoutMs: 60_000,
  });
  const actionRequest = await eventually(async () => byId(update.parentSpanId), { what: 'the action request span' });
  expect(actionRequest).toMatchObject({ kind: SERVER_KIND, traceId: update.traceId });
  expect(actionRequest.traceId).not.toBe(start.traceId);
  const handled = await eventually(
    async () => named('HandleUpdate:action').find((s) => s.parentSpanId === update.spanId),
    { what: "the workflow's HandleUpdate span under the client's", timeoutMs: 60_000 },
  );
  const actionWrite = await eventually(
    async () =>
      named('RunActivity:recordPetitionEvent').find((s) => byId(s.parentSpanId)?.parentSpanId === handled.spanId),
    { what: "the action's event write under HandleUpdate", timeoutMs: 60_000 },
  );
  expect(actionWrite.traceId).toBe(actionRequest.traceId);
  expect(posts.every((p) => p.startsWith('POST /v1/traces application/json'))).toBe(true);
});
