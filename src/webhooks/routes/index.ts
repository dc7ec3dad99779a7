/**
 * @module The webhook and event-feed API under `/v1`, behind the app's client-credentials token:
 * `/webhook-endpoints…`, `/webhook-deliveries/{id}/retry` and `/events`. Another app's endpoint or
 * delivery answers 404 like a missing one.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { WebhookService } from '../service.ts';
import { deliveryRoutes } from './deliveries.ts';
import { endpointRoutes } from './endpoints.ts';
import { eventFeedRoutes } from './events.ts';

export interface WebhookRoutesOptions {
  readonly webhooks: WebhookService;
  readonly publicUrl: string;
}

export const webhookRoutes: FastifyPluginAsyncTypebox<WebhookRoutesOptions> = async (app, opts) => {
  // All of it is the app's own business: the gateway admits its client-credentials token only.
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, gateway: { token: 'client' } };
  });
  const { webhooks, publicUrl } = opts;
  await app.register(endpointRoutes, { prefix: '/webhook-endpoints', webhooks, publicUrl });
  await app.register(deliveryRoutes, { prefix: '/webhook-deliveries', webhooks });
  await app.register(eventFeedRoutes, { prefix: '/events', webhooks });
};
