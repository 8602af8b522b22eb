// The entry point: `npm start` runs it as `node --import tsx src/main.ts`, one Node process with no npm or shell
// child in between, so SIGTERM from a container runtime and Ctrl-C's SIGINT both reach the ordered stop below.
// Embedded PostgreSQL and the Temporal dev server run in process groups of their own and are stopped after the
// worker has drained.
import pino from 'pino';
import { ConfigError, loadConfig } from './config';
import { AlreadyRunningError } from './platform/runtime/instance-lock';
import { DEMO_PASSWORD, DEMO_PEOPLE } from './org/seed-demo';
import { PortInUseError, startService } from './service';

async function main(): Promise<void> {
  const startedAt = Date.now();
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  const logger = pino({ level: config.logLevel });
  let service;
  try {
    service = await startService(config, logger);
  } catch (error) {
    if (error instanceof AlreadyRunningError) {
      process.stderr.write(`${error.message}. Stop it first (Ctrl-C in its terminal) / Danvan đang chạy.\n`);
      process.exitCode = 1;
      return;
    }
    if (error instanceof PortInUseError) {
      // Everything started before the listen has been stopped by startService.
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const lines = [
    '',
    `danvan is ready / đã sẵn sàng (${((Date.now() - startedAt) / 1000).toFixed(1)} s)`,
    service.apiUrl
      ? `  API            ${service.apiUrl}/api/v1  (OpenAPI: ${service.apiUrl}/api/v1/openapi.json)`
      : '  API            (not in this process)',
    ...(service.apiUrl
      ? [`  Console        ${service.apiUrl}/console  (staff console / bàn làm việc của cán bộ)`]
      : []),
    ...(service.apiUrl
      ? [`  Portal         ${service.apiUrl}/  (citizens' portal / cổng tiếp nhận của người dân)`]
      : []),
    `  Temporal       ${service.temporalAddress}${service.temporalUiUrl ? `  UI: ${service.temporalUiUrl}` : ''}`,
    service.outboxUrl
      ? `  Outbox         ${service.outboxUrl}  (API: ${service.apiUrl}/api/v1/outbox)`
      : `  SMTP           ${service.smtpUrl}`,
    `  Database       ${service.databaseUrl}`,
  ];
  if (config.seedDemo) {
    lines.push('', `Demo accounts (password "${DEMO_PASSWORD}") / Tài khoản demo:`);
    for (const p of DEMO_PEOPLE) lines.push(`  ${p.id.padEnd(20)} ${p.fullName.padEnd(18)} ${p.title}`);
  }
  lines.push('', 'Ctrl-C stops everything; open petitions resume at the next start.', '');
  process.stdout.write(lines.join('\n'));
  process.stdout.write('\nDANVAN_READY\n');

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: stopping…`);
    service
      .stop()
      .then(() => {
        logger.info('stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `danvan failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
