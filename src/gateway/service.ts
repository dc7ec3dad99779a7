/**
 * @module The gateway for one process: the pipeline plugin for the `/v1` routes, the cached views it
 * checks with their change notifications (wired to consents, developers and identity by the app
 * factory), usage metering and the access audit trail with their periodic flushes, and the purge of
 * audit records past their retention (every process runs it: a purge finding nothing is cheap).
 */
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { Consent } from '../consents/index.ts';
import type { GatewayApp } from '../developers/index.ts';
import type { AccessTokenVerifier } from '../identity/index.ts';
import type { Database, RateTier, SharedStore } from '../platform/index.ts';
import { type AccessEntry, AuditTrail } from './audit.ts';
import { gatewayMetrics } from './metrics.ts';
import { MIN_AUDIT_RETENTION_DAYS } from './migrations/0003_audit_retention.ts';
import { gatewayPipeline } from './pipeline.ts';
import { type GatewayTables, SCHEMA } from './tables.ts';
import { UsageMeter, type UsageQuery, type UsageRow } from './usage.ts';
import { GatewayViews } from './views.ts';

export interface GatewayDeps {
  readonly database: Database;
  readonly store: SharedStore;
  readonly registry: Registry;
  readonly verifyAccessToken: AccessTokenVerifier;
  readonly tiers: Readonly<Record<string, RateTier>>;
  /** Seconds an access token lives: revoked token ids are remembered at least that long. */
  readonly accessTokenTtl: number;
  readonly consent: (id: string) => Promise<Consent | undefined>;
  readonly app: (clientId: string) => Promise<GatewayApp | undefined>;
  readonly tokenRevoked: (jti: string) => Promise<boolean>;
  /** Access audit records older than this are deleted (at least a day more than `MIN_AUDIT_RETENTION_DAYS`). */
  readonly auditRetentionDays: number;
  readonly now?: () => number;
  /** Reports background failures (flushes, store errors). */
  readonly log: (err: unknown, message: string) => void;
}

export interface Gateway {
  /** Registers the pipeline in the given (the `/v1`) context. */
  register(app: FastifyInstance): Promise<void>;
  consentChanged(consent: Consent): Promise<void>;
  appChanged(clientId: string): Promise<void>;
  tokenRevoked(jti: string): Promise<void>;
  usage(clientId: string, query: UsageQuery): Promise<UsageRow[]>;
  accessHistory(consentId: string, limit: number): Promise<AccessEntry[]>;
  lastUsed(consentIds: readonly string[]): Promise<Map<string, string>>;
  /** Deletes the audit records past their retention now; returns how many. */
  purgeAudit(): Promise<number>;
  /** Writes buffered usage and audit records now (tests, shutdown). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

const USAGE_FLUSH_MS = 5000;
const AUDIT_FLUSH_MS = 1000;
/** The first purge runs a minute after start, then one every hour. */
const PURGE_FIRST_MS = 60_000;
const PURGE_EVERY_MS = 3_600_000;
const DAY_MS = 86_400_000;

export function createGateway(deps: GatewayDeps): Gateway {
  const db = deps.database.schema<GatewayTables>(SCHEMA);
  const metrics = gatewayMetrics(deps.registry);
  const redis = deps.store.kind === 'redis';
  const storeFailed = (err: unknown) => {
    metrics.storeErrors.inc();
    deps.log(err, 'shared store failed');
  };
  const views = new GatewayViews(
    deps.store,
    { consent: deps.consent, app: deps.app, tokenRevoked: deps.tokenRevoked },
    {
      consentMs: 60_000,
      appMs: redis ? 60_000 : 1000,
      revokedTokenMs: (deps.accessTokenTtl + 300) * 1000,
    },
    storeFailed,
  );
  const usage = new UsageMeter(db);
  const audit = new AuditTrail(db, (count) => metrics.auditDropped.inc(count));
  const flush = async () => {
    await Promise.all([usage.flush(), audit.flush()]);
  };
  const now = deps.now ?? Date.now;
  // A day inside the database's own floor: a process clock ahead of the database's must not make
  // the purge pick a record the database calls too young (which would abort the whole batch).
  const retentionDays = Math.max(deps.auditRetentionDays, MIN_AUDIT_RETENTION_DAYS + 1);
  const purgeAudit = async () => {
    const purged = await audit.purge(new Date(now() - retentionDays * DAY_MS));
    metrics.auditPurged.inc(purged);
    return purged;
  };
  const purgeLogged = () => void purgeAudit().catch((err) => deps.log(err, 'audit purge failed'));
  const timers = [
    setInterval(() => usage.flush().catch((err) => deps.log(err, 'usage flush failed')), USAGE_FLUSH_MS),
    setInterval(() => audit.flush().catch((err) => deps.log(err, 'audit flush failed')), AUDIT_FLUSH_MS),
    setTimeout(purgeLogged, PURGE_FIRST_MS),
    setInterval(purgeLogged, PURGE_EVERY_MS),
  ];
  for (const t of timers) t.unref();

  return {
    register: async (app) => {
      await app.register(gatewayPipeline, {
        verifyAccessToken: deps.verifyAccessToken,
        views,
        store: deps.store,
        tiers: deps.tiers,
        usage,
        audit,
        metrics,
      });
    },
    // A failed announcement is logged, not thrown: the change itself is committed, and cached copies
    // live at most a minute (the store being down, readers use the database).
    consentChanged: (consent) => views.consentChanged(consent).catch(storeFailed),
    appChanged: (clientId) => views.appChanged(clientId).catch(storeFailed),
    tokenRevoked: (jti) => views.tokenRevoked(jti).catch(storeFailed),
    usage: async (clientId, query) => {
      await usage.flush();
      return usage.read(clientId, query);
    },
    accessHistory: async (consentId, limit) => {
      await audit.flush();
      return audit.history(consentId, limit);
    },
    lastUsed: async (consentIds) => {
      await audit.flush();
      return audit.lastUsed(consentIds);
    },
    purgeAudit,
    flush,
    async close() {
      for (const t of timers) clearInterval(t);
      await flush();
    },
  };
}
