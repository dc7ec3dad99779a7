/**
 * @module The one table of every setting: name, default, description and validator.
 * Parsing, the README table and the CLI's `wekeza config` all read from here.
 */

import { digest } from '../crypto.ts';
import { parseAmount } from '../money/index.ts';
import { parseCidr } from '../net.ts';

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

const TRUE_WORDS = ['1', 'true', 'yes', 'on'];
const FALSE_WORDS = ['0', 'false', 'no', 'off'];

export const boolean: Parser<boolean> = (raw) => {
  const v = raw.trim().toLowerCase();
  if (TRUE_WORDS.includes(v)) return true;
  if (FALSE_WORDS.includes(v)) return false;
  return fail('must be true or false (also accepted: 1/0, yes/no, on/off)');
};

/**
 * `false`, a number of proxy hops, or the proxies' addresses (IPs or CIDR blocks). Not `true`:
 * trusting every hop would take the client's address from the left of X-Forwarded-For, which the
 * client writes itself, and let it pass any IP allow-list.
 */
export const trustedProxies: Parser<false | number | string[]> = (raw) => {
  const v = raw.trim().toLowerCase();
  if (v === '' || FALSE_WORDS.includes(v)) return false;
  // Digits are a hop count (`1` included); the other words for true are refused.
  if (/^\d+$/.test(v)) return integer(1, 10)(v);
  if (TRUE_WORDS.includes(v)) {
    return fail('must say how many proxies are in front (for example 1), or their addresses: not true');
  }
  const blocks = v.split(',').map((b) => b.trim());
  const bad = blocks.find((b) => !parseCidr(b));
  return bad === undefined ? blocks : fail(`${JSON.stringify(bad)} is not an IP address or CIDR block`);
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

/** `CUR=amount,…` per-currency amounts in minor units, e.g. `KES=25.00,USD=0.50`; `none` for none. */
export const amountsByCurrency: Parser<Readonly<Record<string, bigint>>> = (raw) => {
  const out: Record<string, bigint> = {};
  if (raw.trim() === 'none') return Object.freeze(out);
  for (const item of raw.split(',')) {
    const match = /^\s*([A-Z]{3})=([0-9.]+)\s*$/.exec(item);
    if (!match) return fail('must be a list of CURRENCY=amount, e.g. KES=25.00,USD=0.50 (or none)');
    const [, currency = '', amount = ''] = match;
    try {
      out[currency] = parseAmount(amount, currency, { allowZero: true });
    } catch {
      return fail(`has a bad amount for ${currency}: ${amount} (a decimal with the currency's scale)`);
    }
  }
  return Object.freeze(out);
};

/** Score thresholds of the risk decision policy (0–100): `review=50,decline=90`. */
export interface RiskPolicy {
  readonly review: number;
  readonly decline: number;
}

export const riskPolicy: Parser<RiskPolicy> = (raw) => {
  const match = /^\s*review=(\d{1,3})\s*,\s*decline=(\d{1,3})\s*$/.exec(raw);
  if (!match) return fail('must be review=N,decline=M (scores from 1 to 100)');
  const policy = { review: Number(match[1]), decline: Number(match[2]) };
  if (policy.review < 1 || policy.decline > 100 || policy.review > policy.decline) {
    return fail('needs 1 ≤ review ≤ decline ≤ 100');
  }
  return Object.freeze(policy);
};

/** A JSON object (its structure is checked by the module that reads it, at start). */
export const jsonObject: Parser<Readonly<Record<string, unknown>>> = (raw) => {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return fail('must be a JSON object');
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.freeze(value as Record<string, unknown>)
    : fail('must be a JSON object');
};

/** A high-entropy shared secret, kept only as its SHA-256 digest. */
export const secretDigest: Parser<string> = (raw) =>
  /^[\x21-\x7E]{32,256}$/.test(raw) ? digest(raw) : fail('must be 32 to 256 printable characters');

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
    trustedProxies,
    'Behind TLS-terminating proxies: their number (`1`) or their addresses (`10.0.0.0/8,192.0.2.7`). Their X-Forwarded-* headers are then trusted (else discovery advertises http URLs), and the client address (for IP allow-lists) is the one the nearest untrusted hop reported.',
  ),
  databaseUrl: setting(
    'DATABASE_URL',
    'sqlite:./data/wekeza.db',
    (raw) => (raw.startsWith('sqlite:') ? raw : url('postgres:', 'postgresql:')(raw)),
    '`sqlite:PATH` (embedded, `node:sqlite`; `sqlite::memory:` for a throwaway) or `postgres://…`.',
  ),
  databasePoolMax: setting('DATABASE_POOL_MAX', '10', integer(1, 500), 'PostgreSQL connection pool size.'),
  databasePreparedStatements: setting(
    'DATABASE_PREPARED_STATEMENTS',
    'true',
    boolean,
    'PostgreSQL: send statements as named prepared statements, parsed and planned once per connection. Turn off behind a pooler that cannot keep them per client (PgBouncer in transaction mode before 1.21, or without `max_prepared_statements`).',
  ),
  redisUrl: setting(
    'REDIS_URL',
    undefined,
    url('redis:', 'rediss:'),
    'Redis connection for state shared across processes; checked by `/readyz` when set. Run it with `maxmemory-policy noeviction` (a warning is logged at start otherwise): an evicted revocation entry would admit a revoked token.',
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
  loginAttemptsPerMinute: setting(
    'WEKEZA_LOGIN_ATTEMPTS_PER_MINUTE',
    '30',
    integer(1, 1_000_000),
    'Log-in attempts one client address may make per minute, over all log-in forms and `POST /developer/login` (on top of the 5-failure lockout per account).',
  ),
  shutdownTimeoutMs: setting(
    'SHUTDOWN_TIMEOUT_MS',
    '10000',
    integer(100, 600_000),
    'Grace period for in-flight requests on SIGTERM/SIGINT before the process exits.',
  ),
  webhookConcurrency: setting(
    'WEKEZA_WEBHOOK_CONCURRENCY',
    '32',
    integer(1, 1000),
    'Webhook deliveries in flight at once per process (processes share the work through the database).',
  ),
  bankCode: setting(
    'WEKEZA_BANK_CODE',
    '99',
    (raw) => (/^\d{2,6}$/.test(raw) ? raw : fail('must be 2 to 6 digits')),
    "This bank's code: a payment to an account number with this `bank_code` is credited inside the bank.",
  ),
  auditRetentionDays: setting(
    'WEKEZA_AUDIT_RETENTION_DAYS',
    '2557',
    integer(366, 36_500),
    'Days the audit trail of customer-data access is kept (seven years by default); the database refuses to delete a record younger than 365.',
  ),
  paymentFees: setting(
    'WEKEZA_PAYMENT_FEES',
    'none',
    amountsByCurrency,
    'Fee charged per payment, by currency, e.g. `KES=25.00,USD=0.50`; sandbox payments are free by default.',
  ),
  idempotencyKeyHours: setting(
    'WEKEZA_IDEMPOTENCY_KEY_HOURS',
    '24',
    integer(24, 24 * 365),
    'How long a payment `Idempotency-Key` is remembered (a retry within it replays the first answer).',
  ),
  idempotencyWaitMs: setting(
    'WEKEZA_IDEMPOTENCY_WAIT_MS',
    '2000',
    integer(0, 30_000),
    'How long a retry waits for the first request with its `Idempotency-Key` to finish before answering 409 (and an operator’s review for the same decision being carried out).',
  ),
  paymentRecoverySeconds: setting(
    'WEKEZA_PAYMENT_RECOVERY_SECONDS',
    '30',
    integer(1, 3600),
    'A payment left in flight this long (a crashed process) is finished or released by the recovery sweep.',
  ),
  paymentBatch: setting(
    'WEKEZA_PAYMENT_BATCH',
    '24',
    integer(0, 200),
    'At most this many approved payments are booked together in one ledger transaction (group commit: payments arriving while one is written wait for the next); `0` books each payment in its own steps.',
  ),
  paymentReviewHours: setting(
    'WEKEZA_PAYMENT_REVIEW_HOURS',
    '96',
    integer(1, 24 * 90),
    "A payment held for review this long without an operator's decision is rejected (`REVIEW_EXPIRED`) and its funds released.",
  ),
  riskMode: setting(
    'WEKEZA_RISK_MODE',
    'enforce',
    oneOf('enforce', 'monitor'),
    '`monitor`: shadow mode — every risk and fraud rule runs and is recorded, but no payment is held or declined.',
  ),
  riskPolicy: setting(
    'WEKEZA_RISK_POLICY',
    'review=50,decline=90',
    riskPolicy,
    'Decision policy: the risk or fraud score (0–100) from which a payment goes to review, or is declined.',
  ),
  riskTimeoutMs: setting(
    'WEKEZA_RISK_TIMEOUT_MS',
    '250',
    integer(1, 10_000),
    'A risk and fraud check that takes longer sends the payment to review (never to approval).',
  ),
  riskRules: setting(
    'WEKEZA_RISK_RULES',
    '{}',
    jsonObject,
    'JSON overrides of the risk and fraud rule parameters (defaults and names in `src/risk/defaults.ts`).',
  ),
  operatorKey: setting(
    'WEKEZA_OPERATOR_KEY',
    undefined,
    secretDigest,
    'Bearer key of the operator API (`/operator/…`: payment reviews, beneficiary blocks); unset, it is off and the CLI remains.',
  ),
} as const;
