import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { evictionRisk, openRedis } from './redis.ts';

const redis = openRedis('redis://127.0.0.1:6379');
after(() => redis.disconnect());

test('a Redis that may evict keys is named as a risk to revocation; noeviction or no limit is not', async () => {
  if (redis.status !== 'ready') await new Promise((r) => redis.once('ready', r));
  const saved = (await redis.call('CONFIG', 'GET', 'maxmemory')) as string[];
  const savedPolicy = (await redis.call('CONFIG', 'GET', 'maxmemory-policy')) as string[];
  try {
    await redis.call('CONFIG', 'SET', 'maxmemory', '1gb', 'maxmemory-policy', 'allkeys-lru');
    assert.match((await evictionRisk(redis)) ?? '', /maxmemory-policy allkeys-lru.*noeviction/);
    await redis.call('CONFIG', 'SET', 'maxmemory-policy', 'volatile-ttl');
    assert.match((await evictionRisk(redis)) ?? '', /volatile-ttl/, 'revocation entries have a TTL');
    await redis.call('CONFIG', 'SET', 'maxmemory-policy', 'noeviction');
    assert.equal(await evictionRisk(redis), undefined);
    await redis.call('CONFIG', 'SET', 'maxmemory', '0', 'maxmemory-policy', 'allkeys-lru');
    assert.equal(await evictionRisk(redis), undefined, 'no memory limit, nothing is evicted');
  } finally {
    await redis.call('CONFIG', 'SET', 'maxmemory', saved[1]!, 'maxmemory-policy', savedPolicy[1]!);
  }
});
