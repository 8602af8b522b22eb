import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

test('when nothing is set, then the embedded defaults are used', () => {
  const config = loadConfig({}, '/srv/danvan');
  expect(config.http).toEqual({ host: '127.0.0.1', port: 3000, publicUrl: 'http://127.0.0.1:3000' });
  expect(config.database.url).toBeUndefined();
  expect(config.temporal.address).toBeUndefined();
  expect(config.mail.smtpUrl).toBeUndefined();
  expect(config.dataDir).toBe(path.join('/srv/danvan', '.data'));
  expect(config.seedDemo).toBe(true);
  expect(config.roles).toEqual(['api', 'worker']);
});

test('when production servers are configured, then the demo seed is off unless asked for', () => {
  const config = loadConfig({
    DATABASE_URL: 'postgresql://x@db/danvan',
    TEMPORAL_ADDRESS: 'temporal:7233',
    TEMPORAL_API_KEY: 'k',
  });
  expect(config.seedDemo).toBe(false);
  expect(config.temporal.tls).toBe(true);
});

test('when values are wrong, then every problem is listed at once', () => {
  expect(() => loadConfig({ HTTP_PORT: 'abc', LOG_LEVEL: 'loud', DANVAN_PROCESS_ROLES: 'api' })).toThrow(ConfigError);
  try {
    loadConfig({ HTTP_PORT: 'abc', LOG_LEVEL: 'loud' });
  } catch (error) {
    expect(String(error)).toMatch(/HTTP_PORT/);
    expect(String(error)).toMatch(/LOG_LEVEL/);
  }
  expect(() => loadConfig({ DANVAN_PROCESS_ROLES: 'api,janitor' })).toThrow(/janitor/);
});

test('documents stay in PostgreSQL by default; BLOB_STORE=s3 needs a bucket and both keys or neither', () => {
  expect(loadConfig({}).blobStore).toEqual({ kind: 'postgres' });
  expect(
    loadConfig({
      BLOB_STORE: 's3',
      S3_BUCKET: 'ho-so',
      S3_ENDPOINT: 'http://minio:9000',
      S3_ACCESS_KEY_ID: 'a',
      S3_SECRET_ACCESS_KEY: 'b',
    }).blobStore,
  ).toEqual({
    kind: 's3',
    bucket: 'ho-so',
    prefix: undefined,
    endpoint: 'http://minio:9000',
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  });
  expect(loadConfig({ BLOB_STORE: 's3', S3_BUCKET: 'ho-so' }).blobStore).toMatchObject({
    forcePathStyle: false,
    credentials: undefined,
  });
  expect(() => loadConfig({ BLOB_STORE: 's3', S3_ACCESS_KEY_ID: 'a' })).toThrow(
    /S3_BUCKET: required[\s\S]*give both or neither/,
  );
  expect(() => loadConfig({ BLOB_STORE: 'disk' })).toThrow(/BLOB_STORE/);
});

test('when the service sits behind a proxy, then PUBLIC_URL is the base of e-mail links, and a URL with a query is refused', () => {
  expect(loadConfig({ HTTP_HOST: '0.0.0.0', PUBLIC_URL: 'https://danvan.bacninh.gov.vn/' }).http).toEqual({
    host: '0.0.0.0',
    port: 3000,
    publicUrl: 'https://danvan.bacninh.gov.vn',
  });
  expect(() => loadConfig({ PUBLIC_URL: 'https://danvan.example/?x=1' })).toThrow(/PUBLIC_URL/);
  expect(() => loadConfig({ PUBLIC_URL: 'danvan.example' })).toThrow(/PUBLIC_URL/);
});
