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
// Returns count_1, sum_1, …, count_W, sum_W, known (0/1), new payers, then the hour profile before
// this attempt as one text: `hour,count,…` for the hours seen (the others count 0).
//
// A window's hash holds its buckets (`<b>c`, `<b>s`) and their running totals: `L` the newest bucket
// seen, `C` and `S` the count and sum of the buckets in (L - n, L], kept by adding each attempt and
// subtracting each bucket as it leaves the window. A call reads the totals and the attempt's bucket,
// not every bucket, and writes what it adds with one HSET: counts, and sums while Lua's doubles add
// them exactly (below 2^52), are added in the script; larger sums by HINCRBY, exact to 64 bits. A
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
-- Operands below 2^52 add exactly in Lua's doubles (the sum stays below 2^53).
local EXACT = 4503599627370496
-- The sum of two decimal integers as a decimal string when both are small enough to add exactly
-- here; else nil (the caller adds with HINCRBY, exact to 64 bits).
local function sum(a, b)
  local x, y = tonumber(a), tonumber(b)
  if x == nil or y == nil or math.abs(x) >= EXACT or math.abs(y) >= EXACT then return nil end
  return string.format('%.0f', x + y)
end
-- A field's value after HINCRBY answered r, exactly: the reply is a double in Lua, exact only
-- below 2^53, so a larger value is read back as text.
local function exact(key, field, r)
  if math.abs(r) < 2 * EXACT then return r end
  return redis.call('HGET', key, field)
end
-- Adds to a field and returns its new value, exactly. Past 64 bits the field holds the largest
-- value and nil is returned.
local function add(key, field, by)
  local r = redis.pcall('HINCRBY', key, field, by)
  if type(r) == 'table' and r.err then
    redis.call('HSET', key, field, MAX)
    return nil
  end
  return exact(key, field, r)
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
  -- The attempt's bucket: its count and sum fields (a number's text costs a format: made once).
  local cc, cs = cur .. 'c', cur .. 's'
  -- The running totals, and the current bucket's count and sum (an attempt adds to them).
  local head = redis.call('HMGET', key, 'L', 'V', 'C', 'S', cc, cs)
  local last, over = tonumber(head[1]), tonumber(head[2])
  local c, s = tonumber(head[3]) or 0, head[4] or '0'
  local bc, bs = tonumber(head[5]) or 0, head[6] or '0'
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
      bc, bs = 0, '0'
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
            s = exact(key, 'S', redis.call('HINCRBY', key, 'S', '-' .. gone[j + 1]))
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
    -- Counts are small: added here. Sums are added here while exact, else by HINCRBY. One HSET
    -- writes what was added here.
    local amount = ARGV[base + 3]
    c = c + 1
    local fields = { cc, bc + 1, 'C', c }
    local fine = true
    local bucket = sum(bs, amount)
    if bucket then
      fields[#fields + 1] = cs
      fields[#fields + 1] = bucket
    else
      fine = add(key, cs, amount) ~= nil
    end
    if over == nil then
      local total = sum(s, amount)
      if total then
        fields[#fields + 1] = 'S'
        fields[#fields + 1] = total
        s = total
      else
        total = add(key, 'S', amount)
        if total == nil then fine = false else s = total end
      end
    end
    redis.call('HSET', key, unpack(fields))
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
-- The hours seen, as one text (hour,count,hour,count…): cheaper to answer than 24 numbers.
out[#out + 1] = table.concat(redis.call('HGETALL', KEYS[w + 3]), ',')
redis.call('HINCRBY', KEYS[w + 3], ARGV[6], 1)
redis.call('PEXPIRE', KEYS[w + 3], ARGV[7])
return out`;

/** The script's hour profile (`hour,count,…`, hours seen only) as 24 counts, hour 0 first. */
function hoursOf(text: string): number[] {
  const hours = new Array<number>(24).fill(0);
  if (text === '') return hours;
  const parts = text.split(',');
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const hour = Number(parts[i]);
    if (Number.isInteger(hour) && hour >= 0 && hour < 24) hours[hour] = Number(parts[i + 1]);
  }
  return hours;
}

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
      hours: hoursOf(String(out[at + 2] ?? '')),
    };
  }

  async remember(customerId: string, beneficiary: string): Promise<void> {
    const key = `${PREFIX}known:${customerId}`;
    await this.#redis.multi().sadd(key, beneficiary).pexpire(key, PROFILE_TTL_MS).exec();
  }
}
