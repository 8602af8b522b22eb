import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

test('when nothing is set, then the embedded defaults are used', () => {
  const config = loadConfig({}, '/srv/danvan');
  expect(config.http).toEqual({ host: '127.0.0.1', port: 3000 });
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
