/**
 * @module The developer API under `/developer`: account routes (public, except logout) and the app
 * routes under `/developer/apps`, behind the developer bearer token.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { DeveloperService } from '../service.ts';
import { accountRoutes } from './account.ts';
import { appRoutes } from './apps.ts';
import { type NotificationReader, notificationRoutes } from './notifications.ts';
import { type UsageReader, usageRoutes } from './usage.ts';

export type { DeveloperNotification, NotificationReader } from './notifications.ts';
export type { UsageReader, UsageRow } from './usage.ts';

export interface DeveloperRoutesOptions {
  readonly developers: DeveloperService;
  /** The gateway's usage metering, for `GET /developer/apps/{client_id}/usage`. */
  readonly usage: UsageReader;
  /** Notifications about the developer's apps, for `GET /developer/notifications` (webhooks). */
  readonly notifications: NotificationReader;
}

export const developerRoutes: FastifyPluginAsyncTypebox<DeveloperRoutesOptions> = async (app, opts) => {
  await app.register(accountRoutes, { developers: opts.developers });
  await app.register(appRoutes, { prefix: '/apps', developers: opts.developers });
  await app.register(usageRoutes, { prefix: '/apps', developers: opts.developers, usage: opts.usage });
  await app.register(notificationRoutes, { developers: opts.developers, notifications: opts.notifications });
};
