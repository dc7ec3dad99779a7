/**
 * @module Configuration: parsed once from the environment, validated, frozen and passed down.
 * This is the only place that reads `process.env`.
 */
import { type RateTier, type RiskPolicy, type Setting, SettingError, settings } from './settings.ts';

export type { RateTier, RiskPolicy } from './settings.ts';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly publicUrl: string;
  /** `false`, the number of proxy hops, or the proxies' addresses (Fastify's `trustProxy`). */
  readonly trustProxy: false | number | string[];
  readonly database: DatabaseConfig;
  readonly redisUrl: string | undefined;
  readonly amqpUrl: string | undefined;
  readonly logLevel: string;
  readonly sandbox: boolean;
  readonly seedTransactions: number;
  /** 32 bytes; encrypts keys at rest and derives cookie keys. */
  readonly masterKey: Buffer;
  readonly accessTokenTtl: number;
  readonly bodyLimit: number;
  readonly shutdownTimeoutMs: number;
  readonly workers: number;
  /** Rate-limit tiers by name; `standard` always exists. */
  readonly rateLimits: Readonly<Record<string, RateTier>>;
  readonly loginAttemptsPerMinute: number;
  /** Webhook deliveries in flight at once in this process. */
  readonly webhookConcurrency: number;
  /** This bank's code: payments to it are credited inside the bank. */
  readonly bankCode: string;
  /** Fee per payment in minor units, by currency (none by default). */
  readonly paymentFees: Readonly<Record<string, bigint>>;
  readonly idempotencyKeyHours: number;
  readonly idempotencyWaitMs: number;
  readonly paymentRecoverySeconds: number;
  /** Most approved payments booked together in one ledger transaction; 0: each in its own steps. */
  readonly paymentBatch: number;
  readonly paymentReviewHours: number;
  readonly auditRetentionDays: number;
  readonly riskMode: 'enforce' | 'monitor';
  readonly riskPolicy: RiskPolicy;
  readonly riskTimeoutMs: number;
  /** Overrides of the risk rule parameters, checked by the risk module at start. */
  readonly riskRules: Readonly<Record<string, unknown>>;
  /** SHA-256 digest (base64url) of the operator API key; undefined: the operator API is off. */
  readonly operatorKeyDigest: string | undefined;
}

export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly path: string }
  | {
      readonly kind: 'postgres';
      readonly url: string;
      readonly poolMax: number;
      /** Named prepared statements (see db/postgres/prepared.ts). */
      readonly preparedStatements: boolean;
    };

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Sandbox mode only: a published key, so that sandbox instances agree without setup. Never secret. */
const SANDBOX_MASTER_KEY = Buffer.from('d2VrZXphLXNhbmRib3gtbWFzdGVyLWtleS0wMDAwMDA', 'base64url');

