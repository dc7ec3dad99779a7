/**
 * @module `GET /developer/notifications`: what the platform has to tell a developer about their apps,
 * newest first — for now the webhook endpoints' health (failing, disabled, recovered), read from the
 * webhooks module through the injected reader.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problems } from '../../platform/index.ts';
import type { DeveloperService } from '../service.ts';
import { callerOf, requireDeveloper } from './bearer.ts';

export interface DeveloperNotification {
  readonly id: string;
  readonly clientId: string;
  readonly type: string;
  /** What it is about, for example `webhook-endpoints/whe_…`. */
  readonly subject: string;
  readonly message: string;
  readonly createdAt: string;
}

/** The notifications of these apps, newest first; `before` is the last id of the previous page. */
export type NotificationReader = (
  clientIds: readonly string[],
  page: { limit: number; before?: string | undefined },
) => Promise<DeveloperNotification[]>;

const NotificationQuery = Type.Object(
  {
    client_id: Type.Optional(
      Type.String({ pattern: '^app_[0-9A-HJKMNP-TV-Z]{26}$', description: 'Only this app’s' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    before: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,18}$', description: 'The last id of the previous page' }),
    ),
  },
  { additionalProperties: false },
);

const NotificationList = Type.Object({
  data: Type.Array(
    Type.Object({
      id: Type.String(),
      client_id: Type.String(),
      type: Type.String({
        examples: ['webhook_endpoint.failing', 'webhook_endpoint.disabled', 'webhook_endpoint.recovered'],
      }),
      subject: Type.String({ examples: ['webhook-endpoints/whe_01JD5V6Q8ZK3M2N4P5R6S7T8V9'] }),
      message: Type.String(),
      created_at: Type.String({ format: 'date-time' }),
    }),
  ),
});

export const notificationRoutes: FastifyPluginAsyncTypebox<{
  developers: DeveloperService;
  notifications: NotificationReader;
}> = async (app, opts) => {
  app.addHook('onRequest', requireDeveloper(opts.developers));
  app.get(
    '/notifications',
    {
      schema: {
        tags: ['developers'],
        security: [{ developerToken: [] }],
        summary: 'Notifications about your apps',
        description:
          'Newest first. `webhook_endpoint.failing`: every delivery to an endpoint has failed for a day, and it ' +
          'will be disabled after five; `webhook_endpoint.disabled`: it was; `webhook_endpoint.recovered`: a ' +
          'delivery succeeded again after a warning.',
        querystring: NotificationQuery,
        response: { 200: NotificationList, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const developerId = callerOf(request).developer.id;
      const { client_id: clientId, limit = 50, before } = request.query;
      const clientIds = clientId
        ? [(await opts.developers.getApp(developerId, clientId)).clientId]
        : (await opts.developers.listApps(developerId)).map((a) => a.clientId);
      const found = await opts.notifications(clientIds, { limit, before });
      return {
        data: found.map((n) => ({
          id: n.id,
          client_id: n.clientId,
          type: n.type,
          subject: n.subject,
          message: n.message,
          created_at: n.createdAt,
        })),
      };
    },
  );
};
