/**
 * The event feed on both databases: a routed `transaction.posted` is in the app's feed before the
 * relay lets anyone read it, so an app following its cursor cannot pass it — even when fan-out (the
 * bus consumer) is away or late, and the app's own later event is read first.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import {
  appendEvents,
  type EventTables,
  eventsMigrations,
  InProcessBus,
  OutboxRelay,
} from '../platform/index.ts';
import { eachBackend } from '../test-support/backends.ts';
import { createWebhooksContext } from './context.ts';
import { noteRouted } from './fan-out.ts';
import { readFeed } from './feed.ts';
import { webhooksMigrations } from './index.ts';

const silent = { info() {}, warn() {}, error() {} };

eachBackend('the event feed', [eventsMigrations, webhooksMigrations], (ctx) => {
  test('a routed transaction is in the feed before it can be read, with no fan-out running', async () => {
    const wctx = createWebhooksContext(
      ctx.database,
      {
        sandbox: true,
        masterKey: Buffer.alloc(32, 7),
        webhookConcurrency: 1,
        publicUrl: 'https://bank.example',
      },
      silent,
    );
    const app = `app_${randomUUID().slice(0, 8)}`;
    const account = `acc_${randomUUID().slice(0, 8)}`;
    const recipients = {
      appsCoveringAccount: async (id: string) => (id === account ? [app] : []),
    };
    const events = ctx.database.schema<EventTables>('events');
    // A transaction on an account the app's consent covers, then an event of the app's own.
    await events.transaction().execute((trx) =>
      appendEvents(trx, [
        {
          type: 'transaction.posted',
          subject: `accounts/${account}/transactions/t1`,
          aggregate: account,
          clientId: null,
          data: { account_id: account },
        },
      ]),
    );
    await events
      .transaction()
      .execute((trx) =>
        appendEvents(trx, [
          { type: 'payment.completed', subject: 'payments/p1', aggregate: 'p1', clientId: app, data: {} },
        ]),
      );
    // Nothing is subscribed to the bus: fan-out is away.
    const relay = new OutboxRelay(ctx.database, new InProcessBus(), {
      source: 'https://bank.example',
      onError: () => {},
      beforePublish: (published) => noteRouted(wctx, recipients, published),
    });
    relay.start();
    try {
      for (let i = 0; i < 500; i++) {
        const left = await events
          .selectFrom('outbox')
          .select('id')
          .where('published_at', 'is', null)
          .execute();
        if (left.length === 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await relay.stop();
    }
    const first = await readFeed(wctx, app, { limit: 1 });
    const second = await readFeed(wctx, app, { after: first.nextCursor, limit: 1 });
    assert.deepEqual(
      [...first.events, ...second.events].map((e) => e.type),
      ['transaction.posted', 'payment.completed'],
      'followed by its cursor, the feed gives both, in publish order',
    );
    const other = await readFeed(wctx, `app_${randomUUID().slice(0, 8)}`, { limit: 10 });
    assert.deepEqual(other.events, [], 'an app whose consents do not cover the account sees nothing');
  });
});
