/**
 * @module `GET /v1/events`: the event feed, for apps that cannot receive webhooks — the same events,
 * in order, from a cursor.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { gatewayOf } from '../../gateway/index.ts';
import { AppError, EVENT_TYPES, type EventType, problems } from '../../platform/index.ts';
import type { WebhookService } from '../service.ts';
import { FeedQuerySchema, FeedSchema, toFeedDto } from './schemas.ts';
import { readableEventTypes, requireEventScopes } from './token-scopes.ts';

function parseTypes(raw: string | undefined): EventType[] | undefined {
  if (raw === undefined) return undefined;
  const types = raw.split(',').map((t) => t.trim());
  const unknown = types.filter((t) => !(EVENT_TYPES as readonly string[]).includes(t));
  if (unknown.length > 0) {
    const message = `has unknown event types: ${unknown.join(', ')}; known: ${EVENT_TYPES.join(', ')}`;
    throw new AppError('VALIDATION_FAILED', `/query/types ${message}`, {
      errors: [{ path: '/query/types', message }],
    });
  }
  return types as EventType[];
}

export const eventFeedRoutes: FastifyPluginAsyncTypebox<{ webhooks: WebhookService }> = async (app, opts) => {
  app.get(
    '',
    {
      schema: {
        tags: ['events'],
        security: [{ clientToken: [] }],
        summary: 'Your events, in order from a cursor',
        description:
          'The polling alternative to webhooks: the events about the app’s own consents and payments, and ' +
          '`transaction.posted` on accounts its consents covered with `transactions.read` when it happened, ' +
          'oldest first after `after`. Keep `next_cursor` and pass it as `after`; call again at once while ' +
          '`has_more`. Events show once published (within a fraction of a second) and are kept at least 30 days. ' +
          'Only the types the app’s token may read show: `payment.*` with `payments.write`, `transaction.posted` ' +
          'with `transactions.read` (asking for another in `types` is 403 INSUFFICIENT_SCOPE).',
        querystring: FeedQuerySchema,
        response: { 200: FeedSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { after, limit = 100 } = request.query;
      const { clientId, scopes } = gatewayOf(request);
      const asked = parseTypes(request.query.types);
      if (asked) requireEventScopes(asked, scopes, '/query/types', false);
      const types = asked ?? readableEventTypes(scopes);
      return toFeedDto(await opts.webhooks.feed(clientId, { after, types, limit }));
    },
  );
};
