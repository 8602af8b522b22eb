// The national sync's configuration: off unless a URL is given, HTTPS unless plain HTTP is allowed on purpose.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';
import { assertSafeUrl } from '../../src/national/receiver-client';

test('when NATIONAL_SYNC_URL is unset, then the sync is off', () => {
  expect(loadConfig({}).nationalSync).toBeUndefined();
  expect(loadConfig({ NATIONAL_SYNC_URL: '' }).nationalSync).toBeUndefined();
});

test('when an https URL is set, then the defaults apply and the CA file is read', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'national-config-'));
  writeFileSync(path.join(dir, 'ca.pem'), '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n');
  const config = loadConfig(
    {
      NATIONAL_SYNC_URL: 'https://csdl.example.gov.vn/api/records',
      NATIONAL_SYNC_TOKEN: 't',
      NATIONAL_SYNC_CA_FILE: 'ca.pem',
    },
    dir,
  );
  expect(config.nationalSync).toEqual({
    url: 'https://csdl.example.gov.vn/api/records',
    token: 't',
    caPem: expect.stringContaining('BEGIN CERTIFICATE'),
    allowHttp: false,
    intervalMinutes: 60,
    batchSize: 10,
    requestTimeoutMs: 20_000,
  });
});

test('when the URL is plain http, then it is refused unless NATIONAL_SYNC_ALLOW_HTTP says so', () => {
  expect(() => loadConfig({ NATIONAL_SYNC_URL: 'http://10.0.0.5/records' })).toThrow(ConfigError);
  expect(() => loadConfig({ NATIONAL_SYNC_URL: 'http://10.0.0.5/records' })).toThrow(/NATIONAL_SYNC_ALLOW_HTTP/);
  expect(() => loadConfig({ NATIONAL_SYNC_URL: 'ftp://x/records', NATIONAL_SYNC_ALLOW_HTTP: 'true' })).toThrow(
    ConfigError,
  );
  expect(() => loadConfig({ NATIONAL_SYNC_URL: 'not a url' })).toThrow(/not a URL/);
  expect(() => loadConfig({ NATIONAL_SYNC_URL: 'https://x/r', NATIONAL_SYNC_CA_FILE: '/nonexistent/ca.pem' })).toThrow(
    /NATIONAL_SYNC_CA_FILE/,
  );
  const allowed = loadConfig({ NATIONAL_SYNC_URL: 'http://10.0.0.5/records', NATIONAL_SYNC_ALLOW_HTTP: 'true' });
  expect(allowed.nationalSync).toMatchObject({ url: 'http://10.0.0.5/records', allowHttp: true });
  // The client refuses it too, should a worker be built from another source of settings.
  expect(() => assertSafeUrl({ url: 'http://10.0.0.5/records' })).toThrow(/https/);
  expect(assertSafeUrl({ url: 'http://10.0.0.5/records', allowHttp: true }).protocol).toBe('http:');
});
