// A process started while PostgreSQL is down (a restart during an outage, or every part of a deployment
// started at once) waits for it instead of exiting: its cases wait too, and a supervisor restarting it every
// few seconds only adds noise. Anything other than "cannot be reached" (a wrong password, no such database)
// is a configuration error and fails at once.
import pg from 'pg';
import { unavailableDependency } from '../runtime/unavailable';

export interface WaitForDatabaseOptions {
  /** Give up after this long (DATABASE_WAIT_SECONDS); the start then fails with the last error. */
  timeoutMs: number;
  log: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

export async function waitForDatabase(connectionString: string, options: WaitForDatabaseOptions): Promise<void> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const giveUpAt = Date.now() + options.timeoutMs;
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      if (attempt > 0) options.log('database reachable again; starting');
      return;
    } catch (error) {
      if (unavailableDependency(error) !== 'database') throw error;
      if (Date.now() >= giveUpAt) throw error;
      if (attempt % 5 === 0)
        options.log(
          `database not reachable (${(error as Error).message}); waiting for it / đang chờ cơ sở dữ liệu (up to ${Math.round((giveUpAt - Date.now()) / 1000)} s more)`,
        );
      await sleep(Math.min(5_000, 500 * 2 ** Math.min(attempt, 4)));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
