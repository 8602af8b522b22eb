// The Temporal SDK's OpenTelemetry interceptors, for the client and the worker, when tracing is on.
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { WorkerOptions } from '@temporalio/worker';
import type { Tracing } from './tracing';

/** The workflow-side interceptors: bundled into the workflow code (scripts/build.mjs: the traced bundle). */
export const WORKFLOW_TRACING_MODULE =
  require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors');

export function tracingClientInterceptor(tracing: Tracing): WorkflowClientInterceptor {
  return new OpenTelemetryWorkflowClientInterceptor({ tracer: tracing.tracer });
}

export interface WorkerTracing {
  /** For a worker that bundles the workflows at start; a prebuilt bundle has them in already. */
  workflowModules: string[];
  interceptors: NonNullable<WorkerOptions['interceptors']>;
  sinks: NonNullable<WorkerOptions['sinks']>;
}

/** Activity spans and the sink the workflow's spans leave the sandbox by. */
export function tracingWorkerOptions(tracing: Tracing): WorkerTracing {
  return {
    workflowModules: [WORKFLOW_TRACING_MODULE],
    interceptors: {
      activity: [
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx, { tracer: tracing.tracer }),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
    sinks: { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) },
  };
}
