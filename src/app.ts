/**
 * @module The app factory: composes the platform kernel and the modules into one Fastify instance.
 * Registration is an explicit list; `main.ts` only listens.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import packageJson from '../package.json' with { type: 'json' };
import { accountsApiRoutes } from './accounts/index.ts';
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
import { createIdentity, identityMigrations, sandboxAuthorizeRoutes } from './identity/index.ts';
import { openApiPlugin } from './platform/http/openapi.ts';
import { errorHandler, notFoundHandler } from './platform/http/problem.ts';
import { validatorCompiler } from './platform/http/validation.ts';
import { type Config, migrateAll, openServices, type PlatformServices } from './platform/index.ts';
import { accessLogPlugin } from './platform/observability/access-log.ts';
import { type Check, healthPlugin } from './platform/observability/health.ts';
import { loggerOptions, requestIdOf } from './platform/observability/logging.ts';
import { metricsPlugin } from './platform/observability/metrics.ts';

export const MODULE_MIGRATIONS = [
  coreBankingMigrations,
  developersMigrations,
  identityMigrations,
  consentsMigrations,
] as const;

export interface BuildOptions {
  /** Shared services to use instead of opening new ones (they are then not closed with the app). */
  readonly services?: PlatformServices;
  /** Seed the sandbox when it is empty (default: when sandbox mode is on). */
  readonly seed?: boolean;
}

/** Opens the services, applies migrations, seeds an empty sandbox, and returns the ready app. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const services = options.services ?? openServices(config);
  const app = Fastify({
    logger: loggerOptions(config.logLevel),
    genReqId: requestIdOf,
    // One access-log line per request is written by the access-log plugin instead of Fastify's two.
    logController: new LogController({ requestIdLogLabel: 'request_id', disableRequestLogging: true }),
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
  }).withTypeProvider<TypeBoxTypeProvider>();
  if (!options.services) app.addHook('onClose', () => services.close());

  try {
    await migrateAll(services.database, MODULE_MIGRATIONS);
    const coreBanking = createCoreBanking(services.database);
    const developers = createDeveloperService(services.database, config);
    const identity = await createIdentity(config, services.database, {
      clients: developers,
      customers: {
        authenticate: (username, password) => coreBanking.authenticateCustomer(username, password),
        get: (customerId) => coreBanking.getCustomer(customerId),
        accounts: (customerId) => coreBanking.listAccounts(customerId),
      },
      consents: () => consents,
    });
    app.addHook('onClose', async () => identity.close());
    const consents = createConsentService(services.database, {
      accountsOf: async (customerId) => await coreBanking.listAccounts(customerId),
      appScopes: async (clientId) => (await developers.findClient(clientId))?.scopes,
      onRevoked: async (consent) => {
        if (consent.grantId) await identity.revokeGrant(consent.grantId);
      },
    });
    if (config.sandbox && (options.seed ?? true)) {
      const seeded = await seedSandboxData(services.database, { transactions: config.seedTransactions });
      if (seeded) app.log.info(seeded, 'sandbox seeded');
    }

    // The API speaks JSON only: anything else is a 415, not a string body.
    app.removeContentTypeParser('text/plain');
    app.setValidatorCompiler(validatorCompiler());
    app.setErrorHandler(errorHandler);
    app.setNotFoundHandler(notFoundHandler);
    await app.register(accessLogPlugin);
    await app.register(metricsPlugin, { registry: services.registry });
    await app.register(openApiPlugin, { publicUrl: config.publicUrl, version: packageJson.version });

    const checks: Record<string, Check> = { database: () => services.database.ping() };
    const { redis, amqp } = services;
    if (redis) checks.redis = async () => void (await redis.ping());
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
    });
    await app.register(developerRoutes, { prefix: '/developer', developers });
    await app.register(consentRoutes, {
      prefix: '/v1/consents',
      consents,
      verifyAccessToken: identity.verifyAccessToken,
    });
    await app.register(accountsApiRoutes, {
      prefix: '/v1/accounts',
      coreBanking,
      consents,
      verifyAccessToken: identity.verifyAccessToken,
      publicUrl: config.publicUrl,
    });
    if (config.sandbox) {
      await app.register(sandboxRoutes, { prefix: '/sandbox', coreBanking });
      await app.register(sandboxAuthorizeRoutes, {
        prefix: '/sandbox',
        sandboxPassword: (username) => SANDBOX_CUSTOMERS.find((c) => c.username === username)?.password,
      });
    }
    await app.ready();
    return app;
  } catch (err) {
    await app.close();
    throw err;
  }
}
