// The process's Prometheus metrics, one registry for the whole process: the HTTP edge, the Temporal
// client and the mailer count into it; GET /metrics renders it. Node's own metrics (event loop lag, heap,
// GC, RSS) come from prom-client's defaults.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const httpDuration = new Histogram({
  name: 'danvan_http_request_duration_seconds',
  help: 'HTTP request latency by route pattern (never the raw path: ids would explode the series)',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const workflowStarts = new Counter({
  name: 'danvan_workflow_starts_total',
  help: 'Workflow starts asked of Temporal by this process, by workflow type and outcome (started, already_started, failed)',
  labelNames: ['workflow_type', 'outcome'] as const,
  registers: [registry],
});

export const workflowUpdates = new Counter({
  name: 'danvan_workflow_updates_total',
  help: 'Temporal Updates sent by this process, by update name and outcome (completed, refused, pending, failed)',
  labelNames: ['update', 'outcome'] as const,
  registers: [registry],
});

export const workflowUpdateRefusals = new Counter({
  name: 'danvan_workflow_update_refusals_total',
  help: 'Updates the workflow refused, by update name and the refusal type (IllegalTransition, Forbidden, …)',
  labelNames: ['update', 'reason'] as const,
  registers: [registry],
});

export const emailAttempts = new Counter({
  name: 'danvan_email_attempts_total',
  help: 'E-mails handed to the SMTP transport',
  registers: [registry],
});
export const emailFailures = new Counter({
  name: 'danvan_email_failures_total',
  help: 'E-mails the SMTP transport failed to send',
  registers: [registry],
});

export const overdueCases = new Gauge({
  name: 'danvan_overdue_cases',
  help: 'Open petitions past their deadline, by the unit holding them now (computed at each scrape)',
  labelNames: ['unit_id'] as const,
  registers: [registry],
});
