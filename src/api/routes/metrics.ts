// GET /metrics in Prometheus's text format, for a scraper holding METRICS_TOKEN or a signed-in admin or
// supervisor. Integration tokens (dvt_…) have no metrics scope.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { PrismaClient } from '../../platform/db/prisma';
import { authenticate } from '../../org/auth';
import { TOKEN_PREFIX } from '../../org/api-tokens';
import { hasRoleAnywhere } from '../../org/access';
import { AppError } from '../../errors';
import { registry } from '../../platform/metrics/registry';
import { refreshOverdueGauge } from '../../platform/metrics/overdue-gauge';
import { fetchSdkMetrics } from '../../platform/metrics/sdk-metrics';

const digest = (text: string) => createHash('sha256').update(text).digest();

export function metricsRoute(deps: {
  prisma: PrismaClient;
  metricsToken?: string;
  /** The Temporal SDK's loopback exporter (src/platform/metrics/sdk-metrics.ts), when this process runs a worker. */
  sdkMetricsUrl?: string;
}): RequestHandler {
  const expected = deps.metricsToken ? digest(deps.metricsToken) : null;
  return async (req, res) => {
    const credential = /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '')?.[1];
    if (!credential)
      throw new AppError(
        'Unauthenticated',
        'metrics need "Authorization: Bearer <METRICS_TOKEN>" or an admin or supervisor session',
      );
    if (!(expected && timingSafeEqual(digest(credential), expected))) {
      if (credential.startsWith(TOKEN_PREFIX))
        throw new AppError('Forbidden', 'integration tokens cannot read metrics');
      const principal = await authenticate(deps.prisma, credential);
      if (!principal) throw new AppError('Unauthenticated', 'the token is unknown, expired or revoked; sign in again');
      if (!hasRoleAnywhere(principal, ['admin', 'supervisor']))
        throw new AppError('Forbidden', 'metrics need role admin or supervisor');
    }
    await refreshOverdueGauge(deps.prisma);
    const [own, sdk] = await Promise.all([
      registry.metrics(),
      deps.sdkMetricsUrl ? fetchSdkMetrics(deps.sdkMetricsUrl) : Promise.resolve(''),
    ]);
    res.type(registry.contentType).send(sdk ? `${own}\n${sdk}` : own);
  };
}
