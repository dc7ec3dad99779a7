/**
 * @module The event bus on RabbitMQ: a durable topic exchange `wekeza.events` (routing key = event
 * type), persistent messages published on a confirm channel (publish resolves once the broker has
 * them), and durable subscriptions: queue `wekeza.<name>` bound by topic pattern, manual acks, a
 * handler tried again three times over about six seconds while it fails, and a dead-letter queue
 * `wekeza.<name>.dlq` for events it still refuses. After a lost connection the
 * publisher reconnects on the next publish (the relay retries with back-off) and subscriptions
 * resubscribe with back-off.
 */
import type { Channel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { AmqpConnection } from '../connections/amqp.ts';
import type { EventBus, EventHandler, Subscription } from './bus.ts';
import type { CloudEvent } from './envelope.ts';

export const EXCHANGE = 'wekeza.events';
export const DEAD_LETTER_EXCHANGE = 'wekeza.events.dead';

/** Waits between a handler's attempts at one event: a brief database or network fault passes. */
const HANDLER_RETRY_MS = [100, 1000, 5000];

/**
 * Runs the handler, and again after each of the waits while it throws (handlers are idempotent), so
 * that a passing fault does not send the event to the dead-letter queue; rejects after the last.
 */
async function handledWithRetries(
  handler: EventHandler,
  event: CloudEvent,
  onError: (err: unknown) => void,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await handler(event);
    } catch (err) {
      onError(err);
      const wait = HANDLER_RETRY_MS[attempt];
      if (wait === undefined) throw err;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

export class RabbitBus implements EventBus {
  readonly kind = 'rabbitmq';
  readonly #amqp: AmqpConnection;
  readonly #onError: (err: unknown) => void;
  #publisher: Promise<ConfirmChannel> | undefined;
  readonly #subscriptions = new Set<{ stop(): Promise<void> }>();
  #closed = false;

  constructor(amqp: AmqpConnection, onError: (err: unknown) => void = () => {}) {
    this.#amqp = amqp;
    this.#onError = onError;
  }

  #channel(): Promise<ConfirmChannel> {
    if (!this.#publisher) {
      const pending = (async () => {
        const channel = await (await this.#amqp.get()).createConfirmChannel();
        channel.on('error', () => {});
        channel.on('close', () => {
          if (this.#publisher === pending) this.#publisher = undefined;
        });
        await channel.assertExchange(EXCHANGE, 'topic', { durable: true });
        return channel;
      })();
      pending.catch(() => {
        if (this.#publisher === pending) this.#publisher = undefined;
      });
      this.#publisher = pending;
    }
    return this.#publisher;
  }

  async publish(events: readonly CloudEvent[]): Promise<void> {
    if (events.length === 0) return;
    const channel = await this.#channel();
    for (const event of events) {
      channel.publish(EXCHANGE, event.type, Buffer.from(JSON.stringify(event)), {
        persistent: true,
        messageId: event.id,
        type: event.type,
        contentType: 'application/cloudevents+json',
        timestamp: Math.floor(Date.parse(event.time) / 1000),
      });
    }
    await channel.waitForConfirms();
  }

  async subscribe(name: string, pattern: string, handler: EventHandler): Promise<Subscription> {
    const queue = `wekeza.${name}`;
    let channel: Channel | undefined;
    let stopped = false;
    let retry: NodeJS.Timeout | undefined;
    let backoff = 500;

    const connect = async (): Promise<void> => {
      const ch = await (await this.#amqp.get()).createChannel();
      channel = ch;
      ch.on('error', () => {});
      ch.on('close', () => {
        if (channel === ch) channel = undefined;
        if (!stopped && !this.#closed) schedule();
      });
      await ch.assertExchange(EXCHANGE, 'topic', { durable: true });
      await ch.assertExchange(DEAD_LETTER_EXCHANGE, 'topic', { durable: true });
      await ch.assertQueue(`${queue}.dlq`, { durable: true });
      await ch.bindQueue(`${queue}.dlq`, DEAD_LETTER_EXCHANGE, `${queue}.#`);
      await ch.assertQueue(queue, {
        durable: true,
        deadLetterExchange: DEAD_LETTER_EXCHANGE,
        deadLetterRoutingKey: `${queue}.dead`,
      });
      await ch.bindQueue(queue, EXCHANGE, pattern);
      await ch.prefetch(50);
      await ch.consume(queue, (msg: ConsumeMessage | null) => {
        if (!msg) return; // cancelled by the broker: the close handler resubscribes
        let event: CloudEvent;
        try {
          event = JSON.parse(msg.content.toString('utf8')) as CloudEvent;
        } catch (err) {
          this.#onError(err);
          ch.nack(msg, false, false);
          return;
        }
        // On a channel that closed meanwhile the broker redelivers the message: nothing to settle.
        const settle = (settleOn: () => void) => {
          try {
            settleOn();
          } catch {}
        };
        handledWithRetries(handler, event, (err) => this.#onError(err)).then(
          () => settle(() => ch.ack(msg)),
          () => {
            // Refused every time: to the dead-letter queue, for an operator to inspect and replay.
            settle(() => ch.nack(msg, false, false));
          },
        );
      });
      backoff = 500;
    };

    const schedule = () => {
      if (retry || stopped) return;
      retry = setTimeout(() => {
        retry = undefined;
        connect().catch((err) => {
          this.#onError(err);
          backoff = Math.min(backoff * 2, 30_000);
          schedule();
        });
      }, backoff);
      retry.unref();
    };

    await connect();
    const subscription = {
      stop: async () => {
        stopped = true;
        if (retry) clearTimeout(retry);
        await channel?.close().catch(() => {});
      },
    };
    this.#subscriptions.add(subscription);
    return {
      cancel: async () => {
        this.#subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#subscriptions].map((s) => s.stop()));
    this.#subscriptions.clear();
    const publisher = this.#publisher;
    this.#publisher = undefined;
    await (await publisher?.catch(() => undefined))?.close().catch(() => {});
  }
}
