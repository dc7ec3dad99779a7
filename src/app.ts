/**
 * @module The app factory: composes the platform kernel and the modules into one Fastify instance.
 * Registration is an explicit list; `main.ts` only listens.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { Counter, Gauge } from 'prom-client';
import packageJson from '../package.json' with { type: 'json' };
import { AccountCache, accountsApiRoutes } from './accounts/index.ts';
import { accountRoutes } from './consents/account/index.ts';
import { consentRoutes, consentsMigrations, createConsentService } from './consents/index.ts';
import {
  coreBankingMigrations,
  createCoreBanking,
  SANDBOX_CUSTOMERS,
  sandboxRoutes,
  seedSandboxData,
} from './core-banking/index.ts';
import { createDeveloperService, developerRoutes, developersMigrations } from './developers/index.ts';
import { createGateway, type Gateway, gatewayMigrations, versionNotFound } from './gateway/index.ts';
import {
  createIdentity,
  identityMigrations,
  type LoginLockout,
  sandboxAuthorizeRoutes,
} from './identity/index.ts';
import {
  createPaymentService,
  operatorRoutes,
  type PaymentService,
  paymentMetrics,
  paymentRoutes,
  paymentSettingsOf,
  paymentsMigrations,
} from './payments/index.ts';
import { loginThrottlePlugin } from './platform/http/login-throttle.ts';
import { openApiPlugin } from './platform/http/openapi.ts';
import { errorHandler, notFoundHandler } from './platform/http/problem.ts';
import { refuseNulPlugin, validatorCompiler } from './platform/http/validation.ts';
import {
  type Config,
  eventsMigrations,
  evictionRisk,
  migrateAll,
  OutboxRelay,
  openServices,
  type PlatformServices,
} from './platform/index.ts';
import { accessLogPlugin } from './platform/observability/access-log.ts';
import { type Check, healthPlugin } from './platform/observability/health.ts';
import { loggerOptions, requestIdOf } from './platform/observability/logging.ts';
import { metricsPlugin } from './platform/observability/metrics.ts';
import { portalRoutes, sandboxCustomerReader } from './portal/index.ts';
import { createRiskService, openCounters, riskMigrations } from './risk/index.ts';
import {
  createWebhookService,
  type WebhookService,
  type WebhookTuning,
  webhookRoutes,
  webhooksMigrations,
} from './webhooks/index.ts';

export const MODULE_MIGRATIONS = [
  eventsMigrations,
  coreBankingMigrations,
  developersMigrations,
  identityMigrations,
  consentsMigrations,
  gatewayMigrations,
  webhooksMigrations,
  riskMigrations,
  paymentsMigrations,
] as const;

export interface BuildOptions {
  /** Shared services to use instead of opening new ones (they are then not closed with the app). */
  readonly services?: PlatformServices;
  /** Seed the sandbox when it is empty (default: when sandbox mode is on). */
  readonly seed?: boolean;
  /** Webhook delivery policy overrides (tests shorten the retry schedule). */
  readonly webhooks?: WebhookTuning;
  /** Where log lines go instead of standard output (tests read the access log). */
  readonly logStream?: { write(line: string): void };
}

