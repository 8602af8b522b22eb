// One `npm start` per data folder: a second one is told where the first one runs.
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { isProcessAlive } from './process-alive';

export interface RunningInstance {
  pid: number;
  apiUrl?: string;
}

export class AlreadyRunningError extends Error {
  constructor(readonly instance: RunningInstance) {
    super(`danvan is already running (pid ${instance.pid})${instance.apiUrl ? ` at ${instance.apiUrl}` : ''}`);
  }
}

export function acquireInstanceLock(dataDir: string): {
  update: (info: Partial<RunningInstance>) => void;
  release: () => void;
} {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'danvan.lock');
  if (existsSync(file)) {
    try {
      const other = JSON.parse(readFileSync(file, 'utf8')) as RunningInstance;
      if (other.pid !== process.pid && isProcessAlive(other.pid)) throw new AlreadyRunningError(other);
    } catch (error) {
      if (error instanceof AlreadyRunningError) throw error;
      // An unreadable lock is a leftover of a crash: take it over.
    }
  }
  let info: RunningInstance = { pid: process.pid };
  writeFileSync(file, JSON.stringify(info));
  return {
    update: (more) => {
      info = { ...info, ...more };
      writeFileSync(file, JSON.stringify(info));
    },
    release: () => rmSync(file, { force: true }),
  };
}
