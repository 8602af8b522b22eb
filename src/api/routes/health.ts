// Liveness and readiness. /health answers while the process runs (a supervisor restarts it otherwise);
// /ready answers 200 only when the database, Temporal and the configured relay can be reached, so a load
// balancer sends no requests to an instance that would answer 503.
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../../platform/db/prisma';

export interface ReadinessCheck {
  name: string;
  check: () => Promise<unknown>;
}

const CHECK_TIMEOUT_MS = 2_000;

export function coreReadinessChecks(deps: { prisma: PrismaClient; temporal: Client }): ReadinessCheck[] {
  return [
    { name: 'database', check: () => deps.prisma.$queryRaw`SELECT 1` },
    {
      name: 'temporal',
      check: () =>
        deps.temporal.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () =>
          deps.temporal.workflowService.getSystemInfo({}),
        ),
    },
  ];
}

function within(ms: number, check: () => Promise<unknown>): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([check(), timeout]).finally(() => clearTimeout(timer));
}

export function healthRoutes(checks: ReadinessCheck[]): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    const results = await Promise.all(
      checks.map(
        async (c) =>
          [
            c.name,
            await within(CHECK_TIMEOUT_MS, c.check).then(
              () => 'ok' as const,
              () => 'unavailable' as const,
            ),
          ] as const,
      ),
    );
    const ready = results.every(([, state]) => state === 'ok');
    // Only a state per dependency: this route needs no login, so no addresses or error texts.
    if (!ready) res.status(503).setHeader('Retry-After', '5');
    res.json({ status: ready ? 'ready' : 'unavailable', checks: Object.fromEntries(results) });
  });
  return router;
}