/** Opens the services, applies migrations, seeds an empty sandbox, and returns the ready app. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const services = options.services ?? openServices(config);
  const { trustProxy } = config;
  const app = Fastify({
    logger: options.logStream
      ? { ...(loggerOptions(config.logLevel) as object), stream: options.logStream }
      : loggerOptions(config.logLevel),
    genReqId: requestIdOf,
    // One access-log line per request is written by the access-log plugin instead of Fastify's two.
    logController: new LogController({ requestIdLogLabel: 'request_id', disableRequestLogging: true }),
    bodyLimit: config.bodyLimit,
    // A hop count: the nearest `n` hops are the proxies (proxy-addr's trust function).
    trustProxy:
      typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : trustProxy,
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Closed in this order: the gateway flushes its buffers to the database before the pools close.
  let gateway: Gateway | undefined;
  let closeIdentity = () => {};
  let relay: OutboxRelay | undefined;
  let webhooks: WebhookService | undefined;
  let payments: PaymentService | undefined;
  app.addHook('onClose', async () => {
    await payments?.close();
    await relay?.stop();
    await webhooks?.stop().catch((err) => app.log.error({ err }, 'webhooks: stopping failed'));
    await gateway?.close().catch((err) => app.log.error({ err }, 'gateway flush at shutdown failed'));
    closeIdentity();
    if (!options.services) await services.close();
  });

  try {
    await migrateAll(services.database, MODULE_MIGRATIONS);
    // Balances are cached in the shared store; every posting refreshes the accounts it touched.
    let accountCache: AccountCache | undefined;
    const coreBanking = createCoreBanking(services.database, {
      onPosted: (accountIds, fresh) => accountCache?.changed(accountIds, fresh),
    });
    accountCache = new AccountCache(services.store, coreBanking, (err) =>
      app.log.error({ err }, 'account cache: shared store failed'),
    );
    const accounts = accountCache;
    // The developers' log-in uses identity's lockout; identity, created next, needs the developers.
    let lockout: LoginLockout | undefined;
    const developers = createDeveloperService(services.database, config, {
      onAppChanged: async (clientId) => gateway?.appChanged(clientId),
      lockout: {
        takeAttempt: (name) => lockout!.takeAttempt(name),
        clearFailures: (name) => lockout!.clearFailures(name),
      },
    });
    const identity = await createIdentity(config, services.database, {
      clients: developers,
      customers: {
        authenticate: (username, password) => coreBanking.authenticateCustomer(username, password),
        get: (customerId) => coreBanking.getCustomer(customerId),
        accounts: (customerId) => coreBanking.listAccounts(customerId),
      },
      consents: () => consents,
      onAccessTokenRevoked: async (jti) => gateway?.tokenRevoked(jti),
    });
    closeIdentity = identity.close;
    lockout = identity.lockout;
    const consents = createConsentService(services.database, {
      accountsOf: async (customerId) => await coreBanking.listAccounts(customerId),
      appScopes: async (clientId) => (await developers.findClient(clientId))?.scopes,
      onRevoked: async (consent) => {
        // The gateway refuses the consent's tokens at once; then the grant and its tokens go.
        await gateway?.consentChanged(consent);
        if (consent.grantId) await identity.revokeGrant(consent.grantId);
      },
    });
    gateway = createGateway({
      database: services.database,
      store: services.store,
      registry: services.registry,
      verifyAccessToken: identity.verifyAccessToken,
      tiers: config.rateLimits,
      accessTokenTtl: config.accessTokenTtl,
      consent: (id) => consents.get(id).catch(() => undefined),
      app: (clientId) => developers.gatewayView(clientId),
      tokenRevoked: (jti) => identity.isTokenRevoked(jti),
      auditRetentionDays: config.auditRetentionDays,
      log: (err, message) => app.log.error({ err }, message),
    });
    const gw = gateway;
    webhooks = createWebhookService({
      database: services.database,
      config,
      bus: services.bus,
      recipients: {
        appsCoveringAccount: (accountId) => consents.appsCoveringAccount(accountId),
        appsCoveringAccounts: (accountIds) => consents.appsCoveringAccounts(accountIds),
        // A suspended or deleted app receives nothing.
        appIsActive: async (clientId) => (await developers.gatewayView(clientId))?.status === 'active',
      },
      log: app.log,
      tuning: options.webhooks,
    });
    const hooks = webhooks;
    const risk = createRiskService({
      database: services.database,
      counters: openCounters(services.redis),
      registry: services.registry,
      mode: config.riskMode,
      policy: config.riskPolicy,
      timeoutMs: config.riskTimeoutMs,
      rules: config.riskRules,
      log: (err, message) => app.log.error({ err }, message),
    });
    payments = createPaymentService({
      database: services.database,
      bank: coreBanking,
      account: (accountId) => accounts.get(accountId),
      risk,
      settings: paymentSettingsOf(config),
      metrics: paymentMetrics(services.registry),
      log: (err, message) => app.log.error({ err }, message),
    });
    const pays = payments;
    if (config.sandbox && (options.seed ?? true)) {
      const seeded = await seedSandboxData(services.database, { transactions: config.seedTransactions });
      if (seeded) app.log.info(seeded, 'sandbox seeded');
    }

    // The API speaks JSON only: anything else is a 415, not a string body.
    app.removeContentTypeParser('text/plain');
    app.setValidatorCompiler(validatorCompiler());
    app.setErrorHandler(errorHandler);
    app.setNotFoundHandler(versionNotFound(notFoundHandler));
    await app.register(accessLogPlugin);
    await app.register(refuseNulPlugin);
    await app.register(loginThrottlePlugin, {
      store: services.store,
      routes: [
        'POST /developer/login',
        'POST /portal/login',
        'POST /account/login',
        'POST /login/:uid/login',
      ],
      perMinute: config.loginAttemptsPerMinute,
      onStoreError: (err) => app.log.error({ err }, 'log-in throttle skipped: the shared store failed'),
    });
    await app.register(metricsPlugin, { registry: services.registry });
    const eventsPublished = new Counter({
      name: 'wekeza_events_published_total',
      help: 'Business events published from the outbox to the event bus',
      registers: [services.registry],
    });
    await app.register(openApiPlugin, { publicUrl: config.publicUrl, version: packageJson.version });

    const checks: Record<string, Check> = { database: () => services.database.ping() };
    const { redis, amqp } = services;
    if (redis) {
      checks.redis = async () => void (await redis.ping());
      const warnIfEvicting = () =>
        void evictionRisk(redis).then((risk) => {
          if (risk) app.log.warn(risk);
        });
      if (redis.status === 'ready') warnIfEvicting();
      else redis.once('ready', warnIfEvicting);
    }
    if (amqp) checks.rabbitmq = async () => void (await amqp.get());
    await app.register(healthPlugin, { checks });

    await identity.routes(app);
    await app.register(accountRoutes, {
      consents,
      config,
      authenticate: (username, password) => coreBanking.authenticateCustomer(username, password),
      ...identity.lockout,
      appName: async (clientId) => (await developers.findClient(clientId))?.name ?? clientId,
      accounts: (customerId) => coreBanking.listAccounts(customerId),
      accessHistory: (consentId, limit) => gw.accessHistory(consentId, limit),
      lastUsed: (consentIds) => gw.lastUsed(consentIds),
    });
    await app.register(developerRoutes, {
      prefix: '/developer',
      developers,
      usage: (clientId, query) => gw.usage(clientId, query),
      notifications: async (clientIds, page) =>
        (await hooks.notifications(clientIds, page)).map((n) => ({
          ...n,
          subject: `webhook-endpoints/${n.endpointId}`,
        })),
    });
    await app.register(portalRoutes, {
      config,
      developers,
      usage: (clientId, query) => gw.usage(clientId, query),
      webhooks: hooks,
      sandboxCustomers: config.sandbox ? sandboxCustomerReader(coreBanking) : undefined,
    });
    // Every /v1 route passes the gateway pipeline.
    await app.register(
      async (v1) => {
        await gw.register(v1);
        await v1.register(consentRoutes, { prefix: '/consents', consents });
        await v1.register(accountsApiRoutes, {
          prefix: '/accounts',
          coreBanking,
          accounts,
          publicUrl: config.publicUrl,
        });
        await v1.register(webhookRoutes, { webhooks: hooks, publicUrl: config.publicUrl });
        await v1.register(paymentRoutes, {
          prefix: '/payments',
          payments: pays,
          publicUrl: config.publicUrl,
        });
      },
      { prefix: '/v1' },
    );
    // The operator API exists only with an operator key configured (the CLI works without it).
    if (config.operatorKeyDigest) {
      await app.register(operatorRoutes, {
        prefix: '/operator',
        payments: pays,
        risk,
        publicUrl: config.publicUrl,
        keyDigest: config.operatorKeyDigest,
      });
    }
    if (config.sandbox) {
      await app.register(sandboxRoutes, { prefix: '/sandbox', coreBanking });
      await app.register(sandboxAuthorizeRoutes, {
        prefix: '/sandbox',
        sandboxPassword: (username) => SANDBOX_CUSTOMERS.find((c) => c.username === username)?.password,
      });
    }
    await app.ready();
    // Payments left in flight by a crashed process are finished now and by a periodic sweep.
    pays.start();
    // Webhook fan-out subscribes (retrying while the broker is unreachable); the dispatcher starts.
    await hooks.start();
    // Business events leave through the outbox: published to the bus after their commit, once
    // fan-out listens (an event published to a bus where nothing listens yet would be lost), with
    // their routed feed entries recorded first.
    const outbox = new OutboxRelay(services.database, services.bus, {
      source: config.publicUrl,
      onError: (err) => app.log.error({ err }, 'outbox relay: publishing failed; retrying'),
      onPublished: (count) => eventsPublished.inc(count),
      beforePublish: (events) => hooks.beforePublish(events),
    });
    relay = outbox;
    new Gauge({
      name: 'wekeza_events_horizon_wait_seconds',
      help: 'How long committed events have waited for the relay horizon (PostgreSQL): a long write transaction on the cluster holds events back',
      registers: [services.registry],
      collect() {
        this.set(outbox.horizonWaitMs / 1000);
      },
    });
    void hooks.subscribed().then(() => outbox.start());
    return app;
  } catch (err) {
    await app.close();
    throw err;
  }
}
