/**
 * @module The shared store in Redis: versioned entries and GCRA buckets as Lua scripts, so each is
 * one atomic round trip, with Redis's clock for the buckets (processes may disagree on the time).
 * The read-and-take calls of one event-loop turn share one script run.
 */
import type { Redis } from 'ioredis';
import { TurnBatches } from '../turn-batches.ts';
import {
  type Bucket,
  checkVersion,
  type EntryWrite,
  type SharedStore,
  type TakeResult,
  type Versioned,
} from './types.ts';

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

// KEYS: the entries; ARGV: for each, its version, encoded value and ttl (ms). Returns, by entry,
// 1 if stored, 0 if the entry held a newer version. One entry at a time, in order.
const WRITE = `
local out = {}
for i = 1, #KEYS do
  local a = 3 * (i - 1)
  local current = redis.call('GET', KEYS[i])
  local v = current and tonumber(string.match(current, '^(%d+)|'))
  if v and v > tonumber(ARGV[a + 1]) then
    out[i] = 0
  else
    redis.call('SET', KEYS[i], ARGV[a + 2], 'PX', ARGV[a + 3])
    out[i] = 1
  end
end
return out`;

// One script call answers a whole batch of read-and-take calls, as if they had run one after the
// other: a bucket's state carries from one call to the next inside the script.
// KEYS: the m distinct entries to read, then the distinct buckets. ARGV[1] = m, ARGV[2] = number of
// calls, ARGV[3] = the calls' buckets as one comma-separated list: for each call its number of
// buckets, and for each bucket its index among the bucket keys (1-based), limit and window in ms.
// Returns { numbers, entry_1, …, entry_m }: numbers is one comma-separated list of, for each call,
// allowed, remaining_1, reset_1, retry_1, … (whole ms and units); a missing entry is nil. (Packing
// the numbers into one argument and one reply string costs the client a third of what a hundred
// separate array items do to encode and decode.)
const READ_TAKE = `
local m = tonumber(ARGV[1])
local calls = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local spec = {}
for v in string.gmatch(ARGV[3], '[^,]+') do spec[#spec + 1] = tonumber(v) end
local tats = {}
local touched = {}
local out = {}
local a = 1
for c = 1, calls do
  local nb = spec[a]
  a = a + 1
  local plans = {}
  local allowed = 1
  for i = 1, nb do
    local idx = spec[a]
    local limit = spec[a + 1]
    local window = spec[a + 2]
    a = a + 3
    local tat = tats[idx]
    if tat == nil then tat = tonumber(redis.call('GET', KEYS[m + idx]) or '0') end
    if tat < now then tat = now end
    tats[idx] = tat
    local interval = window / limit
    local newTat = tat + interval
    local allowAt = newTat - window
    local admits = now >= allowAt
    if not admits then allowed = 0 end
    plans[i] = { idx = idx, tat = tat, newTat = newTat, allowAt = allowAt, admits = admits, interval = interval, window = window }
  end
  out[#out + 1] = allowed
  for i = 1, nb do
    local p = plans[i]
    local at = p.tat
    if allowed == 1 then
      at = p.newTat
      tats[p.idx] = at
      touched[p.idx] = true
    end
    local remaining = math.floor((p.window - (at - now)) / p.interval + 1e-9)
    if remaining < 0 then remaining = 0 end
    local retry = 0
    if not p.admits then retry = math.ceil(p.allowAt - now) end
    out[#out + 1] = remaining
    out[#out + 1] = math.max(0, math.ceil(at - now))
    out[#out + 1] = retry
  end
end
for idx in pairs(touched) do
  redis.call('SET', KEYS[m + idx], string.format('%.3f', tats[idx]), 'PX', math.max(1, math.ceil(tats[idx] - now)))
end
local reply = { table.concat(out, ',') }
if m > 0 then
  local values = redis.call('MGET', unpack(KEYS, 1, m))
  for i = 1, m do reply[i + 1] = values[i] end
end
return reply`;

/** Calls answered by one script run at most (its arguments stay far below Lua's stack limit). */
const MAX_BATCH = 200;

