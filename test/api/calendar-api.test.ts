// The calendar tables and the officers' deadline calculator over HTTP.
import request from 'supertest';
import { auth, startApiHarness, type ApiHarness } from '../support/api-harness';

let h: ApiHarness;
let admin: string;
let officer: string;

beforeAll(async () => {
  h = await startApiHarness();
  [admin, officer] = await Promise.all([h.login(h.org.admin.username), h.login(h.org.officer.username)]);
});

afterAll(async () => {
  await h?.stop();
});

test('when no admin table exists, then the year is the computed default', async () => {
  const res = await request(h.app).get('/api/v1/calendar/2026').set(auth(officer)).expect(200);
  expect(res.body).toEqual({
    year: 2026,
    holidays: [
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-02',
      '2026-09-03',
    ],
    workingWeekends: [],
  });
});

test('when an admin replaces a year, then GET returns it and the calculator follows it', async () => {
  const before = await request(h.app)
    .post('/api/v1/deadlines/compute')
    .set(auth(officer))
    .send({ start: '2027-12-22T10:00:00+07:00', limit: 2, unit: 'working_days' })
    .expect(200);
  expect(before.body).toEqual({ dueDate: '2027-12-24', dueAt: '2027-12-24T23:59:59.999+07:00' });

  const table = { year: 2027, holidays: ['2027-01-01', '2027-12-23'], workingWeekends: ['2027-12-25'] };
  await request(h.app).put('/api/v1/calendar/2027').set(auth(admin)).send(table).expect(200);
  expect((await request(h.app).get('/api/v1/calendar/2027').set(auth(officer)).expect(200)).body).toEqual(table);

  const after = await request(h.app)
    .post('/api/v1/deadlines/compute')
    .set(auth(officer))
    .send({ start: '2027-12-22T10:00:00+07:00', limit: 3, unit: 'working_days' })
    .expect(200);
  // 23 Dec is now a day off and Saturday 25 Dec a working day: 24 (1), 25 (2), 27 (3).
  expect(after.body.dueDate).toBe('2027-12-27');
});

test('when a non-admin changes the calendar, then 403; when dates are wrong, then 400 per field', async () => {
  await request(h.app)
    .put('/api/v1/calendar/2028')
    .set(auth(officer))
    .send({ year: 2028, holidays: [], workingWeekends: [] })
    .expect(403);
  const res = await request(h.app)
    .put('/api/v1/calendar/2028')
    .set(auth(admin))
    .send({ year: 2028, holidays: ['2028-02-30', '2027-05-01'], workingWeekends: ['2028-03-01'] })
    .expect(400);
  expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([
    'holidays.0',
    'holidays.1',
    'workingWeekends.0',
  ]);
  expect((await request(h.app).get('/api/v1/calendar/2028').set(auth(officer))).body.holidays).toContain('2028-01-26');
});

test('the calculator validates its input and counts calendar days with the weekend rule', async () => {
  const res = await request(h.app)
    .post('/api/v1/deadlines/compute')
    .set(auth(officer))
    .send({ start: 'tomorrow', limit: -1, unit: 'weeks' })
    .expect(400);
  expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['limit', 'start', 'unit']);
  const ok = await request(h.app)
    .post('/api/v1/deadlines/compute')
    .set(auth(officer))
    .send({ start: '2026-11-20T09:00:00+07:00', limit: 15, unit: 'days' })
    .expect(200);
  expect(ok.body).toEqual({ dueDate: '2026-12-07', dueAt: '2026-12-07T23:59:59.999+07:00' });
});
