/**
 * @module The OpenAPI 3.1 document, generated from the route schemas by @fastify/swagger and served
 * at `/openapi.json`, and the interactive API reference (Scalar, served locally) at `/docs`.
 */
import swagger from '@fastify/swagger';
import apiReference from '@scalar/fastify-api-reference';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { withExamples } from './openapi-examples.ts';
import { FieldErrorSchema, ProblemSchema } from './schemas.ts';

export interface OpenApiOptions {
  readonly publicUrl: string;
  readonly version: string;
}

async function openApi(app: FastifyInstance, opts: OpenApiOptions): Promise<void> {
  app.addSchema(FieldErrorSchema);
  app.addSchema(ProblemSchema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Wekeza Open Banking API',
        version: opts.version,
        description:
          'Accounts, balances, transactions and payments of Wekeza customers, exposed to fintechs, partners and ' +
          "the bank's own channels under OAuth 2.0 / OpenID Connect and customer consent. Errors are RFC 9457 " +
          'problem documents with a stable `code`; money is `{ "amount": "1500.00", "currency": "KES" }`.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      servers: [{ url: opts.publicUrl }],
      components: {
        securitySchemes: {
          developerToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'A developer token from `POST /developer/login`',
          },
          customerToken: {
            type: 'oauth2',
            description: "A customer's access token from the authorization-code flow, bound to a consent",
            flows: {
              authorizationCode: {
                authorizationUrl: '/oauth2/authorize',
                tokenUrl: '/oauth2/token',
                scopes: {
                  'accounts.read': 'Read the consented accounts and balances',
                  'transactions.read': 'Read the transactions of the consented accounts',
                  'payments.write': 'Make payments from the consented accounts, within the consent’s limit',
                },
              },
            },
          },
          clientToken: {
            type: 'oauth2',
            description: "An app's access token from the client-credentials grant (`/oauth2/token`)",
            flows: {
              clientCredentials: {
                tokenUrl: '/oauth2/token',
                scopes: {
                  'accounts.read': 'Create consents to read accounts and balances',
                  'transactions.read': 'Create consents to read transactions',
                  'payments.write': 'Create consents to make payments',
                },
              },
            },
          },
        },
      },
      tags: [
        { name: 'health', description: 'Liveness and readiness' },
        { name: 'developers', description: 'Developer accounts and their apps (OAuth clients)' },
        {
          name: 'consents',
          description:
            'What a customer agreed an app may see or do. Created by the app with its client-credentials token, then authorised by the customer at the authorization endpoint (`consent_id` parameter).',
        },
        {
          name: 'accounts',
          description: "A customer's accounts, balances and transactions, as far as their consent allows",
        },
        {
          name: 'payments',
          description:
            'Payments from a consented account, with an Idempotency-Key: scored by the risk engine and the fraud system, then completed, held for review or rejected with a reason',
        },
        {
          name: 'webhooks',
          description:
            'Signed (Standard Webhooks), retried deliveries of events about the app’s consents, payments and consented accounts to its endpoints',
        },
        {
          name: 'events',
          description:
            'The same events as a feed to poll, in order from a cursor, for apps that cannot receive webhooks',
        },
        { name: 'sandbox', description: 'Sandbox helpers (sandbox mode only)' },
      ],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
    transformObject: (document) =>
      withExamples(('openapiObject' in document ? document.openapiObject : {}) as never),
  });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // The reference's request client takes tokens: no other site may frame it (clickjacking).
  await app.register(async (docs) => {
    docs.addHook('onSend', (_request, reply, payload, done) => {
      reply.header('content-security-policy', "frame-ancestors 'none'");
      reply.header('x-frame-options', 'DENY');
      done(null, payload);
    });
    await docs.register(apiReference, {
      routePrefix: '/docs',
      logLevel: 'warn',
      configuration: {
        url: '/openapi.json',
        pageTitle: 'Wekeza Open Banking API reference',
        withDefaultFonts: false,
        hideClientButton: false,
      },
    });
  });
}

export const openApiPlugin = fp(openApi, { name: 'wekeza-openapi' });
