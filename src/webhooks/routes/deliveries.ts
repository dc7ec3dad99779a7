/** @module `POST /v1/webhook-deliveries/{id}/retry`: send a message again now. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { clientOf } from '../../gateway/index.ts';
import { problems } from '../../platform/index.ts';
import type { WebhookService } from '../service.ts';
import { DeliveryIdParams, MessageSchema, toMessageDto } from './schemas.ts';

export const deliveryRoutes: FastifyPluginAsyncTypebox<{ webhooks: WebhookService }> = async (app, opts) => {
  app.post(
    '/:delivery_id/retry',
    {
      schema: {
        tags: ['webhooks'],
        security: [{ clientToken: [] }],
        summary: 'Retry a delivery',
        description:
          'Makes the message due now, with the same `webhook-id`; a message whose retries are used up gets one ' +
          'more attempt, and a delivered one is sent again. 409 while its endpoint is disabled.',
        params: DeliveryIdParams,
        response: { 202: MessageSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const message = await opts.webhooks.retry(clientOf(request), request.params.delivery_id);
      return reply.code(202).send(toMessageDto(message));
    },
  );
};
