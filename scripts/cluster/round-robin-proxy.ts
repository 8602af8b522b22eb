// The load balancer in front of the API processes: each request goes to the next one in turn, so a session made
// on one process is used on the other and nothing may live in one process's memory.
import http from 'node:http';

export interface Proxy {
  url: string;
  /** Requests each upstream answered. */
  served: number[];
  stop: () => Promise<void>;
}

export function startRoundRobinProxy(port: number, upstreams: number[]): Promise<Proxy> {
  const served = upstreams.map(() => 0);
  let next = 0;
  const server = http.createServer((req, res) => {
    const i = next++ % upstreams.length;
    const upstream = http.request(
      { host: '127.0.0.1', port: upstreams[i], method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        served[i]! += 1;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.once('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`upstream ${upstreams[i]}: ${error.message}`);
    });
    req.pipe(upstream);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${port}`,
        served,
        stop: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      }),
    );
  });
}
