// The Temporal server's configuration, after the module's config/development-postgres12.yaml: PostgreSQL 12+
// persistence and SQL visibility, all four services in one process, on a port block of its own (17xxx) that
// neither the dev server's defaults (7233/8233) nor the suite's free ports (the kernel's 32768+) reach.
// Archival and the pprof/metrics listeners are left out.

export const CLUSTER_PORTS = {
  postgres: 17432,
  frontend: 17233,
  frontendHttp: 17243,
  history: 17234,
  matching: 17235,
  worker: 17239,
  proxy: 17300,
  api: [17301, 17302],
  smtp: [17325, 17326],
} as const;

export interface ServerConfigInput {
  pgPort: number;
  user: string;
  password: string;
  dynamicConfigFile: string;
}

const datastore = (input: ServerConfigInput, databaseName: string, maxConns: number) => `
      sql:
        pluginName: "postgres12"
        databaseName: "${databaseName}"
        connectAddr: "127.0.0.1:${input.pgPort}"
        connectProtocol: "tcp"
        user: "${input.user}"
        password: "${input.password}"
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: "1h"`;

const service = (grpcPort: number, extra = '') => `
    rpc:
      grpcPort: ${grpcPort}
      membershipPort: ${grpcPort - 300}
      bindOnLocalHost: true${extra}`;

export function renderServerConfig(input: ServerConfigInput): string {
  const p = CLUSTER_PORTS;
  return `# Written by scripts/cluster/run.ts; see scripts/cluster/server-config.ts.
log:
  stdout: true
  level: warn

persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: 4
  datastores:
    postgres-default:${datastore(input, 'temporal', 20)}
    postgres-visibility:${datastore(input, 'temporal_visibility', 4)}

global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"

services:
  frontend:${service(p.frontend, `\n      httpPort: ${p.frontendHttp}`)}
  matching:${service(p.matching)}
  history:${service(p.history)}
  worker:${service(p.worker)}

clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: "127.0.0.1:${p.frontend}"

dcRedirectionPolicy:
  policy: "noop"

dynamicConfigClient:
  filepath: "${input.dynamicConfigFile}"
  pollInterval: "10s"
`;
}

/** What the dev server sets too: search attributes added through the operator API are visible at once. */
export const DYNAMIC_CONFIG = `system.forceSearchAttributesCacheRefreshOnRead:
  - value: true
    constraints: {}
limit.maxIDLength:
  - value: 255
    constraints: {}
`;
