import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';

describe('configuration', () => {
  it('has defaults for a laptop', () => {
    const config = loadConfig({}, '/work');
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      dataDirectory: '/work/operon-data',
      databaseUrl: undefined,
    });
  });

  it('reads OPERON_* variables', () => {
    const config = loadConfig(
      {
        OPERON_HOST: '0.0.0.0',
        OPERON_PORT: '9000',
        OPERON_DATA_DIR: 'data',
        OPERON_DATABASE_URL: 'postgres://u:p@db/operon',
      },
      '/srv',
    );
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 9000,
      dataDirectory: '/srv/data',
      databaseUrl: 'postgres://u:p@db/operon',
    });
  });

  it.each([
    ['OPERON_PORT', 'eighty', 'a whole number from 0 to 65535'],
    ['OPERON_PORT', '70000', 'a whole number from 0 to 65535'],
    ['OPERON_DATABASE_URL', 'mysql://x', 'a PostgreSQL URL'],
    ['OPERON_SECURE_COOKIES', 'maybe', 'true or false'],
    ['OPERON_LOG_LEVEL', 'loud', 'fatal, error, warn'],
    ['OPERON_ADMIN_PASSWORD', 'short', 'at least 8 characters'],
  ])('names %s and what it accepts when it is %s', (variable, value, accepts) => {
    const load = () => loadConfig({ [variable]: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(variable);
    expect(load).toThrow(accepts);
  });

  it('does not print a database password or admin password it refuses', () => {
    expect(() => loadConfig({ OPERON_DATABASE_URL: 'mysql://user:secret@x' })).not.toThrow(/secret/);
    expect(() => loadConfig({ OPERON_ADMIN_PASSWORD: 'secret' })).not.toThrow(/secret/);
  });
});
