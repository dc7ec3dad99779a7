/**
 * @module `/v1/webhook-endpoints`: an app's endpoints — create (the signing secret shown once), list,
 * read, update, delete, rotate the secret, send a test event, and read the delivery log.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { clientOf, gatewayOf } from '../../gateway/index.ts';
import { problems } from '../../platform/index.ts';
import type { WebhookService } from '../service.ts';
import {
  CreateEndpointBody,
  DeliveryList,
  DeliveryQuery,
  EndpointIdParams,
  EndpointList,
  EndpointSchema,
  EndpointWithSecretSchema,
  MessageSchema,
  RotateSecretBody,
  toAttemptDto,
  toEndpointDto,
  toEndpointWithSecretDto,
  toMessageDto,
  UpdateEndpointBody,
} from './schemas.ts';
import { requireEventScopes } from './token-scopes.ts';

const tags = ['webhooks'];
const security = [{ clientToken: [] }];

export const endpointRoutes: FastifyPluginAsyncTypebox<{
  webhooks: WebhookService;
  publicUrl: string;
}> = async (app, opts) => {
  const { webhooks } = opts;

  app.post(
    '',
    {
      schema: {
        tags,
        security,
        summary: 'Create a webhook endpoint',
        description:
          'Events of the chosen types about the app’s own consents and payments (and `transaction.posted` on ' +
          'accounts its consents cover with `transactions.read`) are POSTed to the URL, signed per the ' +
          'Standard Webhooks specification. The answer carries the signing `secret`, shown only here. The ' +
          'app’s token must carry `payments.write` for `payment.*` events and `transactions.read` for ' +
          '`transaction.posted` (else 403 INSUFFICIENT_SCOPE).',
        body: CreateEndpointBody,
        response: { 201: EndpointWithSecretSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { url, event_types: eventTypes, description } = request.body;
      requireEventScopes(eventTypes, gatewayOf(request).scopes, '/body/event_types');
      const created = await webhooks.createEndpoint(clientOf(request), { url, eventTypes, description });
      return reply.code(201).send(toEndpointWithSecretDto(created));
    },
  );

  app.get(
    '',
    {
      schema: {
        tags,
        security,
        summary: 'List your webhook endpoints',
        response: { 200: EndpointList, ...problems(401, 403) },
      },
    },
    async (request) => ({ data: (await webhooks.listEndpoints(clientOf(request))).map(toEndpointDto) }),
  );

  app.get(
    '/:endpoint_id',
    {
      schema: {
        tags,
        security,
        summary: 'Get one of your webhook endpoints',
        params: EndpointIdParams,
        response: { 200: EndpointSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      toEndpointDto(await webhooks.getEndpoint(clientOf(request), request.params.endpoint_id)),
  );

  app.patch(
    '/:endpoint_id',
    {
      schema: {
        tags,
        security,
        summary: 'Update a webhook endpoint',
        description:
          'Change the URL, the event types or the description, or disable and enable it. Enabling an endpoint ' +
          'that was disabled for failing gives it a fresh five days. Event types given here need the scopes ' +
          'they need at creation.',
        params: EndpointIdParams,
        body: UpdateEndpointBody,
        response: { 200: EndpointSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { url, event_types: eventTypes, description, status } = request.body;
      if (eventTypes) requireEventScopes(eventTypes, gatewayOf(request).scopes, '/body/event_types');
      return toEndpointDto(
        await webhooks.updateEndpoint(clientOf(request), request.params.endpoint_id, {
          url,
          eventTypes,
          description,
          status,
        }),
      );
    },
  );

  app.delete(
    '/:endpoint_id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a webhook endpoint',
        description: 'Nothing more is sent to it; pending messages are cancelled.',
        params: EndpointIdParams,
        response: { 204: Type.Null({ description: 'Deleted' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await webhooks.deleteEndpoint(clientOf(request), request.params.endpoint_id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/:endpoint_id/rotate-secret',
    {
      schema: {
        tags,
        security,
        summary: 'Rotate the signing secret',
        description:
          'Answers with the new secret (shown only here). Until `previous_secret_expires_at` (24 hours by ' +
          'default) every webhook carries two `v1,` signatures, one per secret, so receivers can switch.',
        params: EndpointIdParams,
        body: RotateSecretBody,
        response: { 200: EndpointWithSecretSchema, ...problems(400, 401, 403, 404) },
      },
      // The body is optional: no body means the default overlap.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => {
      const seconds = request.body.overlap_seconds;
      return toEndpointWithSecretDto(
        await webhooks.rotateSecret(
          clientOf(request),
          request.params.endpoint_id,
          seconds === undefined ? undefined : seconds * 1000,
        ),
      );
    },
  );

  app.post(
    '/:endpoint_id/test',
    {
      schema: {
        tags,
        security,
        summary: 'Send a test event',
        description:
          'Queues a `webhook.test` event (`data.endpoint_id`, `data.message`) to the endpoint, whatever types ' +
          'it subscribes to, signed and retried like any other. 409 when the endpoint is disabled.',
        params: EndpointIdParams,
        response: { 202: MessageSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const message = await webhooks.sendTest(clientOf(request), request.params.endpoint_id);
      return reply.code(202).send(toMessageDto(message));
    },
  );

  app.get(
    '/:endpoint_id/deliveries',
    {
      schema: {
        tags,
        security,
        summary: 'The delivery log of an endpoint',
        description:
          'Every attempt, newest first: the `webhook-id` (`message_id`), the status code, the latency, what ' +
          'went wrong and the first 4 KiB of the answer. Attempts are kept 30 days.',
        params: EndpointIdParams,
        querystring: DeliveryQuery,
        response: { 200: DeliveryList, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { endpoint_id: endpointId } = request.params;
      const limit = request.query.limit ?? 50;
      const page = await webhooks.listAttempts(clientOf(request), endpointId, {
        limit,
        before: request.query.before,
      });
      const self = new URL(`${opts.publicUrl}/v1/webhook-endpoints/${endpointId}/deliveries`);
      self.searchParams.set('limit', String(limit));
      if (request.query.before) self.searchParams.set('before', request.query.before);
      const last = page.attempts.at(-1);
      const next = page.hasMore && last ? new URL(self) : null;
      next?.searchParams.set('before', last?.id ?? '');
      return {
        data: page.attempts.map(toAttemptDto),
        links: { self: self.toString(), next: next?.toString() ?? null },
      };
    },
  );
};
