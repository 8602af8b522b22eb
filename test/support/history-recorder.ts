// `npm run histories:record` keeps each scenario's Temporal history in test/histories/ for the replay test.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';

export async function keepHistory(
  name: string,
  handle: { fetchHistory: () => Promise<temporal.api.history.v1.IHistory> },
): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const dir = path.join(__dirname, '..', 'histories');
  mkdirSync(dir, { recursive: true });
  const history = temporal.api.history.v1.History.fromObject(await handle.fetchHistory());
  const json = temporal.api.history.v1.History.toObject(history, { longs: String, enums: String, bytes: String });
  writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(json, null, 1));
}
