/** @module Public door of the webhooks module: its service, migrations, routes and types. */
import type { ModuleMigrations } from '../platform/index.ts';
import { webhooksMigration } from './migrations/0001_webhooks.ts';
import { SCHEMA } from './tables.ts';

export type { WebhookLog, WebhookTuning } from './context.ts';
export { TEST_EVENT_TYPE } from './deliveries.ts';
export type { Recipients } from './fan-out.ts';
export type { FeedPage, FeedQuery } from './feed.ts';
export { type WebhookRoutesOptions, webhookRoutes } from './routes/index.ts';
export { createWebhookService, type WebhookDeps, type WebhookService } from './service.ts';
export * from './types.ts';

export const webhooksMigrations: ModuleMigrations = Object.freeze({
  module: SCHEMA,
  steps: [webhooksMigration],
});
