// `npm run chaos`: the service on a split deployment of its own (PostgreSQL, a Temporal dev server, a fake
// SMTP relay that can fail or hang, and the worker and the API as separate processes), put through three
// faults one after the other while petitions are registered, commitments lapse, reception sessions open
// and dialogue conferences are held and published through the API:
//   1. PostgreSQL stopped for CHAOS_PG_DOWN_MINUTES,
//   2. the relay failing (or hanging: CHAOS_RELAY_FAULT=hang) for CHAOS_RELAY_DOWN_MINUTES,
//   3. the worker killed with SIGKILL CHAOS_WORKER_KILLS times over CHAOS_KILL_MINUTES.
// Then it waits (at most CHAOS_SETTLE_MINUTES) for everything accepted to be done and prints one table:
// accepted, lost, duplicated, late p50 and late max, per fault and per kind of work. Not part of `npm test`.
//
//   npm run chaos
//   CHAOS_PG_DOWN_MINUTES=20 CHAOS_RELAY_DOWN_MINUTES=30 CHAOS_PETITIONS_PER_SECOND=5 npm run chaos
//   CHAOS_FAULTS=relay CHAOS_SETTLE_MINUTES=3 npm run chaos
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { createPrismaClient } from '../../src/platform/db/prisma';
import { SMTPServer } from 'smtp-server';
import { DEMO_PASSWORD } from '../../src/org/seed-demo';
import { findFreePort } from '../../src/platform/runtime/free-port';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../src/platform/runtime/embedded-postgres';
import { resolveTemporalCli } from '../../src/platform/runtime/temporal-binaries';
import { startTemporalDevServer } from '../../src/platform/runtime/temporal-dev-server';
import { messageIdForKey } from '../../src/platform/mail/message-id';
import { dataConverterFor } from '../../src/platform/temporal/connection';
import { AesGcmPayloadCodec } from '../../src/platform/temporal/encryption-codec';
import { PETITION_SEARCH_ATTRIBUTES } from '../../workflows/petition/search-attributes';
import {
  COMMITMENT_WORKFLOW_TYPE,
  CONFERENCE_WORKFLOW_TYPE,
  type CommitmentInput,
  type ConferenceInput,
} from '../../workflows/conference/messages';
import { RECEPTION_SESSION_WORKFLOW_TYPE, type ReceptionSessionInput } from '../../workflows/reception/messages';
import { petitionWorkflowId } from '../../workflows/petition/messages';

const ROOT = path.join(__dirname, '..', '..');
const MINUTE = 60_000;
const minutes = (name: string, fallback: number) => Number(process.env[name] ?? fallback) * MINUTE;
const PG_DOWN_MS = minutes('CHAOS_PG_DOWN_MINUTES', 2);
const RELAY_DOWN_MS = minutes('CHAOS_RELAY_DOWN_MINUTES', 2);
const KILL_WINDOW_MS = minutes('CHAOS_KILL_MINUTES', 2);
const SETTLE_MS = minutes('CHAOS_SETTLE_MINUTES', 5);
const KILLS = Number(process.env.CHAOS_WORKER_KILLS ?? 4);
const RATE = Number(process.env.CHAOS_PETITIONS_PER_SECOND ?? 2);
const COMMITMENTS = Number(process.env.CHAOS_COMMITMENTS ?? 10);
const SESSIONS = Number(process.env.CHAOS_SESSIONS ?? 5);
const CONFERENCES = Number(process.env.CHAOS_CONFERENCES ?? 5);
const RELAY_FAULT = process.env.CHAOS_RELAY_FAULT === 'hang' ? 'hang' : 'fail';
/** Which faults to run, in this order: `pg`, `relay`, `kill` (CHAOS_FAULTS=relay runs the relay's alone). */
const FAULTS = (process.env.CHAOS_FAULTS ?? 'pg,relay,kill').split(',').map((f) => f.trim());
/** Load before and after each fault, so what was in flight when it began and ended is measured too. */
const MARGIN_MS = 15_000;

// The demo organisation (SEED_DEMO): an officer of xa-tien-du registers; the province's leader is told of breaches.
const OFFICER = 'can-bo-tien-du';
const UNIT = 'xa-tien-du';
const LEVEL_ABOVE_LEADER = 'chu-tich-tinh';
const CHAIR = 'chu-tich-tien-du';

