/**
 * @module The shared store in Redis: versioned entries and GCRA buckets as Lua scripts, so each is
 * one atomic round trip, with Redis's clock for the buckets (processes may disagree on the time).
 */
import type { Redis } from 'ioredis';
import { type Bucket, checkVersion, type SharedStore, type TakeResult, type Versioned } from './types.ts';

const PREFIX = 'wekeza:';

/** Entries are `<version>|<value>`, or `<version>|` with nothing after for `null`… so values get a leading `=`. */
const encode = (version: number, value: string | null) => `${version}|${value === null ? '' : `=${value}`}`;

function decode(raw: string | null): Versioned | undefined {
  if (raw === null) return undefined;
  const bar = raw.indexOf('|');
  if (bar < 1) return undefined;
  const version = Number(raw.slice(0, bar));
  const rest = raw.slice(bar + 1);
  return { version, value: rest.startsWith('=') ? rest.slice(1) : null };
}

const WRITE = `
local current = redis.call('GET', KEYS[1])
if current then
  local v = tonumber(string.match(current, '^(%d+)|'))
  if v and v > tonumber(ARGV[1]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1`;

// KEYS: the n entries to read, then the buckets. ARGV[1] = n; for each bucket i: ARGV[2i] = limit,
// ARGV[2i+1] = window in ms. Returns { allowed, remaining_1, reset_1, retry_1, …, entry_1, … }
// (whole ms and units; a missing entry is nil).
const READ_TAKE = `
local n = tonumber(ARGV[1])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local plans = {}
local allowed = 1
for i = 1, #KEYS - n do
  local key = KEYS[n + i]
  local limit = tonumber(ARGV[2 * i])
  local window = tonumber(ARGV[2 * i + 1])
  local interval = window / limit
  local tat = tonumber(redis.call('GET', key) or '0')
  if tat < now then tat = now end
  local newTat = tat + interval
  local allowAt = newTat - window
  local admits = now >= allowAt
  if not admits then allowed = 0 end
  plans[i] = { key = key, tat = tat, newTat = newTat, allowAt = allowAt, admits = admits, interval = interval, window = window }
end
local out = { allowed }
for i = 1, #KEYS - n do
  local p = plans[i]
  local at = p.tat
  if allowed == 1 then
    at = p.newTat
    redis.call('SET', p.key, string.format('%.3f', p.newTat), 'PX', math.max(1, math.ceil(p.newTat - now)))
  end
  local remaining = math.floor((p.window - (at - now)) / p.interval + 1e-9)
  if remaining < 0 then remaining = 0 end
  local retry = 0
  if not p.admits then retry = math.ceil(p.allowAt - now) end
  out[#out + 1] = remaining
  out[#out + 1] = math.max(0, math.ceil(at - now))
  out[#out + 1] = retry
end
if n > 0 then
  local values = redis.call('MGET', unpack(KEYS, 1, n))
  for i = 1, n do out[#out + 1] = values[i] end
end
return out`;

type Scripted = Redis & {
  wekezaWrite(key: string, version: number, encoded: string, ttlMs: number): Promise<number>;
  wekezaReadTake(...args: (string | number)[]): Promise<(number | string | null)[]>;
};

export class RedisStore implements SharedStore {
  readonly kind = 'redis';
  readonly #redis: Scripted;

  constructor(redis: Redis) {
    if (!('wekezaWrite' in redis)) {
      redis.defineCommand('wekezaWrite', { numberOfKeys: 1, lua: WRITE });
      redis.defineCommand('wekezaReadTake', { lua: READ_TAKE });
    }
    this.#redis = redis as Scripted;
  }

  async read(keys: readonly string[]): Promise<(Versioned | undefined)[]> {
    if (keys.length === 0) return [];
    const raw = await this.#redis.mget(keys.map((k) => PREFIX + k));
    return raw.map(decode);
  }

  async write(key: string, version: number, value: string | null, ttlMs: number): Promise<boolean> {
    checkVersion(version);
    const stored = await this.#redis.wekezaWrite(
      PREFIX + key,
      version,
      encode(version, value),
      Math.ceil(ttlMs),
    );
    return stored === 1;
  }

  async take(buckets: readonly Bucket[]): Promise<TakeResult> {
    return (await this.readAndTake([], buckets)).taken;
  }

  async readAndTake(keys: readonly string[], buckets: readonly Bucket[]) {
    const args: (string | number)[] = [
      keys.length + buckets.length,
      ...keys.map((k) => PREFIX + k),
      ...buckets.map((b) => `${PREFIX}rl:${b.key}`),
      keys.length,
    ];
    for (const b of buckets) args.push(b.limit, b.windowMs);
    const out = await this.#redis.wekezaReadTake(...args);
    const after = 1 + buckets.length * 3;
    const taken: TakeResult = {
      allowed: out[0] === 1,
      buckets: buckets.map((_, i) => ({
        remaining: Number(out[1 + i * 3]),
        resetMs: Number(out[2 + i * 3]),
        retryAfterMs: Number(out[3 + i * 3]),
      })),
    };
    // Redis drops trailing nils from a script's array: missing entries read as undefined.
    const entries = keys.map((_, i) => {
      const raw = out[after + i];
      return decode(typeof raw === 'string' ? raw : null);
    });
    return { entries, taken };
  }
}
