import { resolve } from 'node:path';

/** The service's configuration: environment variables `OPERON_*`, validated at start. */
export interface OperonConfig {
  readonly host: string;
  readonly port: number;
  /** SQLite in this directory, unless `databaseUrl` is given. */
  readonly dataDirectory: string;
  readonly databaseUrl: string | undefined;
  /** Password for the `admin` user made on first start; random (and printed once) when unset. */
  readonly adminPassword: string | undefined;
  /** Largest JSON body, in bytes. */
  readonly bodyLimitBytes: number;
  /** Largest uploaded deployment file, in bytes. */
  readonly uploadLimitBytes: number;
  /** Session cookies get the Secure flag (set it when served over HTTPS). */
  readonly secureCookies: boolean;
  readonly sessionHours: number;
  /** Login attempts per minute per client address. */
  readonly loginRateLimit: number;
  /** Failed logins in a row that lock an account, and for how long. */
  readonly lockoutFailures: number;
  readonly lockoutMinutes: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Deploy the example processes on first start. */
  readonly deployExamples: boolean;
}

/** A configuration value that cannot be used: names the variable and what it accepts. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    readonly accepts: string,
    readonly value: string,
  ) {
    super(`${variable}='${value}' is not valid: it accepts ${accepts}.`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Reads and checks every `OPERON_*` variable; throws ConfigError on the first wrong one. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): OperonConfig {
  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const text = read(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < min || value > max) {
      throw new ConfigError(name, `a whole number from ${min} to ${max}`, text);
    }
    return value;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const text = read(name)?.toLowerCase();
    if (text === undefined) return fallback;
    if (['true', '1', 'yes'].includes(text)) return true;
    if (['false', '0', 'no'].includes(text)) return false;
    throw new ConfigError(name, 'true or false', text);
  };
  const databaseUrl = read('OPERON_DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('OPERON_DATABASE_URL', 'a PostgreSQL URL such as postgres://user:password@host:5432/db', '…');
  }
  const host = read('OPERON_HOST') ?? '127.0.0.1';
  if (!/^[\w.:-]+$/.test(host)) throw new ConfigError('OPERON_HOST', 'a host name or IP address', host);
  const logLevel = read('OPERON_LOG_LEVEL') ?? 'warn';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError('OPERON_LOG_LEVEL', LOG_LEVELS.join(', '), logLevel);
  }
  const adminPassword = read('OPERON_ADMIN_PASSWORD');
  if (adminPassword !== undefined && adminPassword.length < 8) {
    throw new ConfigError('OPERON_ADMIN_PASSWORD', 'a password of at least 8 characters', '…');
  }
  return {
    host,
    port: integer('OPERON_PORT', 8080, 0, 65_535),
    dataDirectory: resolve(cwd, read('OPERON_DATA_DIR') ?? 'operon-data'),
    databaseUrl,
    adminPassword,
    bodyLimitBytes: integer('OPERON_BODY_LIMIT', 1_048_576, 1_024, 1_073_741_824),
    uploadLimitBytes: integer('OPERON_UPLOAD_LIMIT', 10_485_760, 1_024, 1_073_741_824),
    secureCookies: flag('OPERON_SECURE_COOKIES', false),
    sessionHours: integer('OPERON_SESSION_HOURS', 12, 1, 24 * 30),
    loginRateLimit: integer('OPERON_LOGIN_RATE_LIMIT', 20, 1, 10_000),
    lockoutFailures: integer('OPERON_LOCKOUT_FAILURES', 5, 1, 1_000),
    lockoutMinutes: integer('OPERON_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    logLevel: logLevel as OperonConfig['logLevel'],
    deployExamples: flag('OPERON_DEPLOY_EXAMPLES', true),
  };
}
