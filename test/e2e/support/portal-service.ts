// One service per portal e2e file, as `npm start` runs it, with its data folder kept in view: the
// outbox's raw messages (with their .ics parts) are read from it.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServiceProcess, type ServiceProcess } from '../../support/service-process';

export interface PortalService {
  baseUrl: string;
  dataDir: string;
  service: ServiceProcess;
  stop: () => Promise<number | null>;
}

export async function startPortalService(env: Record<string, string> = {}): Promise<PortalService> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'danvan-portal-e2e-'));
  chmodSync(dataDir, 0o755);
  const service = await startServiceProcess({ DANVAN_DATA_DIR: dataDir, ...env });
  return {
    baseUrl: service.apiUrl.replace(/\/api\/v1$/, ''),
    dataDir,
    service,
    stop: async () => {
      const code = await service.stop();
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
