/**
 * @module The webhooks module interface: an app manages its endpoints and reads its delivery log and
 * event feed; the developer API reads notifications; `start()` subscribes fan-out to the event bus
 * and starts the dispatcher, `stop()` ends both (the app factory calls them).
 */
import type { CloudEvent, Config, Database, EventBus, Subscription } from '../platform/index.ts';
import { createWebhooksContext, type WebhookLog, type WebhookTuning } from './context.ts';
import { listAttempts, retryMessage, sendTestMessage } from './deliveries.ts';
import { Dispatcher } from './dispatcher.ts';
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listEndpoints,
  rotateSecret,
  updateEndpoint,
} from './endpoints.ts';
import { fanOut, preparePage, type Recipients, routedMemo } from './fan-out.ts';
import { type FeedPage, type FeedQuery, readFeed } from './feed.ts';
import { listNotifications } from './notifications.ts';
import type {
  Attempt,
  Endpoint,
  EndpointPatch,
  EndpointWithSecret,
  Message,
  NewEndpoint,
  Notification,
} from './types.ts';

export interface WebhookService {
  /** INVALID_WEBHOOK_URL; WEBHOOK_ENDPOINT_LIMIT. The secret is shown this once. */
  createEndpoint(clientId: string, input: NewEndpoint): Promise<EndpointWithSecret>;
  listEndpoints(clientId: string): Promise<Endpoint[]>;
  /** WEBHOOK_ENDPOINT_NOT_FOUND for another app's endpoint, as for a missing one. */
  getEndpoint(clientId: string, id: string): Promise<Endpoint>;
  updateEndpoint(clientId: string, id: string, patch: EndpointPatch): Promise<Endpoint>;
  deleteEndpoint(clientId: string, id: string): Promise<void>;
  /** A new secret; the old one signs too for `overlapMs` (default 24 hours). */
  rotateSecret(clientId: string, id: string, overlapMs?: number): Promise<EndpointWithSecret>;
  /** The endpoint's attempts, newest first; `before` is the last delivery id of the previous page. */
  listAttempts(
    clientId: string,
    endpointId: string,
    page: { limit: number; before?: string | undefined },
  ): Promise<{ attempts: Attempt[]; hasMore: boolean }>;
  /** By delivery (`wdl_…`) or message (`msg_…`) id. WEBHOOK_DELIVERY_NOT_FOUND, WEBHOOK_ENDPOINT_DISABLED. */
  retry(clientId: string, id: string): Promise<Message>;
  /** Sends a `webhook.test` event to the endpoint. */
  sendTest(clientId: string, endpointId: string): Promise<Message>;
  feed(clientId: string, query: FeedQuery): Promise<FeedPage>;
  /**
   * The outbox relay's step before it publishes a page: notes routed events in the apps' feeds, and
   * looks up the page's endpoints for fan-out in this process.
   */
  beforePublish(events: readonly CloudEvent[]): Promise<void>;
  /**
   * Settles once fan-out is subscribed to the bus (at once when `start` left fan-out out): the
   * relay publishes only after, so that no event goes to a bus where nothing listens yet.
   */
  subscribed(): Promise<void>;
  notifications(
    clientIds: readonly string[],
    page: { limit: number; before?: string | undefined },
  ): Promise<Notification[]>;
  /**
   * Subscribes fan-out to the bus (retrying in the background while the broker is unreachable) and
   * starts the dispatcher; either can be left out.
   */
  start(options?: { readonly fanOut?: boolean; readonly dispatch?: boolean }): Promise<void>;
  /** Unsubscribes and stops the dispatcher (attempts in flight are handed back). */
  stop(): Promise<void>;
}

export interface WebhookDeps {
  readonly database: Database;
  readonly config: Pick<Config, 'sandbox' | 'masterKey' | 'webhookConcurrency' | 'publicUrl'>;
  readonly bus: EventBus;
  readonly recipients: Recipients;
  readonly log: WebhookLog;
  /** Tests shorten the retry schedule and timeouts. */
  readonly tuning?: WebhookTuning;
}

export function createWebhookService(deps: WebhookDeps): WebhookService {
  const ctx = createWebhooksContext(deps.database, deps.config, deps.log, deps.tuning);
  const dispatcher = new Dispatcher(
    ctx,
    (clientId) => deps.recipients.appIsActive?.(clientId) ?? Promise.resolve(true),
  );
  const routed = routedMemo();
  let subscription: Subscription | undefined;
  let markSubscribed: () => void = () => {};
  const subscribedOnce = new Promise<void>((resolve) => {
    markSubscribed = resolve;
  });
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  /** Subscribes fan-out; while the broker cannot be reached, tries again with back-off. */
  const subscribe = async (backoff = 500): Promise<void> => {
    if (stopped || subscription) return;
    try {
      subscription = await deps.bus.subscribe('webhooks', '#', async (event) => {
        if ((await fanOut(ctx, deps.recipients, event, routed)) > 0) dispatcher.wake();
      });
      markSubscribed();
    } catch (err) {
      deps.log.error({ err }, `webhooks: subscribing to the event bus failed; retrying in ${backoff} ms`);
      retry = setTimeout(() => void subscribe(Math.min(backoff * 2, 30_000)), backoff);
      retry.unref();
    }
  };
  const waking = async <T>(work: Promise<T>): Promise<T> => {
    const result = await work;
    dispatcher.wake();
    return result;
  };
  return Object.freeze({
    createEndpoint: (clientId, input) => createEndpoint(ctx, clientId, input),
    listEndpoints: (clientId) => listEndpoints(ctx, clientId),
    getEndpoint: (clientId, id) => getEndpoint(ctx, clientId, id),
    updateEndpoint: (clientId, id, patch) => updateEndpoint(ctx, clientId, id, patch),
    deleteEndpoint: (clientId, id) => deleteEndpoint(ctx, clientId, id),
    rotateSecret: (clientId, id, overlapMs) => rotateSecret(ctx, clientId, id, overlapMs),
    listAttempts: (clientId, endpointId, page) => listAttempts(ctx, clientId, endpointId, page),
    retry: (clientId, id) => waking(retryMessage(ctx, clientId, id)),
    sendTest: (clientId, endpointId) => waking(sendTestMessage(ctx, clientId, endpointId)),
    feed: (clientId, query) => readFeed(ctx, clientId, query),
    beforePublish: (events) => preparePage(ctx, deps.recipients, events, routed),
    subscribed: () => subscribedOnce,
    notifications: (clientIds, page) => listNotifications(ctx, clientIds, page),
    async start({ fanOut: withFanOut = true, dispatch = true } = {}) {
      stopped = false;
      if (withFanOut) await subscribe();
      else markSubscribed();
      if (dispatch) dispatcher.start();
    },
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await subscription?.cancel();
      subscription = undefined;
      await dispatcher.stop();
    },
  } satisfies WebhookService);
}
