/**
 * @module The shared Redis connection (when `REDIS_URL` is set). Commands fail fast while Redis is
 * unreachable instead of queueing; ioredis reconnects with back-off by itself.
 */
import { Redis } from 'ioredis';

export function openRedis(url: string): Redis {
  const redis = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    // Commands issued in the same tick (concurrent requests) go out in one write.
    enableAutoPipelining: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
  });
  // Connection errors are reported through /readyz; ioredis keeps reconnecting.
  redis.on('error', () => {});
  return redis;
}
