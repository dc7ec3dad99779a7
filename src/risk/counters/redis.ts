/**
 * @module The risk counters in Redis, shared by every process: one Lua script records an attempt in
 * its windows (a hash of twelve buckets each), checks and updates the payee's new-payer set and the
 * customer's hour-of-day profile, and returns every count — one atomic round trip per payment.
 */
import type { Redis } from 'ioredis';
import { bucketMs, type Observation, type Observed, PROFILE_TTL_MS, type RiskCounters } from './types.ts';

const PREFIX = 'wekeza:risk:';

// KEYS: the W window hashes, then the known-payees set, the payee's new-payers sorted set and the
// customer's hour profile. ARGV: W, now (ms), customer, beneficiary, mule window (ms), hour of day,
// profile ttl (ms); then per window: bucket ms, buckets, add (1/0), amount.
// Returns count_1, sum_1, …, count_W, sum_W, known (0/1), new payers, then 24 hour counts.
const OBSERVE = `
local w = tonumber(ARGV[1])
local now = tonumber(ARGV[2])
local out = {}
for i = 1, w do
  local base = 8 + 4 * (i - 1)
  local size = tonumber(ARGV[base])
  local n = tonumber(ARGV[base + 1])
  local key = KEYS[i]
  local cur = math.floor(now / size)
  if ARGV[base + 2] == '1' then
    redis.call('HINCRBY', key, cur .. 'c', 1)
    -- A sum past 64 bits (thousands of the largest amounts) stays at the largest, not an error.
    local added = redis.pcall('HINCRBY', key, cur .. 's', ARGV[base + 3])
    if type(added) == 'table' and added.err then
      redis.call('HSET', key, cur .. 's', '9223372036854775807')
    end
    local stale = {}
    for b = cur - 2 * n, cur - n do
      stale[#stale + 1] = b .. 'c'
      stale[#stale + 1] = b .. 's'
    end
    redis.call('HDEL', key, unpack(stale))
    redis.call('PEXPIRE', key, size * (n + 1))
  end
  local fields = {}
  for b = cur - n + 1, cur do
    fields[#fields + 1] = b .. 'c'
    fields[#fields + 1] = b .. 's'
  end
  local values = redis.call('HMGET', key, unpack(fields))
  local c, s = 0, 0
  for j = 1, #values, 2 do
    c = c + (tonumber(values[j]) or 0)
    s = s + (tonumber(values[j + 1]) or 0)
  end
  out[#out + 1] = c
  out[#out + 1] = string.format('%.0f', s)
end
local known = redis.call('SISMEMBER', KEYS[w + 1], ARGV[4])
local payers = KEYS[w + 2]
if known == 0 then redis.call('ZADD', payers, 'NX', now, ARGV[3]) end
redis.call('ZREMRANGEBYSCORE', payers, '-inf', now - tonumber(ARGV[5]))
out[#out + 1] = known
out[#out + 1] = redis.call('ZCARD', payers)
redis.call('PEXPIRE', payers, ARGV[5])
local hours = {}
for h = 0, 23 do hours[#hours + 1] = tostring(h) end
local profile = redis.call('HMGET', KEYS[w + 3], unpack(hours))
for h = 1, 24 do out[#out + 1] = tonumber(profile[h]) or 0 end
redis.call('HINCRBY', KEYS[w + 3], ARGV[6], 1)
redis.call('PEXPIRE', KEYS[w + 3], ARGV[7])
return out`;

type Scripted = Redis & {
  wekezaRiskObserve(...args: (string | number)[]): Promise<(number | string)[]>;
};

export class RedisCounters implements RiskCounters {
  readonly kind = 'redis';
  readonly #redis: Scripted;

  constructor(redis: Redis) {
    if (!('wekezaRiskObserve' in redis)) redis.defineCommand('wekezaRiskObserve', { lua: OBSERVE });
    this.#redis = redis as Scripted;
  }

  async observe(o: Observation): Promise<Observed> {
    const keys = [
      ...o.windows.map((w) => `${PREFIX}w:${w.key}:${w.seconds}`),
      `${PREFIX}known:${o.customerId}`,
      `${PREFIX}payers:${o.beneficiary}`,
      `${PREFIX}hours:${o.customerId}`,
    ];
    const args: (string | number)[] = [
      keys.length,
      ...keys,
      o.windows.length,
      o.at,
      o.customerId,
      o.beneficiary,
      o.muleSeconds * 1000,
      new Date(o.at).getUTCHours(),
      PROFILE_TTL_MS,
    ];
    for (const w of o.windows) {
      const size = bucketMs(w.seconds);
      args.push(size, Math.ceil((w.seconds * 1000) / size), w.add ? 1 : 0, o.amount.toString());
    }
    const out = await this.#redis.wekezaRiskObserve(...args);
    const windows = o.windows.map((_, i) => ({
      count: Number(out[2 * i]),
      sum: BigInt(String(out[2 * i + 1])),
    }));
    const at = 2 * o.windows.length;
    return {
      windows,
      known: Number(out[at]) === 1,
      newPayers: Number(out[at + 1]),
      hours: out.slice(at + 2, at + 26).map(Number),
    };
  }

  async remember(customerId: string, beneficiary: string): Promise<void> {
    const key = `${PREFIX}known:${customerId}`;
    await this.#redis.multi().sadd(key, beneficiary).pexpire(key, PROFILE_TTL_MS).exec();
  }
}
