/**
 * @module The one table of every setting: name, default, description and validator.
 * Parsing, the README table and the CLI's `wekeza config` all read from here.
 */

export type Parser<T> = (raw: string) => T;

export interface Setting<T> {
  readonly env: string;
  readonly description: string;
  /** The default as shown in the README; `undefined` means unset. */
  readonly defaultText: string | undefined;
  readonly parse: Parser<T>;
}

export class SettingError extends Error {}

const fail = (message: string): never => {
  throw new SettingError(message);
};

export const integer =
  (min: number, max: number): Parser<number> =>
  (raw) => {
    if (!/^\d+$/.test(raw)) return fail(`must be a whole number between ${min} and ${max}`);
    const n = Number(raw);
    return n >= min && n <= max ? n : fail(`must be between ${min} and ${max}`);
  };

export const boolean: Parser<boolean> = (raw) => {
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return fail('must be true or false (also accepted: 1/0, yes/no, on/off)');
};

export const oneOf =
  <T extends string>(...values: T[]): Parser<T> =>
  (raw) =>
    (values as string[]).includes(raw) ? (raw as T) : fail(`must be one of ${values.join(', ')}`);

export const url =
  (...protocols: string[]): Parser<string> =>
  (raw) => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      return fail('must be an absolute URL');
    }
    return protocols.includes(parsed.protocol)
      ? raw
      : fail(`must use ${protocols.map((p) => p.replace(':', '://')).join(' or ')}`);
  };

export const hostname: Parser<string> = (raw) =>
  /^[A-Za-z0-9.:-]{1,253}$/.test(raw) ? raw : fail('must be a host name or IP address');

export const text: Parser<string> = (raw) => raw;

/** A rate-limit tier: requests per minute for the whole app, and for each of its customers. */
export interface RateTier {
  readonly appPerMinute: number;
  readonly customerPerMinute: number;
}

/** `name=app/customer,…` requests per minute, e.g. `standard=6000/600,premium=60000/3000`. */
export const rateTiers: Parser<Readonly<Record<string, RateTier>>> = (raw) => {
  const tiers: Record<string, RateTier> = {};
  for (const item of raw.split(',')) {
    const match = /^\s*([a-z][a-z0-9_-]{0,31})=(\d{1,9})\/(\d{1,9})\s*$/.exec(item);
    if (!match)
      return fail('must be a list of name=app/customer requests per minute, e.g. standard=6000/600');
    const [, name = '', app, customer] = match;
    const tier = { appPerMinute: Number(app), customerPerMinute: Number(customer) };
    if (tier.appPerMinute < 1 || tier.customerPerMinute < 1) return fail('limits must be at least 1');
    tiers[name] = Object.freeze(tier);
  }
  if (!tiers.standard) return fail('must define the standard tier, which new apps get');
  return Object.freeze(tiers);
};

const setting = <T>(
  env: string,
  defaultText: string | undefined,
  parse: Parser<T>,
  description: string,
): Setting<T> => Object.freeze({ env, defaultText, parse, description });

/** Every setting the platform reads. The order here is the order of the README table. */
export const settings = {
  port: setting('PORT', '8080', integer(0, 65535), 'TCP port the HTTP server listens on.'),
  host: setting(
    'HOST',
    '127.0.0.1',
    hostname,
    'Interface to listen on; `0.0.0.0` in containers to accept outside traffic.',
  ),
  publicUrl: setting(
    'PUBLIC_URL',
    'http://localhost:$PORT',
    url('http:', 'https:'),
    'The URL clients reach the platform at (issuer, links, OpenAPI servers).',
  ),
  trustProxy: setting(
    'TRUST_PROXY',
    'false',
    boolean,
    'Behind a TLS-terminating proxy: trust its X-Forwarded-* headers (else discovery advertises http URLs).',
  ),
  databaseUrl: setting(
    'DATABASE_URL',
    'sqlite:./data/wekeza.db',
    (raw) => (raw.startsWith('sqlite:') ? raw : url('postgres:', 'postgresql:')(raw)),
    '`sqlite:PATH` (embedded, `node:sqlite`; `sqlite::memory:` for a throwaway) or `postgres://…`.',
  ),
  databasePoolMax: setting('DATABASE_POOL_MAX', '10', integer(1, 500), 'PostgreSQL connection pool size.'),
  redisUrl: setting(
    'REDIS_URL',
    undefined,
    url('redis:', 'rediss:'),
    'Redis connection for state shared across processes; checked by `/readyz` when set.',
  ),
  amqpUrl: setting(
    'AMQP_URL',
    undefined,
    url('amqp:', 'amqps:'),
    'RabbitMQ connection for the event broker; checked by `/readyz` when set.',
  ),
  logLevel: setting(
    'LOG_LEVEL',
    'info',
    oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
    'pino log level.',
  ),
  sandbox: setting(
    'WEKEZA_SANDBOX',
    'true on SQLite, false on PostgreSQL',
    boolean,
    'Sandbox mode: seeds demo data into an empty database and enables the `/sandbox` routes.',
  ),
  seedTransactions: setting(
    'WEKEZA_SEED_TRANSACTIONS',
    '20000',
    integer(0, 100_000_000),
    'How many transactions the automatic sandbox seed creates.',
  ),
  masterKey: setting(
    'WEKEZA_MASTER_KEY',
    'a fixed development key in sandbox mode; required otherwise',
    (raw) =>
      /^[A-Za-z0-9_-]{43}$/.test(raw) ? raw : fail('must be 32 random bytes in base64url (43 characters)'),
    'Encrypts the signing keys at rest and derives the cookie keys; the same on every instance. ' +
      'Make one with `wekeza keys new-master`.',
  ),
  accessTokenTtl: setting(
    'ACCESS_TOKEN_TTL_SECONDS',
    '600',
    integer(30, 3600),
    'Lifetime of access tokens issued by the authorisation server.',
  ),
  bodyLimit: setting(
    'BODY_LIMIT_BYTES',
    '65536',
    integer(1024, 10 * 1024 * 1024),
    'Largest accepted request body, in bytes.',
  ),
  workers: setting(
    'WEKEZA_WORKERS',
    '1',
    integer(1, 64),
    'HTTP worker processes on this machine (node:cluster); set it to the number of cores. Above 1 needs `REDIS_URL`.',
  ),
  rateLimits: setting(
    'WEKEZA_RATE_LIMITS',
    'standard=6000/600,premium=60000/3000,internal=600000/60000',
    rateTiers,
    'Rate-limit tiers, as `name=app/customer` requests per minute. New apps get `standard`; the operator moves an app with `wekeza apps tier`.',
  ),
  shutdownTimeoutMs: setting(
    'SHUTDOWN_TIMEOUT_MS',
    '10000',
    integer(100, 600_000),
    'Grace period for in-flight requests on SIGTERM/SIGINT before the process exits.',
  ),
} as const;
