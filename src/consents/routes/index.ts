/**
 * @module The consent API under `/v1/consents`, behind the app's client-credentials token: request a
 * consent, read it, revoke it. Another app's consent answers 404 like a missing one.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { clientOf, gatewayOf } from '../../gateway/index.ts';
import { problems } from '../../platform/index.ts';
import type { ConsentService } from '../service.ts';
import {
  ConsentIdParams,
  ConsentSchema,
  CreateConsentBody,
  fromCreateBody,
  toConsentDto,
} from './schemas.ts';

export interface ConsentRoutesOptions {
  readonly consents: ConsentService;
}

const tags = ['consents'];
const security = [{ clientToken: [] }];

export const consentRoutes: FastifyPluginAsyncTypebox<ConsentRoutesOptions> = async (app, opts) => {
  const { consents } = opts;
  // Every consent route is the app's own business: the gateway admits its client-credentials token only.
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, gateway: { token: 'client' } };
  });

  app.post(
    '',
    {
      schema: {
        tags,
        security,
        summary: 'Request a consent',
        description:
          'With the app’s client-credentials token, carrying every scope the consent asks for (else 403 ' +
          'INSUFFICIENT_SCOPE). The consent starts `awaiting_authorization`; send the ' +
          'customer to the authorization endpoint with its id as the `consent_id` parameter.',
        body: CreateConsentBody,
        response: { 201: ConsentSchema, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { clientId, scopes } = gatewayOf(request);
      const consent = await consents.create({ clientId, tokenScopes: scopes }, fromCreateBody(request.body));
      return reply.code(201).send(toConsentDto(consent));
    },
  );

  app.get(
    '/:consent_id',
    {
      schema: {
        tags,
        security,
        summary: 'Get one of your consents',
        description: 'Once authorised it shows the customer and the accounts; `history` lists every change.',
        params: ConsentIdParams,
        response: { 200: ConsentSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      toConsentDto(await consents.getForClient(clientOf(request), request.params.consent_id)),
  );

  app.delete(
    '/:consent_id',
    {
      schema: {
        tags,
        security,
        summary: 'Revoke one of your consents',
        description:
          'The OAuth grant and every token issued under the consent stop working at once. Answers with the ' +
          'revoked consent; a consent that is no longer active is 409 CONSENT_NOT_ACTIVE.',
        params: ConsentIdParams,
        response: { 200: ConsentSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      toConsentDto(await consents.revokeForClient(clientOf(request), request.params.consent_id)),
  );
};
