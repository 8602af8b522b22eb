// Reception cycles on the Temporal CLI dev server with its state in a file, run exactly as `npm start`
// runs: the demo schedules' cycles start with the service and announce their first sessions; the whole
// service (and its Temporal server) stops and starts again on the same data folder; nothing is lost or
// started twice, and an edit made after the restart reaches the running cycle.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DEMO_PASSWORD } from '../../src/org/seed-demo';
import { dataConverterFor } from '../../src/platform/temporal/connection';
import { AesGcmPayloadCodec } from '../../src/platform/temporal/encryption-codec';
import { loadPayloadKeys } from '../../src/platform/temporal/payload-key';
import { cycleStateQuery, cycleWorkflowId } from '../../workflows/reception/messages';
import { eventually } from '../support/eventually';
import { startServiceProcess, type ServiceProcess } from '../support/service-process';

let dataDir: string;
let service: ServiceProcess | undefined;
const SCHEDULES = ['rs-demo-tinh', 'rs-demo-kinh-bac', 'rs-demo-tien-du', 'rs-demo-yen-phong'];

beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'danvan-restart-'));
  chmodSync(dataDir, 0o755);
});

afterAll(async () => {
  if (service) await service.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function call(method: string, route: string, token?: string, body?: unknown) {
  const res = await fetch(`${service!.apiUrl}${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function withClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const connection = await Connection.connect({ address: service!.temporalAddress });
  try {
    const codec = new AesGcmPayloadCodec(
      loadPayloadKeys({ file: path.join(dataDir, 'payload.key') }, { createIfMissing: false }),
    );
    return await fn(new Client({ connection, dataConverter: dataConverterFor(codec) }));
  } finally {
    await connection.close();
  }
}

test('a restart of the service and its Temporal server loses no cycle and no session, starts none twice, and takes later edits', async () => {
  service = await startServiceProcess({ DANVAN_DATA_DIR: dataDir });
  const token = (
    await call('POST', '/auth/login', undefined, { username: 'chu-tich-tien-du', password: DEMO_PASSWORD })
  ).body.token as string;
  const admin = (await call('POST', '/auth/login', undefined, { username: 'quan-tri', password: DEMO_PASSWORD })).body
    .token as string;
  // "Every Thursday" with a 7-day notice: the next Thursday's session is announced at once.
  await eventually(
    async () =>
      (await call('GET', '/reception/sessions', admin)).body.items.some(
        (s: { scheduleId: string }) => s.scheduleId === 'rs-demo-tien-du',
      )
        ? true
        : undefined,
    { what: 'the first Tiên Du session' },
  );
  const before = await withClient(async (client) => {
    const runs: Record<string, { runId: string; status: string; next: unknown }> = {};
    for (const id of SCHEDULES) {
      const handle = client.workflow.getHandle(cycleWorkflowId(id));
      // Wait until each cycle is settled in its timer, so nothing is in flight when the service stops.
      const state = await eventually(
        async () => {
          const s = await handle.query(cycleStateQuery);
          return s.announceAt && Date.parse(s.announceAt) > Date.now() ? s : undefined;
        },
        { what: `cycle ${id} waiting for its next announcement` },
      );
      const d = await handle.describe();
      runs[id] = { runId: d.runId, status: d.status.name, next: state.next };
    }
    return runs;
  });
  expect(Object.values(before).map((r) => r.status)).toEqual(['RUNNING', 'RUNNING', 'RUNNING', 'RUNNING']);
  // Every cycle now waits; the sessions they started have written their rows once the list stops changing.
  const listed = async () =>
    ((await call('GET', '/reception/sessions', admin)).body.items as { id: string }[]).map((s) => s.id);
  const sessionIds = await eventually(
    async () => {
      const first = await listed();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const second = await listed();
      return first.length > 0 && JSON.stringify(first) === JSON.stringify(second) ? second : undefined;
    },
    { what: 'the announced sessions to settle' },
  );

  expect(await service.stop()).toBe(0);
  service = await startServiceProcess({ DANVAN_DATA_DIR: dataDir });
  // ensureReceptionCycles found every cycle running: it started none.
  expect(service.output()).not.toMatch(/reception cycles started/);

  await withClient(async (client) => {
    for (const id of SCHEDULES) {
      const handle = client.workflow.getHandle(cycleWorkflowId(id));
      const d = await handle.describe();
      expect({ id, runId: d.runId, status: d.status.name }).toEqual({
        id,
        runId: before[id]!.runId,
        status: 'RUNNING',
      });
      expect((await handle.query(cycleStateQuery)).next).toEqual(before[id]!.next);
    }
    for (const id of sessionIds) expect((await client.workflow.getHandle(id).describe()).status.name).toBe('RUNNING');
  });
  expect(await listed()).toEqual(sessionIds);

  // An edit after the restart reaches the same running cycle.
  const edited = await call('PATCH', '/reception/schedules/rs-demo-tien-du', token, {
    rule: { type: 'weekly', weekdays: [2, 4] },
  });
  expect(edited.status).toBe(200);
  await withClient((client) =>
    eventually(
      async () =>
        (await client.workflow.getHandle(cycleWorkflowId('rs-demo-tien-du')).query(cycleStateQuery)).specVersion === 2
          ? true
          : undefined,
      { what: 'the edit in the cycle' },
    ),
  );
}, 240_000);
