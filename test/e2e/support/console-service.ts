// One service per e2e file, started exactly as `npm start` starts it, on its own data folder and ports.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServiceProcess, type ServiceProcess } from '../../support/service-process';

export interface ConsoleService {
  baseUrl: string;
  service: ServiceProcess;
  stop: () => Promise<number | null>;
}

export async function startConsoleService(env: Record<string, string> = {}): Promise<ConsoleService> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'danvan-console-e2e-'));
  chmodSync(dataDir, 0o755);
  const service = await startServiceProcess({ DANVAN_DATA_DIR: dataDir, ...env });
  return {
    baseUrl: service.apiUrl.replace(/\/api\/v1$/, ''),
    service,
    stop: async () => {
      const code = await service.stop();
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