const log = (line: string) => process.stderr.write(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------------------
// The relay: accepts, refuses with 421 (fail) or never answers (hang); keeps every delivery by Message-ID.

class Relay {
  mode: 'ok' | 'fail' | 'hang' = 'ok';
  /** Message-ID → when each copy arrived; envelope recipient → the same, for mail told apart by address. */
  readonly deliveries = new Map<string, number[]>();
  readonly byAddress = new Map<string, number[]>();
  private server: SMTPServer;
  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onMailFrom: (_address, _session, callback) => {
        if (this.mode === 'hang') return; // the conversation stalls: the sender's own timeouts must end it
        if (this.mode === 'fail') return callback(Object.assign(new Error('relay unavailable'), { responseCode: 421 }));
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const head =
            Buffer.concat(chunks)
              .toString('utf8')
              .split(/\r?\n\r?\n/)[0] ?? '';
          const id = /^message-id:\s*(<[^>]+>)/im.exec(head)?.[1] ?? `(none) ${randomUUID()}`;
          const now = Date.now();
          this.deliveries.set(id, [...(this.deliveries.get(id) ?? []), now]);
          for (const rcpt of session.envelope.rcptTo)
            this.byAddress.set(rcpt.address, [...(this.byAddress.get(rcpt.address) ?? []), now]);
          callback();
        });
      },
    });
  }
  listen(port: number): Promise<void> {
    // A sender killed mid-conversation resets its connection: that is the fault under test, not the relay's
    // (unhandled, it ended a 70-minute run at its first worker kill).
    this.server.on('error', () => undefined);
    return new Promise((resolve) => this.server.listen(port, '127.0.0.1', resolve));
  }
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

// ---------------------------------------------------------------------------------------------------------
// The service's processes.

interface ServiceProc {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Set before the script itself ends it, so its exit is not taken for a crash. */
  ended?: boolean;
}

function startRole(role: 'api' | 'worker', env: Record<string, string>, dataDir: string): ServiceProc {
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      ...env,
      DANVAN_PROCESS_ROLES: role,
      DANVAN_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let tail = '';
  child.stderr?.on('data', (c: Buffer) => (tail = (tail + c.toString()).slice(-12000)));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      // The whole end of a crash: an uncaught error's stack is printed above Node's last lines.
      if (code && code !== 0) log(`${role} exited ${code}: ${tail.split('\n').slice(-40).join(' | ')}`);
      resolve(signal ? null : code);
    }),
  );
  return { child, exited };
}

async function stopRole(p: ServiceProc, signal: NodeJS.Signals): Promise<void> {
  p.ended = true;
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  try {
    process.kill(-p.child.pid!, signal);
  } catch {
    return;
  }
  await p.exited;
}

// ---------------------------------------------------------------------------------------------------------
// What is measured.

interface Sample {
  acceptedAt: number;
  /** When the work was due to be done (a petition's acknowledgement: accepted; a lapse: its due time). */
  dueAt: number;
  /** The e-mail's recipient (petitions) or Message-ID (commitments), to find its Notification row. */
  address?: string;
  messageId?: string;
  /** When each copy of the e-mail that proves it done arrived at the relay. */
  deliveries: () => number[];
  /** The database row that proves the fact recorded (petition: 'received'; commitment: 'escalated'). */
  recordedAt?: number;
}

interface Row {
  fault: string;
  work: string;
  accepted: number;
  refused: number;
  lost: number;
  duplicated: number;
  /** Duplicates whose Notification row says possibleDuplicate (visible in the case history). */
  flagged: number;
  lateP50: number;
  lateMax: number;
}

