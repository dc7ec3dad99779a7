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
    // The shared store already sends one turn's read-and-take calls as one script run (see
    // store/redis.ts): a pipeline around that single command would only add work.
    autoPipeliningIgnoredCommands: ['wekezaReadTake'],
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
  });
  // Connection errors are reported through /readyz; ioredis keeps reconnecting.
  redis.on('error', () => {});
  return redis;
}

/**
 * Why this Redis may lose entries the platform relies on, if it may: with a memory limit and an
 * eviction policy, Redis drops keys when full, and a dropped revoked-token entry reads as "not
 * revoked" in every process but the one that revoked it (until the token expires). Undefined when
 * it cannot evict (`maxmemory-policy noeviction`, or no memory limit) or when `CONFIG` is not allowed
 * (managed services often refuse it: their settings are the operator's to check).
 */
export async function evictionRisk(redis: Redis): Promise<string | undefined> {
  let settings: string[];
  try {
    settings = (await redis.call('CONFIG', 'GET', 'maxmemory*')) as string[];
  } catch {
    return undefined;
  }
  const value = (name: string) => settings[settings.indexOf(name) + 1];
  const limit = Number(value('maxmemory') ?? 0);
  const policy = value('maxmemory-policy') ?? 'noeviction';
  if (limit === 0 || policy === 'noeviction') return undefined;
  return (
    `Redis may evict keys (maxmemory ${limit} bytes, maxmemory-policy ${policy}): a revoked access ` +
    'token whose entry is evicted is accepted again by other processes until it expires; set ' +
    'maxmemory-policy noeviction'
  );
}
