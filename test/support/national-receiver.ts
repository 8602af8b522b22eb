// A stand-in for the national complaints database's receiver, over HTTPS with a self-signed certificate made
// at test time by the openssl CLI. It behaves as a real idempotent receiver would: it checks the bearer token
// and validates each record against the JSON Schema, stores a record once per Idempotency-Key and answers a
// repeated key with the first answer. It also counts every raw receipt, so a test sees what the sender
// really sent, duplicates included. It can go down (nothing listening on its port) and come back on the same
// port, and it can lose the answer to one request after storing it (the sender must retry; the key dedups).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { findFreePort } from '../../src/platform/runtime/free-port';

export interface Receipt {
  idempotencyKey: string;
  recordId: string;
  recordVersion: number;
  body: Record<string, unknown>;
}

export interface NationalReceiver {
  url: string;
  caPem: string;
  token: string;
  /** Every request that reached the handler, in order (duplicates included). */
  raw: { idempotencyKey: string | undefined; status: number }[];
  /** What was stored: once per Idempotency-Key. */
  stored: Map<string, Receipt>;
  /** Stores the next request carrying a new key, then drops the connection without answering. */
  loseNextAnswer: () => void;
  /** Answers 422 to every version of this record, as a receiver with stricter rules of its own might. */
  refuseRecord: (recordId: string) => void;
  up: () => Promise<void>;
  down: () => Promise<void>;
  stop: () => Promise<void>;
}

function selfSignedCert(dir: string): { key: string; cert: string } {
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
}

export async function startNationalReceiver(schemaPath: string): Promise<NationalReceiver> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'national-receiver-'));
  const { key, cert } = selfSignedCert(dir);
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
  const token = `tok-${Math.random().toString(36).slice(2)}`;
  const port = await findFreePort();
  const raw: NationalReceiver['raw'] = [];
  const stored = new Map<string, Receipt>();
  let loseNext = false;
  const refused = new Set<string>();
  let server: https.Server | null = null;
  const sockets = new Set<Duplex>();

  const handler: Parameters<typeof https.createServer>[1] = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
      const answer = (status: number, body: object) => {
        raw.push({ idempotencyKey, status });
        res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
      };
      if (req.headers.authorization !== `Bearer ${token}`) return answer(401, { error: 'unauthorised' });
      if (!idempotencyKey) return answer(400, { error: 'Idempotency-Key required' });
      if (stored.has(idempotencyKey)) return answer(200, { duplicate: true });
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        return answer(400, { error: 'not JSON' });
      }
      if (!validate(body)) return answer(422, { errors: validate.errors });
      if (refused.has(String(body.recordId))) return answer(422, { errors: ["refused by the receiver's own rules"] });
      if (idempotencyKey !== `${String(body.recordId)}:v${String(body.recordVersion)}`)
        return answer(400, { error: 'Idempotency-Key does not name this record version' });
      stored.set(idempotencyKey, {
        idempotencyKey,
        recordId: body.recordId as string,
        recordVersion: body.recordVersion as number,
        body,
      });
      if (loseNext) {
        loseNext = false;
        raw.push({ idempotencyKey, status: 0 });
        // Stored, but the answer never reaches the sender: as if the connection broke on the way back.
        req.socket.destroy();
        return;
      }
      answer(201, { stored: true });
    });
  };

  const up = () =>
    new Promise<void>((resolve, reject) => {
      const s = https.createServer({ key, cert }, handler);
      s.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        server = s;
        resolve();
      });
    });
  const down = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = null;
      if (!s) return resolve();
      for (const socket of sockets) socket.destroy();
      s.close(() => resolve());
    });

  return {
    url: `https://127.0.0.1:${port}/api/records`,
    caPem: cert,
    token,
    raw,
    stored,
    loseNextAnswer: () => {
      loseNext = true;
    },
    refuseRecord: (recordId) => refused.add(recordId),
    up,
    down,
    stop: async () => {
      await down();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