const quantile = (xs: number[], q: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
};

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'danvan-chaos-'));
  chmodSync(scratch, 0o755);
  const [pgPort, temporalPort, relayPort, httpPort] = await Promise.all([
    findFreePort(),
    findFreePort(),
    findFreePort(),
    findFreePort(),
  ]);
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanup = async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

  try {
    log(`scratch ${scratch}; PostgreSQL :${pgPort}, Temporal :${temporalPort}, relay :${relayPort}, API :${httpPort}`);
    const pgDir = path.join(scratch, 'pg');
    const startPg = () => startEmbeddedPostgres({ dataDir: pgDir, port: pgPort, log: () => undefined });
    let pg: EmbeddedPostgresHandle = await startPg();
    cleanups.push(() => pg.stop());
    const temporal = await startTemporalDevServer({
      cliPath: resolveTemporalCli(process.env.TEMPORAL_CLI_PATH),
      port: temporalPort,
      uiPort: 0,
      headless: true,
      namespace: 'default',
      searchAttributes: PETITION_SEARCH_ATTRIBUTES,
      log: () => undefined,
    });
    cleanups.push(() => temporal.stop());
    const relay = new Relay();
    await relay.listen(relayPort);
    cleanups.push(() => relay.close());

    const payloadKey = randomBytes(32).toString('base64');
    const env: Record<string, string> = {
      LOG_LEVEL: 'warn',
      DATABASE_URL: pg.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: 'chaos',
      SMTP_URL: `smtp://127.0.0.1:${relayPort}`,
      PAYLOAD_KEY: payloadKey,
      HTTP_PORT: String(httpPort),
      SEED_DEMO: 'true',
      RECONCILE_INTERVAL_SECONDS: '10',
      POLICY_FILE: path.join(ROOT, 'config', 'deadline-policy.json'),
    };
    const api = startRole('api', env, path.join(scratch, 'api'));
    // Started with the API, on the same fresh database; the API seeds the demo organisation.
    const workerEnv = { ...env, SEED_DEMO: 'false' };
    let worker!: ServiceProc;
    let unplannedRestarts = 0;
    const runWorker = () => {
      const me = startRole('worker', workerEnv, path.join(scratch, 'worker'));
      worker = me;
      void me.exited.then(() => {
        if (me.ended) return;
        // What a supervisor (systemd Restart=on-failure, a container runtime) does.
        unplannedRestarts += 1;
        log('worker exited on its own; restarting it');
        setTimeout(runWorker, 2_000);
      });
    };
    runWorker();
    cleanups.push(() => stopRole(api, 'SIGKILL'));
    cleanups.push(() => stopRole(worker, 'SIGKILL'));
    const apiUrl = `http://127.0.0.1:${httpPort}/api/v1`;
    for (const deadline = Date.now() + 120_000; ;) {
      const ready = await fetch(`${apiUrl}/ready`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ready) break;
      if (Date.now() > deadline) throw new Error('the API was not ready within 2 minutes');
      await sleep(500);
    }
    const login = await fetch(`${apiUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: OFFICER, password: DEMO_PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login answered ${login.status}`);
    const token = ((await login.json()) as { token: string }).token;
    const chairLogin = await fetch(`${apiUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: CHAIR, password: DEMO_PASSWORD }),
    });
    if (chairLogin.status !== 200) throw new Error(`the chair's login answered ${chairLogin.status}`);
    const chairToken = ((await chairLogin.json()) as { token: string }).token;

    const query = async <T>(sql: string, args: unknown[] = []): Promise<T[]> => {
      const c = new PgClient({ connectionString: pg.url });
      await c.connect();
      try {
        return (await c.query(sql, args)).rows as T[];
      } finally {
        await c.end();
      }
    };
    const connection = await Connection.connect({ address: temporal.address });
    cleanups.push(() => connection.close());
    const client = new Client({
      connection,
      dataConverter: dataConverterFor(new AesGcmPayloadCodec([Buffer.from(payloadKey, 'base64')])),
    });

    // ---- the petitions: a client that retries with the same Idempotency-Key until it gets an answer
    const petitionLoad = (fault: string, durationMs: number) => {
      const samples = new Map<string, Sample>(); // petition id → sample
      let refused = 0;
      const inFlight: Promise<void>[] = [];
      const stopAt = Date.now() + durationMs;
      const createOne = async (n: number) => {
        const key = `chaos-${slug(fault)}-${n}-${randomUUID().slice(0, 8)}`;
        const address = `${key}@chaos.test`;
        const sentAt = Date.now();
        let attempt = 0;
        for (;;) {
          const res = await fetch(`${apiUrl}/petitions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
            body: JSON.stringify({
              kind: 'complaint',
              receivingUnitId: UNIT,
              channel: 'in_person',
              field: 'land',
              subject: `Chaos ${key}`,
              body: 'Đơn thử nghiệm khi có sự cố.',
              receivedAt: new Date(sentAt).toISOString(),
              petitioners: [{ fullName: 'Người Thử', email: address }],
            }),
            signal: AbortSignal.timeout(30_000),
          }).catch(() => null);
          if (res && (res.status === 201 || res.status === 200)) {
            const body = (await res.json()) as { id: string };
            // The acknowledgement to the first (only) petitioner, told by its stable Message-ID, so another
            // e-mail to the same address is not counted as its duplicate.
            const messageId = messageIdForKey(`${petitionWorkflowId(body.id)}:ack:c0`);
            samples.set(body.id, {
              acceptedAt: Date.now(),
              // From the first attempt: a client that retried through an outage waited all that time.
              dueAt: sentAt,
              address,
              messageId,
              deliveries: () => relay.deliveries.get(messageId) ?? [],
            });
            return;
          }
          if (res && res.status >= 400 && res.status < 500 && res.status !== 429) {
            if (refused === 0) log(`a create refused: ${res.status} ${(await res.text()).slice(0, 300)}`);
            refused += 1;
            return;
          }
          // 503 / 5xx / no answer: the client tries again, as a well-behaved client does: after the Retry-After
          // the service asked for, or backing off (1 s doubling to 30 s) with jitter; it gives up after the run.
          if (Date.now() > stopAt + SETTLE_MS) return;
          attempt += 1;
          await res?.text().catch(() => '');
          const retryAfter = Number(res?.headers.get('retry-after'));
          const backoff = Math.min(30_000, 1_000 * 2 ** Math.min(attempt - 1, 5));
          const wait = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1_000 : backoff;
          await sleep(wait * (0.5 + Math.random()));
        }
      };
      const running = (async () => {
        for (let n = 0; Date.now() < stopAt; n++) {
          inFlight.push(createOne(n));
          await sleep(1_000 / RATE);
        }
      })();
      return {
        samples,
        refused: () => refused,
        done: async () => {
          await running;
          await Promise.all(inFlight);
        },
      };
    };

    // ---- the commitments: each lapses inside the fault window; its lapse must be recorded when due
    const conferenceId = `conf-chaos-${randomUUID().slice(0, 8)}`;
    const prisma = createPrismaClient(pg.url);
    cleanups.push(() => prisma.$disconnect());
    await prisma.conference.create({
      data: {
        id: conferenceId,
        unitId: UNIT,
        kind: 'adhoc',
        title: 'Đối thoại thử nghiệm sự cố',
        startsAt: new Date(),
        location: 'Hội trường',
        chairId: CHAIR,
        status: 'held',
        createdById: CHAIR,
      },
    });
    const startCommitments = async (fault: string, firstDueAt: number, windowMs: number) => {
      const samples = new Map<string, Sample>();
      for (let i = 0; i < COMMITMENTS; i++) {
        const dueAt = firstDueAt + Math.round((i * windowMs) / Math.max(1, COMMITMENTS));
        const commitmentId = `commitment-chaos-${fault}-${i}-${randomUUID().slice(0, 8)}`;
        const opinion = await prisma.conferenceOpinion.create({
          data: {
            conferenceId,
            field: 'infrastructure',
            content: 'Ý kiến thử nghiệm',
            outcome: 'commitment',
            recordedById: OFFICER,
          },
        });
        await prisma.commitment.create({
          data: {
            id: commitmentId,
            conferenceId,
            opinionId: opinion.id,
            unitId: UNIT,
            assigneeId: OFFICER,
            description: 'Cam kết thử nghiệm',
            promisedBy: new Date(dueAt).toISOString().slice(0, 10),
            dueAt: new Date(dueAt),
            status: 'open',
          },
        });
        const input: CommitmentInput = {
          commitmentId,
          conferenceId,
          opinionId: opinion.id,
          unitId: UNIT,
          assigneeId: OFFICER,
          dueAt: new Date(dueAt).toISOString(),
          // The day before: its 08:00 reminder is already past, so the workflow next wakes at the due time (a
          // reminder due after the due time would hold the escalation back; the API only sets end-of-day dues).
          remindBeforeDays: 1,
        };
        await client.workflow.start(COMMITMENT_WORKFLOW_TYPE, {
          taskQueue: 'chaos',
          workflowId: commitmentId,
          args: [input],
        });
        samples.set(commitmentId, {
          acceptedAt: Date.now(),
          dueAt,
          messageId: messageIdForKey(`${commitmentId}:escalated:p${LEVEL_ABOVE_LEADER}`),
          deliveries: () =>
            relay.deliveries.get(messageIdForKey(`${commitmentId}:escalated:p${LEVEL_ABOVE_LEADER}`)) ?? [],
        });
      }
      return samples;
    };

    // ---- reception sessions (what a reception cycle starts): each opens inside the fault window, at a whole
    // minute in Vietnam's time (a session's start is a day and HH:MM); its opening must be recorded when due.
    // Its leader's reminder goes out at once (the session is for today, past 08:00 the day before).
    const startSessions = async (fault: string, firstAt: number, windowMs: number) => {
      const samples = new Map<string, Sample>();
      const VN = 7 * 3_600_000;
      for (let i = 0; i < SESSIONS; i++) {
        const at = Math.ceil((firstAt + (i * windowMs) / Math.max(1, SESSIONS)) / MINUTE) * MINUTE;
        const local = new Date(at + VN).toISOString();
        const day = local.slice(0, 10);
        const sessionId = `reception-chaos-${slug(fault)}-${i}-${randomUUID().slice(0, 8)}`;
        const input: ReceptionSessionInput = {
          sessionId,
          scheduleId: `chaos-${slug(fault)}`,
          unitId: UNIT,
          nominalDay: day,
          day,
          startTime: local.slice(11, 16),
          durationMinutes: 60,
          location: 'Trụ sở tiếp công dân',
          leaderId: CHAIR,
          jointUnitIds: [],
        };
        await client.workflow.start(RECEPTION_SESSION_WORKFLOW_TYPE, {
          taskQueue: 'chaos',
          workflowId: sessionId,
          args: [input],
        });
        const messageId = messageIdForKey(`${sessionId}:remind:${day}:${CHAIR}:p${CHAIR}`);
        samples.set(sessionId, {
          acceptedAt: Date.now(),
          dueAt: at,
          messageId,
          deliveries: () => relay.deliveries.get(messageId) ?? [],
        });
      }
      return samples;
    };

    // ---- dialogue conferences: each is held, gets one opinion answered and has its results published through
    // the API during the fault window, by a client that retries like the petitions' one and follows a 202 to
    // the Update's result. The workflow is started here (not by POST /conferences): the API only takes
    // conferences announced a week ahead, and these are held now. Each step carries an Idempotency-Key, so a
    // retry after a lost answer is the same action. Proof: the results published (the fact),
    // the participant's outcome e-mail once, and one opinion row per conference (a retried POST must not add one).
    const apiCall = async (
      path: string,
      body: unknown,
      bearer: string,
      stopAt: number,
      key: string,
    ): Promise<number> => {
      let attempt = 0;
      let url = `${apiUrl}${path}`;
      let method = 'POST';
      for (;;) {
        const res = await fetch(url, {
          method,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, 'idempotency-key': key },
          ...(method === 'POST' ? { body: JSON.stringify(body) } : {}),
          signal: AbortSignal.timeout(30_000),
        }).catch(() => null);
        if (res && res.status === 202) {
          // The workflow has not answered yet: follow the Update (GET is safe to repeat), never re-POST.
          const pending = (await res.json()) as { href?: string };
          if (pending.href) {
            url = `http://127.0.0.1:${httpPort}${pending.href}`;
            method = 'GET';
          }
          await sleep(2_000);
          continue;
        }
        if (res && res.status < 500 && res.status !== 429) {
          await res.text().catch(() => '');
          return res.status;
        }
        if (Date.now() > stopAt) return res?.status ?? 0;
        attempt += 1;
        await res?.text().catch(() => '');
        const retryAfter = Number(res?.headers.get('retry-after'));
        const backoff = Math.min(30_000, 1_000 * 2 ** Math.min(attempt - 1, 5));
        await sleep(
          (Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1_000 : backoff) * (0.5 + Math.random()),
        );
      }
    };
    const startConferences = (fault: string, firstAt: number, windowMs: number) => {
      const samples = new Map<string, Sample>();
      const refusals: string[] = [];
      const runs: Promise<void>[] = [];
      for (let i = 0; i < CONFERENCES; i++) {
        const at = firstAt + Math.round((i * windowMs) / Math.max(1, CONFERENCES));
        const conferenceId = `conf-chaos-${slug(fault)}-${i}-${randomUUID().slice(0, 8)}`;
        const address = `${conferenceId}@chaos.test`;
        runs.push(
          (async () => {
            const startsAt = new Date(Date.now() + 30 * MINUTE);
            await prisma.conference.create({
              data: {
                id: conferenceId,
                unitId: UNIT,
                kind: 'adhoc',
                title: 'Đối thoại trong sự cố',
                startsAt,
                location: 'Hội trường xã',
                chairId: CHAIR,
                status: 'announced',
                createdById: CHAIR,
              },
            });
            const input: ConferenceInput = {
              conferenceId,
              unitId: UNIT,
              chairId: CHAIR,
              startsAt: startsAt.toISOString(),
              resultsWithinDays: 10,
              remindResultsBeforeDays: 2,
            };
            await client.workflow.start(CONFERENCE_WORKFLOW_TYPE, {
              taskQueue: 'chaos',
              workflowId: conferenceId,
              args: [input],
            });
            await sleep(Math.max(0, at - Date.now()));
            const began = Date.now();
            samples.set(conferenceId, {
              acceptedAt: began,
              dueAt: began,
              address,
              deliveries: () => relay.byAddress.get(address) ?? [],
            });
            const stopAt = Date.now() + windowMs + SETTLE_MS;
            const steps: [string, unknown, string][] = [
              ['hold', { attendeeCount: 40, minutes: 'Biên bản hội nghị đối thoại thử nghiệm.' }, token],
              [
                'opinions',
                {
                  participantName: 'Người Dự',
                  participantEmail: address,
                  field: 'infrastructure',
                  content: 'Đường liên thôn xuống cấp.',
                  outcome: 'answered',
                  answer: 'Đã đưa vào kế hoạch sửa chữa quý tới.',
                },
                token,
              ],
              ['publish', { summary: 'Kết quả đối thoại thử nghiệm.' }, chairToken],
            ];
            for (const [step, body, bearer] of steps) {
              const status = await apiCall(
                `/conferences/${conferenceId}/${step}`,
                body,
                bearer,
                stopAt,
                `${conferenceId}:${step}`,
              );
              // 409 on a repeated hold: an earlier attempt was applied before its answer was lost.
              if (status >= 300 && !(status === 409 && step === 'hold')) {
                refusals.push(`${step} ${status}`);
                return;
              }
            }
          })().catch((error: unknown) => void refusals.push(String(error))),
        );
      }
      return { samples, refusals, done: () => Promise.all(runs) };
    };

    // ---- the faults
    const faults: { id: string; name: string; windowMs: number; run: () => Promise<void> }[] = [
      {
        id: 'pg',
        name: `PostgreSQL down ${PG_DOWN_MS / MINUTE} min`,
        windowMs: PG_DOWN_MS,
        run: async () => {
          await pg.stop();
          log('PostgreSQL stopped');
          await sleep(PG_DOWN_MS);
          pg = await startPg();
          log('PostgreSQL back');
        },
      },
      {
        id: 'relay',
        name: `relay ${RELAY_FAULT === 'hang' ? 'hanging' : 'down'} ${RELAY_DOWN_MS / MINUTE} min`,
        windowMs: RELAY_DOWN_MS,
        run: async () => {
          relay.mode = RELAY_FAULT;
          log(`relay ${relay.mode}`);
          await sleep(RELAY_DOWN_MS);
          relay.mode = 'ok';
          log('relay back');
        },
      },
      {
        id: 'kill',
        name: `worker kill -9 ×${KILLS} in ${KILL_WINDOW_MS / MINUTE} min`,
        windowMs: KILL_WINDOW_MS,
        run: async () => {
          for (let k = 0; k < KILLS; k++) {
            await sleep(KILL_WINDOW_MS / KILLS - 3_000);
            await stopRole(worker, 'SIGKILL');
            log(`worker killed (${k + 1}/${KILLS})`);
            await sleep(3_000);
            runWorker();
          }
        },
      },
    ];

    const runs: {
      fault: string;
      petitions: ReturnType<typeof petitionLoad>;
      commitments: Map<string, Sample>;
      sessions: Map<string, Sample>;
      conferences: ReturnType<typeof startConferences>;
    }[] = [];
    for (const fault of faults.filter((f) => FAULTS.includes(f.id))) {
      log(`— ${fault.name}`);
      const commitments = await startCommitments(fault.name, Date.now() + MARGIN_MS + 10_000, fault.windowMs * 0.8);
      const sessions = await startSessions(fault.name, Date.now() + MARGIN_MS + 10_000, fault.windowMs * 0.8);
      const conferences = startConferences(fault.name, Date.now() + MARGIN_MS + 5_000, fault.windowMs * 0.8);
      const petitions = petitionLoad(fault.name, fault.windowMs + 2 * MARGIN_MS);
      await sleep(MARGIN_MS);
      await fault.run();
      await sleep(MARGIN_MS);
      await petitions.done();
      runs.push({ fault: fault.name, petitions, commitments, sessions, conferences });
      // What is known now, so a run cut short later still tells what each fault did.
      log(
        `${fault.name}: ${petitions.samples.size} petitions accepted, ${petitions.refused()} refused; ${unplannedRestarts} unplanned worker restarts so far`,
      );
    }

    // ---- settle: everything accepted done, or the time is up
    const recordedPetitions = async (ids: string[]) =>
      new Map(
        (
          await query<{ petitionId: string; at: Date }>(
            `SELECT "petitionId", at FROM "PetitionEvent" WHERE type = 'received' AND "petitionId" = ANY($1)`,
            [ids],
          )
        ).map((r) => [r.petitionId, r.at.getTime()]),
      );
    const recordedLapses = async (ids: string[]) =>
      new Map(
        (
          await query<{ commitmentId: string; at: Date }>(
            `SELECT "commitmentId", at FROM "CommitmentEvent" WHERE type = 'escalated' AND "commitmentId" = ANY($1)`,
            [ids],
          )
        ).map((r) => [r.commitmentId, r.at.getTime()]),
      );
    const recordedOpenings = async (ids: string[]) =>
      new Map(
        (
          await query<{ sessionId: string; at: Date }>(
            `SELECT "sessionId", at FROM "ReceptionEvent" WHERE type = 'opened' AND "sessionId" = ANY($1)`,
            [ids],
          )
        ).map((r) => [r.sessionId, r.at.getTime()]),
      );
    const recordedPublications = async (ids: string[]) =>
      new Map(
        (
          await query<{ conferenceId: string; at: Date }>(
            `SELECT "conferenceId", at FROM "ConferenceEvent" WHERE type = 'published' AND "conferenceId" = ANY($1)`,
            [ids],
          )
        ).map((r) => [r.conferenceId, r.at.getTime()]),
      );
    const allSamples = () =>
      runs.flatMap((r) => [
        ...r.petitions.samples.values(),
        ...r.commitments.values(),
        ...r.sessions.values(),
        ...r.conferences.samples.values(),
      ]);
    const settleBy = Date.now() + SETTLE_MS;
    while (Date.now() < settleBy && allSamples().some((s) => s.deliveries().length === 0)) await sleep(2_000);
    await sleep(5_000); // a late duplicate would show here

    // The log keeps "công dân …", never a citizen's address: a petition's duplicate is told by its petition id.
    const flaggedRows = await query<{ petitionId: string | null; messageId: string | null }>(
      `SELECT "petitionId", "messageId" FROM "Notification" WHERE "possibleDuplicate"`,
    );
    const flaggedKeys = new Set(flaggedRows.flatMap((r) => [r.petitionId ?? '', r.messageId ?? '']).filter(Boolean));
    const rows: Row[] = [];
    for (const run of runs) {
      const petitionIds = [...run.petitions.samples.keys()];
      const received = await recordedPetitions(petitionIds);
      const rowsByKey = await query<{ subject: string; n: string }>(
        `SELECT subject, count(*) AS n FROM "Petition" WHERE subject LIKE $1 GROUP BY subject HAVING count(*) > 1`,
        [`Chaos chaos-${slug(run.fault)}-%`],
      );
      const lapses = await recordedLapses([...run.commitments.keys()]);
      const measure = (
        work: string,
        samples: Map<string, Sample>,
        recorded: Map<string, number>,
        extraDup: number,
        refused: number,
      ) => {
        let lost = 0;
        let duplicated = extraDup;
        let flagged = 0;
        const late: number[] = [];
        for (const [id, s] of samples) {
          const delivered = s.deliveries();
          if (!recorded.has(id) || delivered.length === 0) lost += 1;
          if (delivered.length > 1) {
            duplicated += delivered.length - 1;
            if (flaggedKeys.has(id) || flaggedKeys.has(s.messageId ?? '')) flagged += delivered.length - 1;
          }
          if (delivered.length > 0) late.push(delivered[0]! - s.dueAt);
        }
        rows.push({
          fault: run.fault,
          work,
          accepted: samples.size,
          refused,
          lost,
          duplicated,
          flagged,
          lateP50: quantile(late, 0.5),
          lateMax: quantile(late, 1),
        });
      };
      measure(
        'petition: registered + acknowledged',
        run.petitions.samples,
        received,
        rowsByKey.length,
        run.petitions.refused(),
      );
      measure('commitment: lapse escalated + e-mailed', run.commitments, lapses, 0, 0);
      // The fact on time: how long after its due time each lapse was recorded.
      const recordedLate = [...run.commitments].flatMap(([id, s]) =>
        lapses.has(id) ? [lapses.get(id)! - s.dueAt] : [],
      );
      rows.push({
        fault: run.fault,
        work: 'commitment: lapse recorded (fact only)',
        accepted: run.commitments.size,
        refused: 0,
        lost: run.commitments.size - recordedLate.length,
        duplicated: 0,
        flagged: 0,
        lateP50: quantile(recordedLate, 0.5),
        lateMax: quantile(recordedLate, 1),
      });
      // Reception sessions: the reminder e-mailed once (late from when the session was started), and the opening
      // recorded at its start time.
      const openings = await recordedOpenings([...run.sessions.keys()]);
      const reminders = new Map([...run.sessions].map(([id, s]) => [id, { ...s, dueAt: s.acceptedAt }]));
      measure('reception session: reminder e-mailed', reminders, openings, 0, 0);
      const openedLate = [...run.sessions].flatMap(([id, s]) =>
        openings.has(id) ? [openings.get(id)! - s.dueAt] : [],
      );
      rows.push({
        fault: run.fault,
        work: 'reception session: opened at its time (fact)',
        accepted: run.sessions.size,
        refused: 0,
        lost: run.sessions.size - openedLate.length,
        duplicated: 0,
        flagged: 0,
        lateP50: quantile(openedLate, 0.5),
        lateMax: quantile(openedLate, 1),
      });
    }
    for (const run of runs) {
      await run.conferences.done();
      const ids = [...run.conferences.samples.keys()];
      const published = await recordedPublications(ids);
      const extraOpinions = await query<{ n: string }>(
        `SELECT count(*) - count(DISTINCT "conferenceId") AS n FROM "ConferenceOpinion" WHERE "conferenceId" = ANY($1)`,
        [ids],
      );
      if (run.conferences.refusals.length)
        log(`${run.fault}: conference steps refused: ${run.conferences.refusals.slice(0, 5).join('; ')}`);
      const before = rows.length;
      // The same measure as the others, with the duplicated opinion rows added to the duplicates.
      const lost = (id: string) =>
        !published.has(id) || (run.conferences.samples.get(id)?.deliveries().length ?? 0) === 0;
      const late = [...run.conferences.samples.values()].flatMap((s) => {
        const d = s.deliveries();
        return d.length ? [d[0]! - s.dueAt] : [];
      });
      const publishedLate = [...run.conferences.samples].flatMap(([id, s]) =>
        published.has(id) ? [published.get(id)! - s.dueAt] : [],
      );
      rows.push({
        fault: run.fault,
        work: 'conference: held, opinion, published + outcome e-mailed (API)',
        accepted: run.conferences.samples.size,
        refused: run.conferences.refusals.length,
        lost: ids.filter(lost).length,
        duplicated:
          Number(extraOpinions[0]?.n ?? 0) +
          [...run.conferences.samples.values()].reduce((n, s) => n + Math.max(0, s.deliveries().length - 1), 0),
        flagged: 0,
        lateP50: quantile(late, 0.5),
        lateMax: quantile(late, 1),
      });
      rows.push({
        fault: run.fault,
        work: 'conference: results published (fact)',
        accepted: run.conferences.samples.size,
        refused: 0,
        lost: run.conferences.samples.size - publishedLate.length,
        duplicated: 0,
        flagged: 0,
        lateP50: quantile(publishedLate, 0.5),
        lateMax: quantile(publishedLate, 1),
      });
      // Keep each fault's rows together.
      const added = rows.splice(before);
      const lastOfFault = rows.map((r) => r.fault).lastIndexOf(run.fault);
      rows.splice(lastOfFault + 1, 0, ...added);
    }
    printTable(rows);
    process.stdout.write(`worker restarts not caused by the script: ${unplannedRestarts}\n`);
  } finally {
    await cleanup();
  }
}

function printTable(rows: Row[]): void {
  const s = (ms: number) => (Number.isNaN(ms) ? '—' : `${(ms / 1000).toFixed(1)} s`);
  const header = [
    'fault',
    'work',
    'accepted',
    'refused',
    'lost',
    'duplicated',
    'of which flagged',
    'late p50',
    'late max',
  ];
  const cells = rows.map((r) => [
    r.fault,
    r.work,
    String(r.accepted),
    String(r.refused),
    String(r.lost),
    String(r.duplicated),
    String(r.flagged),
    s(r.lateP50),
    s(r.lateMax),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  process.stdout.write(
    [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n') + '\n',
  );
  process.stdout.write(
    'late: petition — acknowledgement delivered after the first create attempt; commitment — escalation e-mail delivered (or, fact only, the lapse recorded) after the due time; conference — the outcome e-mail (or, fact only, the publication recorded) after its first API call, duplicates counting extra opinion rows. lost: accepted but not recorded or never e-mailed by the end of the settle time. flagged: the duplicate’s Notification says possibleDuplicate (in the case history).\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
