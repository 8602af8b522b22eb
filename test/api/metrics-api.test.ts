// GET /metrics: who may read it, and that what happened through the API shows in it.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';

const METRICS_TOKEN = `scrape-${randomUUID()}`;
let h: ApiHarness;
let officer: string;
let supervisor: string;

beforeAll(async () => {
  h = await startApiHarness({ metricsToken: METRICS_TOKEN });
  [officer, supervisor] = await Promise.all([h.login(h.org.officer.username), h.login(h.org.supervisor.username)]);
});

afterAll(async () => {
  await h?.stop();
});

/** The value of one series in the text format, 0 when absent. */
function valueOf(text: string, name: string, labels: Record<string, string> = {}): number {
  const line = text
    .split('\n')
    .find((l) =>
      l.startsWith(`${name}{`) || l.startsWith(`${name} `)
        ? Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`))
        : false,
    );
  return line ? Number(line.split(' ').pop()) : 0;
}

const scrape = async () => (await request(h.app).get('/metrics').set(auth(METRICS_TOKEN)).expect(200)).text;

test('only the scraper token or an admin or supervisor session reads the metrics', async () => {
  await request(h.app).get('/metrics').expect(401);
  await request(h.app).get('/metrics').set(auth('not-a-token')).expect(401);
  await request(h.app).get('/metrics').set(auth(officer)).expect(403);
  await request(h.app).get('/metrics').set(auth('dvt_forged')).expect(403);
  const bySession = await request(h.app).get('/metrics').set(auth(supervisor)).expect(200);
  expect(bySession.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(bySession.text).toContain('process_resident_memory_bytes');
  expect(bySession.text).toContain('nodejs_eventloop_lag_seconds');
});

test('a petition registered and acted on counts as a start, a completed Update and a refusal; requests are timed by route', async () => {
  const before = await scrape();
  const created = await request(h.app)
    .post('/api/v1/petitions')
    .set(auth(officer))
    .send({
      kind: 'complaint',
      receivingUnitId: h.org.communeId,
      channel: 'in_person',
      field: 'land',
      subject: 'Đo đạc',
      body: 'Ranh giới đất.',
      receivedAt: new Date().toISOString(),
      petitioners: [{ fullName: 'Trịnh Văn Khiếu' }],
    })
    .expect(201);
  await eventually(
    () => h.db.prisma.petitionEvent.findFirst({ where: { petitionId: created.body.id, type: 'received' } }),
    { what: 'the receipt event' },
  );
  await request(h.app)
    .post(`/api/v1/petitions/${created.body.id}/actions`)
    .set(auth(officer))
    .send({ action: 'accept' })
    .expect(200);
  await request(h.app)
    .post(`/api/v1/petitions/${created.body.id}/actions`)
    .set(auth(officer))
    .send({ action: 'accept' })
    .expect(409);
  const after = await scrape();

  const delta = (name: string, labels: Record<string, string>) =>
    valueOf(after, name, labels) - valueOf(before, name, labels);
  expect(delta('danvan_workflow_starts_total', { workflow_type: 'petitionWorkflow', outcome: 'started' })).toBe(1);
  expect(delta('danvan_workflow_updates_total', { outcome: 'completed' })).toBe(1);
  expect(delta('danvan_workflow_updates_total', { outcome: 'refused' })).toBe(1);
  expect(delta('danvan_workflow_update_refusals_total', { reason: 'IllegalTransition' })).toBe(1);
  expect(
    delta('danvan_http_request_duration_seconds_count', {
      method: 'POST',
      route: '/api/v1/petitions/:id/actions',
      status_code: '200',
    }),
  ).toBe(1);
  expect(
    delta('danvan_http_request_duration_seconds_count', {
      method: 'POST',
      route: '/api/v1/petitions/:id/actions',
      status_code: '409',
    }),
  ).toBe(1);
  expect(
    delta('danvan_http_request_duration_seconds_count', {
      method: 'POST',
      route: '/api/v1/petitions',
      status_code: '201',
    }),
  ).toBe(1);
  // Raw paths never become labels.
  expect(after).not.toContain(created.body.id);
});

test('overdue cases by unit are counted at each scrape', async () => {
  const id = randomUUID();
  await h.db.prisma.petition.create({
    data: {
      id,
      trackingCode: `DV-M${id.slice(0, 3).toUpperCase()}-${id.slice(4, 8).toUpperCase()}`,
      kind: 'complaint',
      channel: 'online',
      field: 'land',
      subject: 's',
      body: 'b',
      receivingUnitId: h.org.communeId,
      unitId: h.org.otherCommuneId,
      receivedAt: new Date('2026-01-05T03:00:00Z'),
      createdById: h.org.officer.id,
      workflowId: `seed-${id}`,
      dueAt: new Date('2026-02-01T03:00:00Z'),
    },
  });
  expect(valueOf(await scrape(), 'danvan_overdue_cases', { unit_id: h.org.otherCommuneId })).toBe(1);
  await h.db.prisma.petition.update({ where: { id }, data: { closedAt: new Date() } });
  expect(valueOf(await scrape(), 'danvan_overdue_cases', { unit_id: h.org.otherCommuneId })).toBe(0);
});
