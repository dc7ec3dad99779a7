/**
 * @module The platform's shared services for one process: the database, Redis and RabbitMQ
 * connections when configured, the shared store, and the metrics registry — opened once, closed once.
 */
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { Config } from './config/index.ts';
import { AmqpConnection } from './connections/amqp.ts';
import { openRedis } from './connections/redis.ts';
import { type Database, openDatabase } from './db/index.ts';
import { type EventBus, InProcessBus } from './events/index.ts';
import { RabbitBus } from './events/rabbitmq.ts';
import { newRegistry } from './observability/metrics.ts';
import { openStore, type SharedStore } from './store/index.ts';

export interface PlatformServices {
  readonly config: Config;
  readonly database: Database;
  readonly redis: Redis | undefined;
  readonly amqp: AmqpConnection | undefined;
  /** Caches, revocation lists and rate limits: Redis when configured, memory otherwise. */
  readonly store: SharedStore;
  /** Business events from the outbox: RabbitMQ when configured, in-process otherwise. */
  readonly bus: EventBus;
  readonly registry: Registry;
  close(): Promise<void>;
}

export function openServices(config: Config): PlatformServices {
  const database = openDatabase(config.database);
  const redis = config.redisUrl ? openRedis(config.redisUrl) : undefined;
  const amqp = config.amqpUrl ? new AmqpConnection(config.amqpUrl) : undefined;
  const bus: EventBus = amqp ? new RabbitBus(amqp) : new InProcessBus();
  return {
    config,
    database,
    redis,
    amqp,
    store: openStore(redis),
    bus,
    registry: newRegistry(),
    async close() {
      await bus.close().catch(() => {});
      redis?.disconnect();
      await Promise.allSettled([database.close(), amqp?.close()]);
    },
  };
}
