// An officer's action answered 202 ("kept, applies when the system answers") must apply even if Temporal
// loses it: an Update the server has admitted but no worker has accepted lives only in the server's memory,
// and is gone after a server restart or when the workflow drops out of the server's cache (seen in a full
// test run: a kept delegation never applied). So the API writes the Update down when it answers 202, and
// sends it again under the same update id until the workflow has answered it. Temporal deduplicates by
// update id (one still waiting, or one already completed, is the same Update), so a resend never acts twice.
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import type { Logger } from 'pino';
import type { PrismaClient } from '../db/prisma';
import { unavailableDependency } from '../runtime/unavailable';

export interface KeptAction {
  updateId: string;
  workflowId: string;
  updateName: string;
  args: unknown[];
}

/** Where a pending Update is written down; the API's composition root gives it to the use cases. */
export interface KeptActions {
  keep(action: KeptAction): Promise<void>;
}

interface StoredPayload {
  metadata: Record<string, string>;
  data: string;
}

const toStored = (p: Payload): StoredPayload => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
  ),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});
const fromStored = (s: StoredPayload): Payload => ({
  metadata: Object.fromEntries(
    Object.entries(s.metadata).map(([k, v]) => [k, new Uint8Array(Buffer.from(v, 'base64'))]),
  ),
  data: new Uint8Array(Buffer.from(s.data, 'base64')),
});

/** The arguments as the client's own data converter writes them to Temporal: through the payload codec. */
async function encodeArgs(temporal: Client, args: unknown[]): Promise<StoredPayload> {
  const converter = temporal.options.loadedDataConverter;
  let payloads = [converter.payloadConverter.toPayload(args)];
  for (const codec of converter.payloadCodecs) payloads = await codec.encode(payloads);
  return toStored(payloads[0]!);
}

async function decodeArgs(temporal: Client, stored: StoredPayload): Promise<unknown[]> {
  const converter = temporal.options.loadedDataConverter;
  let payloads = [fromStored(stored)];
  for (const codec of [...converter.payloadCodecs].reverse()) payloads = await codec.decode(payloads);
  return converter.payloadConverter.fromPayload<unknown[]>(payloads[0]!);
}

export function keptActionsStore(deps: { prisma: PrismaClient; temporal: Client }): KeptActions {
  return {
    async keep(action) {
      const payload = await encodeArgs(deps.temporal, action.args);
      await deps.prisma.keptAction.upsert({
        where: { updateId: action.updateId },
        create: {
          updateId: action.updateId,
          workflowId: action.workflowId,
          updateName: action.updateName,
          payload: payload as object,
          // The server may still hold it: the first resend waits for a worker to have had its chance.
          nextTryAt: new Date(Date.now() + RESEND_FIRST_AFTER_MS),
        },
        update: {},
      });
    },
  };
}

const RESEND_FIRST_AFTER_MS = 5_000;
const RESEND_MAX_BACKOFF_MS = 5 * 60_000;

export interface KeptActionResenderOptions {
  prisma: PrismaClient;
  temporal: Client;
  logger: Logger;
  /** How long one resend waits for the workflow's answer before trying again later. */
  waitMs: number;
  intervalMs?: number;
  batch?: number;
}

export type ResendOutcome = 'applied' | 'refused' | 'gone' | 'pending';

/** One pass over the kept actions that are due: each is applied, refused, gone, or tried again later. */
export async function resendKeptActions(options: KeptActionResenderOptions): Promise<Record<ResendOutcome, number>> {
  const { prisma, temporal, logger } = options;
  const counts: Record<ResendOutcome, number> = { applied: 0, refused: 0, gone: 0, pending: 0 };
  const due = await prisma.keptAction.findMany({
    where: { nextTryAt: { lte: new Date() } },
    orderBy: { nextTryAt: 'asc' },
    take: options.batch ?? 50,
  });
  for (const row of due) {
    let outcome: ResendOutcome;
    let lastError: string | null = null;
    try {
      const args = (await decodeArgs(temporal, row.payload as unknown as StoredPayload)) as [unknown, ...unknown[]];
      const handle = temporal.workflow.getHandle(row.workflowId);
      await temporal.withDeadline(Date.now() + options.waitMs, () =>
        handle.executeUpdate(row.updateName, { args, updateId: row.updateId }),
      );
      outcome = 'applied';
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) outcome = 'refused';
      else if (error instanceof WorkflowNotFoundError) outcome = 'gone';
      else {
        outcome = 'pending';
        lastError = unavailableDependency(error) ?? (error instanceof Error ? error.name : 'error');
      }
    }
    counts[outcome] += 1;
    if (outcome === 'pending') {
      const backoff = Math.min(RESEND_MAX_BACKOFF_MS, RESEND_FIRST_AFTER_MS * 2 ** Math.min(row.attempts, 10));
      await prisma.keptAction.update({
        where: { updateId: row.updateId },
        data: { attempts: { increment: 1 }, nextTryAt: new Date(Date.now() + backoff), lastError },
      });
      continue;
    }
    // The workflow has answered (or is no more): the record of the action is its history, not this row.
    await prisma.keptAction.delete({ where: { updateId: row.updateId } }).catch(() => undefined);
    // Ids only: the arguments may carry personal data.
    const log = {
      updateId: row.updateId,
      workflowId: row.workflowId,
      updateName: row.updateName,
      attempts: row.attempts,
    };
    if (outcome === 'applied') logger.info(log, 'kept action answered by its workflow');
    else logger.warn({ ...log, outcome }, 'kept action not applied: refused by its workflow, or the workflow is gone');
  }
  return counts;
}

/** Runs resendKeptActions every intervalMs (each API process; several at once only resend the same ids). */
export function startKeptActionResender(options: KeptActionResenderOptions): { stop: () => Promise<void> } {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return; // a slow pass (Temporal down: each resend waits waitMs) is not stacked on
    running = resendKeptActions(options)
      .catch((error: unknown) => {
        // The database or Temporal is down: the rows wait for the next pass.
        options.logger.warn({ dependency: unavailableDependency(error) ?? 'unknown' }, 'kept actions: pass skipped');
      })
      .finally(() => {
        running = null;
      });
  }, options.intervalMs ?? 5_000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
