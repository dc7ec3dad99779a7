/**
 * @module The event bus: the relay publishes outbox events to it; internal consumers (webhook
 * fan-out, analytics, the AI copilot, notifications) subscribe by topic pattern (AMQP semantics:
 * routing key = event type). In-process by default; RabbitMQ when `AMQP_URL` is set (see
 * rabbitmq.ts). Delivery is at least once: handlers must be idempotent (de-duplicate by event id).
 */
import { type CloudEvent, topicMatches } from './envelope.ts';

export type EventHandler = (event: CloudEvent) => Promise<void>;

export interface Subscription {
  cancel(): Promise<void>;
}

export interface EventBus {
  readonly kind: 'in-process' | 'rabbitmq';
  /** Resolves once every event is durably accepted (RabbitMQ confirms) or handled (in-process). */
  publish(events: readonly CloudEvent[]): Promise<void>;
  /**
   * A named, durable subscription: with RabbitMQ, one queue per name shared by every process
   * (competing consumers) with a dead-letter queue for events its handler refuses.
   */
  subscribe(name: string, pattern: string, handler: EventHandler): Promise<Subscription>;
  close(): Promise<void>;
}

/**
 * In one process: publishing runs the matching handlers; a handler that throws fails the publish,
 * so the relay keeps the event and publishes it again (other handlers may see it twice).
 */
export class InProcessBus implements EventBus {
  readonly kind = 'in-process';
  readonly #subs = new Map<string, { pattern: string; handler: EventHandler }>();

  async publish(events: readonly CloudEvent[]): Promise<void> {
    for (const event of events) {
      for (const { pattern, handler } of this.#subs.values()) {
        if (topicMatches(pattern, event.type)) await handler(event);
      }
    }
  }

  async subscribe(name: string, pattern: string, handler: EventHandler): Promise<Subscription> {
    if (this.#subs.has(name)) throw new Error(`subscription ${name} exists`);
    this.#subs.set(name, { pattern, handler });
    return { cancel: async () => void this.#subs.delete(name) };
  }

  async close(): Promise<void> {
    this.#subs.clear();
  }
}
