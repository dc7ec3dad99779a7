/**
 * @module The risk counters in Redis, shared by every process: one Lua script records an attempt in
 * its windows (a hash of twelve buckets each, with their running totals), checks and updates the
 * payee's new-payer set and the customer's hour-of-day profile, and returns every count — one atomic
 * round trip per payment.
 */
import type { Redis } from 'ioredis';
import { bucketMs, type Observation, type Observed, PROFILE_TTL_MS, type RiskCounters } from './types.ts';

const PREFIX = 'wekeza:risk:';

// KEYS: the W window hashes, then the known-payees set, the payee's new-payers sorted set and the
// customer's hour profile. ARGV: W, now (ms), customer, beneficiary, mule window (ms), hour of day,
// profile ttl (ms); then per window: bucket ms, buckets, add (1/0), amount.
// Returns count_1, sum_1, …, count_W, sum_W, known (0/1), new payers, then 24 hour counts.
//
// A window's hash holds its buckets (`<b>c`, `<b>s`) and their running totals: `L` the newest bucket
// seen, `C` and `S` the count and sum of the buckets in (L - n, L], kept by adding each attempt and
// subtracting each bucket as it leaves the window. A call reads three fields, not every bucket. A
// sum past 64 bits stays at the largest while the bucket that overflowed (`V`) is in the window,
// then the sum is totalled again from the buckets. A hash without totals (first use, or written by
// an earlier version) is totalled from its buckets once. An attempt timed before `L` (processes'
// clocks differ a little) is added to its own bucket and the totals, unless that bucket has already
// left the window.
const OBSERVE = `
local MAX = '9223372036854775807'
local w = tonumber(ARGV[1])
local now = tonumber(ARGV[2])
local out = {}
-- Adds to a field and returns its new value; past 64 bits the field holds the largest value and
-- nil is returned.
local function add(key, field, by)
  local r = redis.pcall('HINCRBY', key, field, by)
  if type(r) == 'table' and r.err then
    redis.call('HSET', key, field, MAX)
    return nil
  end
  return r
end
-- Totals the buckets of the window ending at the newest of cur and the buckets there (a process
-- whose clock is ahead may have written one) into C and S, drops older ones, and sets L. Returns the
-- count, the sum, whether the sum overflowed and L.
local function retotal(key, cur, n)
  local top = cur
  local fields = redis.call('HKEYS', key)
  for _, f in ipairs(fields) do
    local b = tonumber(string.sub(f, 1, -2))
    if b ~= nil and b > top then top = b end
  end
  local c, fine = 0, true
  redis.call('HSET', key, 'C', 0, 'S', 0, 'L', top)
  redis.call('HDEL', key, 'V')
  for _, f in ipairs(fields) do
    local b = tonumber(string.sub(f, 1, -2))
    if b ~= nil then
      if b <= top - n then
        redis.call('HDEL', key, f)
      elseif string.sub(f, -1) == 'c' then
        c = c + tonumber(redis.call('HGET', key, f))
      elseif add(key, 'S', redis.call('HGET', key, f)) == nil then
        fine = false
      end
    end
  end
  redis.call('HSET', key, 'C', c)
  if not fine then redis.call('HSET', key, 'V', top) end
  return c, redis.call('HGET', key, 'S'), fine, top
end
for i = 1, w do
  local base = 8 + 4 * (i - 1)
  local size = tonumber(ARGV[base])
  local n = tonumber(ARGV[base + 1])
  local adding = ARGV[base + 2] == '1'
  local key = KEYS[i]
  local cur = math.floor(now / size)
  local head = redis.call('HMGET', key, 'L', 'V', 'C', 'S')
  local last, over = tonumber(head[1]), tonumber(head[2])
  local c, s = tonumber(head[3]) or 0, head[4] or '0'
  -- Whether the hash was (re)made or moved to a new bucket: its expiry is set again.
  local moved = false
  if last == nil then
    if adding or redis.call('EXISTS', key) == 1 then
      local fine
      c, s, fine, last = retotal(key, cur, n)
      over, moved = (not fine) and last or nil, true
    end
  elseif cur > last then
    if cur - last >= n then
      -- Every bucket seen has left the window.
      redis.call('DEL', key)
      if adding then redis.call('HSET', key, 'L', cur, 'C', 0, 'S', 0) end
      last, over, c, s = adding and cur or nil, nil, 0, '0'
    elseif over ~= nil and over <= cur - n then
      -- The bucket that overflowed the sum has left: total what is left.
      local fine
      c, s, fine, last = retotal(key, cur, n)
      over = (not fine) and last or nil
    else
      local fields = {}
      for b = last - n + 1, cur - n do
        fields[#fields + 1] = b .. 'c'
        fields[#fields + 1] = b .. 's'
      end
      local gone = redis.call('HMGET', key, unpack(fields))
      local left = 0
      for j = 1, #gone, 2 do
        if gone[j] then
          left = left + tonumber(gone[j])
          if over == nil and gone[j + 1] and gone[j + 1] ~= '0' then
            s = redis.call('HINCRBY', key, 'S', '-' .. gone[j + 1])
          end
        end
      end
      if left > 0 then c = redis.call('HINCRBY', key, 'C', -left) end
      redis.call('HDEL', key, unpack(fields))
      redis.call('HSET', key, 'L', cur)
      last = cur
    end
    moved = true
  end
  if adding and cur > last - n then
    redis.call('HINCRBY', key, cur .. 'c', 1)
    c = redis.call('HINCRBY', key, 'C', 1)
    local fine = add(key, cur .. 's', ARGV[base + 3]) ~= nil
    if over == nil then
      local total = add(key, 'S', ARGV[base + 3])
      if total == nil then fine = false else s = total end
    end
    if not fine then
      redis.call('HSET', key, 'V', cur, 'S', MAX)
      over = cur
    end
    if moved then redis.call('PEXPIRE', key, size * (n + 1)) end
  end
  out[#out + 1] = c
  out[#out + 1] = over ~= nil and MAX or (type(s) == 'number' and string.format('%.0f', s) or s)
end
local known = redis.call('SISMEMBER', KEYS[w + 1], ARGV[4])
local payers = KEYS[w + 2]
if known == 0 then redis.call('ZADD', payers, 'NX', now, ARGV[3]) end
redis.call('ZREMRANGEBYSCORE', payers, '-inf', now - tonumber(ARGV[5]))
out[#out + 1] = known
out[#out + 1] = redis.call('ZCARD', payers)
redis.call('PEXPIRE', payers, ARGV[5])
local profile = redis.call('HMGET', KEYS[w + 3], '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10',
  '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '21', '22', '23')
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