/** Parses and validates every setting; all problems are reported together. */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const read = <T>(s: Setting<T>, fallback: string | undefined): T | undefined => {
    const raw = env[s.env] === undefined || env[s.env] === '' ? fallback : env[s.env];
    if (raw === undefined) return undefined;
    try {
      return s.parse(raw);
    } catch (err) {
      if (!(err instanceof SettingError)) throw err;
      problems.push(`${s.env} ${err.message} (got ${JSON.stringify(raw)})`);
      return undefined;
    }
  };

  const port = read(settings.port, settings.port.defaultText) ?? 8080;
  const databaseUrl = read(settings.databaseUrl, settings.databaseUrl.defaultText) ?? '';
  const poolMax = read(settings.databasePoolMax, settings.databasePoolMax.defaultText) ?? 10;
  const database: DatabaseConfig = databaseUrl.startsWith('sqlite:')
    ? { kind: 'sqlite', path: databaseUrl.slice('sqlite:'.length) || ':memory:' }
    : {
        kind: 'postgres',
        url: databaseUrl,
        poolMax,
        preparedStatements:
          read(settings.databasePreparedStatements, settings.databasePreparedStatements.defaultText) ?? true,
      };

  const config: { -readonly [K in keyof Config]: Config[K] } = {
    port,
    host: read(settings.host, settings.host.defaultText) ?? '127.0.0.1',
    publicUrl: (read(settings.publicUrl, `http://localhost:${port}`) ?? '').replace(/\/+$/, ''),
    trustProxy: read(settings.trustProxy, settings.trustProxy.defaultText) ?? false,
    database,
    redisUrl: read(settings.redisUrl, undefined),
    amqpUrl: read(settings.amqpUrl, undefined),
    logLevel: read(settings.logLevel, settings.logLevel.defaultText) ?? 'info',
    sandbox: read(settings.sandbox, database.kind === 'sqlite' ? 'true' : 'false') ?? false,
    seedTransactions: read(settings.seedTransactions, settings.seedTransactions.defaultText) ?? 0,
    masterKey: Buffer.alloc(0),
    accessTokenTtl: read(settings.accessTokenTtl, settings.accessTokenTtl.defaultText) ?? 600,
    bodyLimit: read(settings.bodyLimit, settings.bodyLimit.defaultText) ?? 65536,
    workers: read(settings.workers, settings.workers.defaultText) ?? 1,
    rateLimits: read(settings.rateLimits, settings.rateLimits.defaultText) ?? {},
    loginAttemptsPerMinute:
      read(settings.loginAttemptsPerMinute, settings.loginAttemptsPerMinute.defaultText) ?? 30,
    shutdownTimeoutMs: read(settings.shutdownTimeoutMs, settings.shutdownTimeoutMs.defaultText) ?? 10000,
    webhookConcurrency: read(settings.webhookConcurrency, settings.webhookConcurrency.defaultText) ?? 32,
    bankCode: read(settings.bankCode, settings.bankCode.defaultText) ?? '99',
    paymentFees: read(settings.paymentFees, settings.paymentFees.defaultText) ?? {},
    idempotencyKeyHours: read(settings.idempotencyKeyHours, settings.idempotencyKeyHours.defaultText) ?? 24,
    idempotencyWaitMs: read(settings.idempotencyWaitMs, settings.idempotencyWaitMs.defaultText) ?? 2000,
    paymentRecoverySeconds:
      read(settings.paymentRecoverySeconds, settings.paymentRecoverySeconds.defaultText) ?? 30,
    paymentBatch: read(settings.paymentBatch, settings.paymentBatch.defaultText) ?? 24,
    paymentReviewHours: read(settings.paymentReviewHours, settings.paymentReviewHours.defaultText) ?? 96,
    auditRetentionDays: read(settings.auditRetentionDays, settings.auditRetentionDays.defaultText) ?? 2557,
    riskMode: read(settings.riskMode, settings.riskMode.defaultText) ?? 'enforce',
    riskPolicy: read(settings.riskPolicy, settings.riskPolicy.defaultText) ?? { review: 50, decline: 90 },
    riskTimeoutMs: read(settings.riskTimeoutMs, settings.riskTimeoutMs.defaultText) ?? 250,
    riskRules: read(settings.riskRules, settings.riskRules.defaultText) ?? {},
    operatorKeyDigest: read(settings.operatorKey, undefined),
    ...overrides,
  };
  const masterKey = read(settings.masterKey, undefined);
  if (masterKey) config.masterKey = Buffer.from(masterKey, 'base64url');
  else if (config.sandbox) config.masterKey = SANDBOX_MASTER_KEY;
  else if (!overrides.masterKey) problems.push('WEKEZA_MASTER_KEY is required outside sandbox mode');
  if (config.workers > 1 && !config.redisUrl) {
    // Revocations, caches and rate limits must be shared by the workers.
    problems.push('WEKEZA_WORKERS above 1 needs REDIS_URL: the workers share caches and rate limits there');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

/** The README's configuration table, generated from the settings (a test keeps the README in step). */
export function configurationTable(): string {
  const rows = Object.values(settings).map(
    (s) =>
      `| \`${s.env}\` | ${s.defaultText === undefined ? '_unset_' : `\`${s.defaultText}\``} | ${s.description} |`,
  );
  return ['| Variable | Default | Description |', '| --- | --- | --- |', ...rows].join('\n');
}
