// The Temporal SDK's own worker metrics (task slots, poll latency, schedule-to-start, sticky cache, …) come
// from its Rust core, which exports them only over a Prometheus HTTP listener of its own. It listens on
// loopback only, and GET /metrics appends what it serves to the process's registry: one scrape, one
// authorization, and the core's port is never exposed. The core prefixes every name with temporal_.
import http from 'node:http';

/** The core's exporter address: loopback, on the port configured (TEMPORAL_METRICS_PORT) or a free one. */
export function sdkMetricsBindAddress(port: number): string {
  return `127.0.0.1:${port}`;
}

/** The SDK's metrics text, or a comment saying why it is missing (a scrape never fails for it). */
export function fetchSdkMetrics(url: string, timeoutMs = 1_000): Promise<string> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve(res.statusCode === 200 ? body : `# temporal sdk metrics: HTTP ${res.statusCode ?? '?'}\n`),
      );
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve(`# temporal sdk metrics unavailable: ${error.message}\n`));
  });
}
