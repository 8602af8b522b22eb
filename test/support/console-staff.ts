// The cast of the console's page tests: the API harness (real app, workflow, database, capturing mailer)
// and the four accounts those tests act as, each signed in through the console's own form, plus a petition
// registered through the console's registration form. One file's tests share one harness.
import type { ApiHarness } from './api-harness';
import { startApiHarness } from './api-harness';
import { signIn, type ConsoleClient } from './console-client';

export interface ConsoleStaff {
  h: ApiHarness;
  /** Officer of the commune the petitions are registered in. */
  officer: ConsoleClient;
  /** Its leader (chairman). */
  leader: ConsoleClient;
  /** The province's supervisor, with no identity grant. */
  supervisor: ConsoleClient;
  /** An officer of another commune: may read none of these cases. */
  otherOfficer: ConsoleClient;
}

/**
 * Stands for an object made in `beforeAll`: a file can destructure its cast at the top, and each property
 * is read from the real object when a test uses it (before `beforeAll` has run it is an error).
 */
function lateBound<T extends object>(what: string, current: () => T | undefined): T {
  return new Proxy({} as T, {
    get: (_target, key) => {
      const target = current();
      if (!target) throw new Error(`${what} is used before the file's beforeAll started it`);
      // Values as they are (the Express app is a function with properties of its own): a method called
      // through the stand-in reads `this.x` through it, which is the real object's.
      return Reflect.get(target, key) as unknown;
    },
  });
}

/** Registers the file's beforeAll (start, sign the four in) and afterAll (stop). */
export function useConsoleStaff(): ConsoleStaff {
  let staff: ConsoleStaff | undefined;
  beforeAll(async () => {
    const h = await startApiHarness();
    const [officer, leader, supervisor, otherOfficer] = await Promise.all(
      [h.org.officer, h.org.communeLeader, h.org.supervisor, h.org.otherOfficer].map((p) =>
        signIn(h.app, p.username, p.password),
      ),
    );
    staff = { h, officer: officer!, leader: leader!, supervisor: supervisor!, otherOfficer: otherOfficer! };
  });
  afterAll(async () => {
    await staff?.h.stop();
  });
  const client = (role: Exclude<keyof ConsoleStaff, 'h'>) => lateBound(role, () => staff?.[role]);
  return {
    h: lateBound('the harness', () => staff?.h),
    officer: client('officer'),
    leader: client('leader'),
    supervisor: client('supervisor'),
    otherOfficer: client('otherOfficer'),
  };
}

/** The registration form of a complaint in the officer's commune, every field a test may change. */
export function registrationFields(h: ApiHarness, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    kind: 'complaint',
    channel: 'in_person',
    receivingUnitId: h.org.communeId,
    field: 'land',
    subject: 'Tranh chấp ranh giới đất',
    body: 'Nội dung đơn',
    receivedAt: '2026-11-30T09:30',
    'p0.fullName': 'Nguyễn Thị Dân',
    'p0.phone': '0912 345 678',
    'p0.email': '',
    'p0.address': '',
    intent: 'register',
    idempotencyKey: `k-${Math.random().toString(36).slice(2, 12)}`,
    ...overrides,
  };
}

export interface RegisteredInConsole {
  id: string;
  code: string;
  secret: string;
  /** The receipt page. */
  html: string;
}

/** Posts the registration form as `client` and reads the receipt (201) it answers with. */
export async function registerInConsole(
  client: ConsoleClient,
  fields: Record<string, string>,
): Promise<RegisteredInConsole> {
  const res = await client.post('/console/petitions', fields, { formPage: '/console/petitions/new' });
  expect(res.status).toBe(201);
  return {
    id: /href="\/console\/petitions\/(?!new")([^"/?]+)"/.exec(res.text)![1]!,
    code: /data-testid="tracking-code">\s*([^<\s]+)\s*</.exec(res.text)![1]!,
    secret: /data-testid="tracking-secret">\s*([^<\s]+)\s*</.exec(res.text)![1]!,
    html: res.text,
  };
}
