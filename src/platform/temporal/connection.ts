// Connection settings for a Temporal dev server, a self-hosted cluster (mTLS) or Temporal Cloud (API key
// or mTLS), shared by the client and the worker. The payload codec goes on both.
import { readFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { NativeConnection } from '@temporalio/worker';
import type { AppConfig } from '../../config';
import { AesGcmPayloadCodec } from './encryption-codec';
import { workflowClientMetrics } from '../metrics/temporal-client-metrics';

/** The Temporal part of the configuration, with the address resolved (a dev server's or the cluster's). */
export type TemporalConnectionSettings = Pick<AppConfig['temporal'], 'namespace' | 'apiKey' | 'tls' | 'tlsClientCertPath' | 'tlsClientKeyPath' | 'tlsServerCaCertPath'> & {
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

export async function connectClient(s: TemporalConnectionSettings, codec: AesGcmPayloadCodec): Promise<{ client: Client; connection: Connection }> {
  const connection = await Connection.connect({ address: s.address, tls: tlsOptions(s), apiKey: s.apiKey });
  return { connection, client: new Client({ connection, namespace: s.namespace, dataConverter: dataConverterFor(codec), interceptors: { workflow: [workflowClientMetrics()] } }) };
}

export function connectWorker(s: TemporalConnectionSettings): Promise<NativeConnection> {
  return NativeConnection.connect({ address: s.address, tls: tlsOptions(s), apiKey: s.apiKey });
}
