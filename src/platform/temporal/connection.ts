// Connection settings for a Temporal dev server, a self-hosted cluster (mTLS) or Temporal Cloud (API key
// or mTLS), shared by the client and the worker. The payload codec goes on both.
import { readFileSync } from 'node:fs';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { NativeConnection } from '@temporalio/worker';
import type { AppConfig } from '../../config';
import { AesGcmPayloadCodec } from './encryption-codec';
import { workflowClientMetrics } from '../metrics/temporal-client-metrics';
import type { WorkflowClientInterceptor } from '@temporalio/client';

/** The Temporal part of the configuration, with the address resolved (a dev server's or the cluster's). */
export type TemporalConnectionSettings = Pick<
  AppConfig['temporal'],
  'namespace' | 'apiKey' | 'tls' | 'tlsClientCertPath' | 'tlsClientKeyPath' | 'tlsServerCaCertPath'
> & {
  address: string;
};

function tlsOptions(s: TemporalConnectionSettings) {
  if (!s.tls) return undefined;
  return {
    ...(s.tlsServerCaCertPath ? { serverRootCACertificate: readFileSync(s.tlsServerCaCertPath) } : {}),
    ...(s.tlsClientCertPath && s.tlsClientKeyPath
      ? { clientCertPair: { crt: readFileSync(s.tlsClientCertPath), key: readFileSync(s.tlsClientKeyPath) } }
      : {}),
  };
}

export function dataConverterFor(codec: AesGcmPayloadCodec): DataConverter {
  return { payloadCodecs: [codec] };
}

type GrpcInterceptor = NonNullable<Parameters<typeof Connection.lazy>[0]>['interceptors'] extends
  (infer I)[] | undefined
  ? I
  : never;

/**
 * The SDK's retries of an unreachable server, stopped at the call's deadline. Left alone they go on in the
 * background for ~20 s after the caller was answered, and one that fires after the connection closed (at
 * shutdown) throws out of a timer and takes the process down.
 */
export function deadlineAwareRetryInterceptor(): GrpcInterceptor {
  const base = defaultGrpcRetryOptions();
  return (options, nextCall) => {
    const deadline = options.deadline === undefined ? Infinity : new Date(options.deadline).getTime();
    return makeGrpcRetryInterceptor({
      delayFunction: base.delayFunction,
      retryableDecider: (attempt, status) =>
        base.retryableDecider(attempt, status) && Date.now() + base.delayFunction(attempt, status) < deadline,
    })(options, nextCall);
  };
}

export async function connectClient(
  s: TemporalConnectionSettings,
  codec: AesGcmPayloadCodec,
  /** More client interceptors (tracing's, when it is on). */
  interceptors: WorkflowClientInterceptor[] = [],
): Promise<{ client: Client; connection: Connection }> {
  const connection = await Connection.connect({
    address: s.address,
    tls: tlsOptions(s),
    apiKey: s.apiKey,
    interceptors: [deadlineAwareRetryInterceptor()],
  });
  return {
    connection,
    client: new Client({
      connection,
      namespace: s.namespace,
      dataConverter: dataConverterFor(codec),
      interceptors: {
        workflow: [workflowClientMetrics(), ...interceptors],
      },
    }),
  };
}

export function connectWorker(s: TemporalConnectionSettings): Promise<NativeConnection> {
  return NativeConnection.connect({ address: s.address, tls: tlsOptions(s), apiKey: s.apiKey });
}
