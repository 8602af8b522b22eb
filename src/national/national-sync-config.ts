// Where the national records go. Off unless NATIONAL_SYNC_URL is set (src/config.ts); HTTPS only, unless a
// deployment explicitly allows plain HTTP for a receiver on a private network (and the tests' receiver may).
export interface NationalSyncConfig {
  url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** PEM of an extra CA the receiver's certificate chains to (a ministry's own PKI, a test's self-signed cert). */
  caPem?: string;
  /** Plain http:// accepted only when this is set. */
  allowHttp?: boolean;
  /** Time between two sync runs of a province. */
  intervalMinutes: number;
  /** Records pushed per batch of a run. */
  batchSize: number;
  /** A request's own deadline; a slower receiver is retried. */
  requestTimeoutMs: number;
}
