/**
 * @module What every webhooks function receives: the module's own Kysely handle (schema `webhooks`),
 * the events outbox it reads for the feed (and the feed's CloudEvents `source`), the key that seals signing secrets, sandbox mode, the
 * clock, the delivery policy (production defaults, shortened by tests) and a logger.
 */
import type { Kysely } from 'kysely';
import type { Lookup } from '../platform/index.ts';
import { type Config, type Database, deriveKey, EVENTS_SCHEMA, type EventTables } from '../platform/index.ts';
import * as defaults from './defaults.ts';
import { SCHEMA, type WebhookTables } from './tables.ts';

/** Delivery policy knobs; every one defaults to the production value in defaults.ts. */
export interface WebhookTuning {
  /** Delay before each attempt (ms); its length is the number of attempts. */
  readonly schedule?: readonly number[];
  readonly jitter?: number;
  /** Random numbers in [0, 1) for the jitter. */
  readonly random?: () => number;
  readonly timeoutMs?: number;
  readonly pollIntervalMs?: number;
  readonly leaseMs?: number;
  readonly disableAfterMs?: number;
  readonly warnAfterMs?: number;
  /** DNS resolution (tests simulate hostile resolvers). */
  readonly lookup?: Lookup;
  readonly now?: () => Date;
}

export type Policy = Required<Omit<WebhookTuning, 'lookup' | 'now'>> & Pick<WebhookTuning, 'lookup'>;

export interface WebhookLog {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
  error(data: object, message: string): void;
}

export interface WebhooksContext {
  readonly database: Database;
  readonly db: Kysely<WebhookTables>;
  readonly events: Kysely<EventTables>;
  /** Seals and opens the signing secrets (derived from the master key). */
  readonly secretKey: Buffer;
  /** Sandbox mode allows http on loopback addresses and private addresses. */
  readonly sandbox: boolean;
  /** The CloudEvents `source` of feed events: the platform's public URL. */
  readonly source: string;
  readonly concurrency: number;
  readonly policy: Policy;
  readonly now: () => Date;
  readonly log: WebhookLog;
}

export function createWebhooksContext(
  database: Database,
  config: Pick<Config, 'sandbox' | 'masterKey' | 'webhookConcurrency' | 'publicUrl'>,
  log: WebhookLog,
  tuning: WebhookTuning = {},
): WebhooksContext {
  return {
    database,
    db: database.schema<WebhookTables>(SCHEMA),
    events: database.schema<EventTables>(EVENTS_SCHEMA),
    secretKey: deriveKey(config.masterKey, 'webhook-secrets'),
    sandbox: config.sandbox,
    source: config.publicUrl,
    concurrency: config.webhookConcurrency,
    now: tuning.now ?? (() => new Date()),
    log,
    policy: {
      schedule: tuning.schedule ?? defaults.RETRY_SCHEDULE_MS,
      jitter: tuning.jitter ?? defaults.RETRY_JITTER,
      random: tuning.random ?? Math.random,
      timeoutMs: tuning.timeoutMs ?? defaults.REQUEST_TIMEOUT_MS,
      pollIntervalMs: tuning.pollIntervalMs ?? defaults.POLL_INTERVAL_MS,
      leaseMs: tuning.leaseMs ?? defaults.CLAIM_LEASE_MS,
      disableAfterMs: tuning.disableAfterMs ?? defaults.DISABLE_AFTER_MS,
      warnAfterMs: tuning.warnAfterMs ?? defaults.WARN_AFTER_MS,
      lookup: tuning.lookup,
    },
  };
}