interface PendingCall {
  readonly keys: readonly string[];
  readonly buckets: readonly Bucket[];
  resolve(answer: { entries: (Versioned | undefined)[]; taken: TakeResult }): void;
  reject(err: unknown): void;
}

type Scripted = Redis & {
  wekezaWrite(...args: (string | number)[]): Promise<number[]>;
  wekezaReadTake(...args: (string | number)[]): Promise<(number | string | null)[]>;
};

export class RedisStore implements SharedStore {
  readonly kind = 'redis';
  readonly #redis: Scripted;
  readonly #batches = new TurnBatches<PendingCall>(MAX_BATCH, (calls) => this.#run(calls));

  constructor(redis: Redis) {
    if (!('wekezaWrite' in redis)) {
      redis.defineCommand('wekezaWrite', { lua: WRITE });
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
    const [stored] = await this.writeMany([{ key, version, value, ttlMs }]);
    return stored!;
  }

  async writeMany(entries: readonly EntryWrite[]): Promise<boolean[]> {
    if (entries.length === 0) return [];
    for (const e of entries) checkVersion(e.version);
    const args: (string | number)[] = [entries.length];
    for (const e of entries) args.push(PREFIX + e.key);
    for (const e of entries) args.push(e.version, encode(e.version, e.value), Math.ceil(e.ttlMs));
    const stored = await this.#redis.wekezaWrite(...args);
    return stored.map((s) => s === 1);
  }

  async take(buckets: readonly Bucket[]): Promise<TakeResult> {
    return (await this.readAndTake([], buckets)).taken;
  }

  /**
   * Calls made in the same turn of the event loop (the gateway's look-ups of the requests read from
   * the sockets together) are sent as one script run after it, answered as if run one by one in
   * order: the same admissions as separate calls, at a fraction of Redis's and the client's work
   * per request. A call is sent after it is made, so it sees every write finished before it.
   */
  readAndTake(
    keys: readonly string[],
    buckets: readonly Bucket[],
  ): Promise<{ entries: (Versioned | undefined)[]; taken: TakeResult }> {
    return new Promise((resolve, reject) => {
      this.#batches.add({ keys, buckets, resolve, reject });
    });
  }

  async #run(batch: readonly PendingCall[]): Promise<void> {
    const entryIndex = new Map<string, number>();
    const bucketIndex = new Map<string, number>();
    for (const call of batch) {
      for (const k of call.keys) if (!entryIndex.has(k)) entryIndex.set(k, entryIndex.size);
      for (const b of call.buckets) if (!bucketIndex.has(b.key)) bucketIndex.set(b.key, bucketIndex.size + 1);
    }
    const m = entryIndex.size;
    const args: (string | number)[] = [m + bucketIndex.size];
    for (const k of entryIndex.keys()) args.push(PREFIX + k);
    for (const k of bucketIndex.keys()) args.push(`${PREFIX}rl:${k}`);
    const spec: number[] = [];
    for (const call of batch) {
      spec.push(call.buckets.length);
      for (const b of call.buckets) spec.push(bucketIndex.get(b.key) ?? 0, b.limit, b.windowMs);
    }
    args.push(m, batch.length, spec.join(','));
    const out = await this.#redis.wekezaReadTake(...args);
    const numbers = String(out[0]).split(',');
    let at = 0;
    const answers = batch.map((call) => {
      const allowed = numbers[at++] === '1';
      const states = call.buckets.map(() => {
        const state = {
          remaining: Number(numbers[at]),
          resetMs: Number(numbers[at + 1]),
          retryAfterMs: Number(numbers[at + 2]),
        };
        at += 3;
        return state;
      });
      return { allowed, buckets: states };
    });
    // Redis drops trailing nils from a script's array: missing entries read as undefined.
    const values = Array.from({ length: m }, (_, i) => {
      const raw = out[i + 1];
      return decode(typeof raw === 'string' ? raw : null);
    });
    batch.forEach((call, i) => {
      call.resolve({
        entries: call.keys.map((k) => values[entryIndex.get(k) ?? -1]),
        taken: answers[i]!,
      });
    });
  }
}
