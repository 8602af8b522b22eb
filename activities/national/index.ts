// Activities of the national sync (workflows/national/). Each is idempotent: the record's version is made
// from its content hash, a delivery is written once per Idempotency-Key, and the receiver de-duplicates on
// that key, so an attempt retried after the receiver took the record neither sends a new version nor
// counts twice. Only ids and version numbers cross into the workflow's history; the record stays here.
import { Context } from '@temporalio/activity';
import type { NationalSyncConfig } from '../../src/national/national-sync-config';
import { idempotencyKeyOf } from '../../src/national/national-record';
import {
  closeRun,
  openRun,
  prepareBatch,
  recordDelivery,
  recordToSend,
  type PreparedBatch,
  type RunSummary,
} from '../../src/national/national-records';
import { postRecord } from '../../src/national/receiver-client';
import { firstSchemaError } from '../../src/national/record-validation';
import type { ActivityContext } from '../shared/deps';

export interface PushOutcome {
  /**
   * What became of the version; `invalid`: it broke the schema and was not sent; `alreadyHeld`: the
   * receiver already had the latest version.
   */
  outcome: 'accepted' | 'rejected' | 'invalid' | 'alreadyHeld';
  version: number | null;
}

/** The running activity's context, or null when called directly (a test, a script). */
const contextOrNull = (): Context | null => {
  try {
    return Context.current();
  } catch {
    return null;
  }
};

export function createNationalSyncActivities(deps: ActivityContext & { nationalSync?: NationalSyncConfig }) {
  return {
    async prepareNationalRecords(input: { runId: string; unitId: string; batchSize: number }): Promise<PreparedBatch> {
      const now = deps.now();
      await openRun(deps.prisma, input.runId, input.unitId, now);
      return prepareBatch(deps.prisma, { runId: input.runId, unitId: input.unitId, limit: input.batchSize, now });
    },

    async pushNationalRecord(input: { runId: string; petitionId: string }): Promise<PushOutcome> {
      const config = deps.nationalSync;
      // An outage like any other: the worker that runs this was started without the receiver's address.
      if (!config) throw new Error('the national sync is not configured on this worker (NATIONAL_SYNC_URL)');
      const found = await recordToSend(deps.prisma, input.petitionId);
      if (!found) return { outcome: 'alreadyHeld', version: null };
      const { record, contentHash } = found;
      const idempotencyKey = idempotencyKeyOf(record.recordId, record.recordVersion);
      const context = contextOrNull();
      const schemaError = firstSchemaError(record);
      if (schemaError) {
        // Not retried (the same content fails the same way) and not thrown: the batch's other records go on.
        context?.log.warn('national record does not fit the schema; not sent', {
          idempotencyKey,
          path: schemaError.path,
        });
        await recordDelivery(deps.prisma, {
          runId: input.runId,
          idempotencyKey,
          record,
          contentHash,
          outcome: 'invalid',
          httpStatus: 0,
          attempts: context?.info.attempt ?? 1,
          error: `${schemaError.path}: ${schemaError.message}`,
          at: deps.now(),
        });
        return { outcome: 'invalid', version: record.recordVersion };
      }
      const answer = await postRecord(config, { idempotencyKey, body: JSON.stringify(record) });
      if (answer.kind === 'unavailable')
        throw new Error(`national receiver unavailable for ${idempotencyKey}: ${answer.reason}`);
      if (answer.kind === 'rejected')
        context?.log.warn('national receiver rejected a record', { idempotencyKey, status: answer.status });
      await recordDelivery(deps.prisma, {
        runId: input.runId,
        idempotencyKey,
        record,
        contentHash,
        outcome: answer.kind,
        httpStatus: answer.status,
        attempts: context?.info.attempt ?? 1,
        error: answer.kind === 'rejected' ? answer.body : undefined,
        at: deps.now(),
      });
      return { outcome: answer.kind, version: record.recordVersion };
    },

    async finishNationalSyncRun(input: { runId: string }): Promise<RunSummary> {
      return closeRun(deps.prisma, input.runId, deps.now());
    },
  };
}

export type NationalSyncActivities = ReturnType<typeof createNationalSyncActivities>;
