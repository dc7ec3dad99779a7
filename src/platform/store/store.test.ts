import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { openRedis } from '../connections/redis.ts';
import { MemoryStore } from './memory.ts';
import { RedisStore } from './redis.ts';
import type { SharedStore } from './types.ts';

const redis = openRedis('redis://127.0.0.1:6379');
after(() => redis.disconnect());
/** Script runs this client sent (the batching test counts them). */
let scriptRuns = 0;
const send = redis.sendCommand.bind(redis);
redis.sendCommand = (command, stream) => {
  if (command.name === 'evalsha') scriptRuns++;
  return send(command, stream);
};

const stores: [string, () => Promise<SharedStore>][] = [
  ['memory', async () => new MemoryStore()],
  [
    'redis',
    async () => {
      if (redis.status !== 'ready') await new Promise((r) => redis.once('ready', r));
      return new RedisStore(redis);
    },
  ],
];

for (const [name, open] of stores) {
  describe(`shared store [${name}]`, () => {
    const k = () => `test:${randomUUID()}`;

    test('a versioned entry is never replaced by an older version', async () => {
      const store = await open();
      const key = k();
      assert.deepEqual(await store.read([key]), [undefined]);
      assert.equal(await store.write(key, 5, 'five', 10_000), true);
      // A reader that loaded version 4 before the change cannot put it back…
      assert.equal(await store.write(key, 4, 'four', 10_000), false);
      assert.deepEqual(await store.read([key]), [{ version: 5, value: 'five' }]);
      // …while an invalidation at a newer version wins, and marks it stale.
      assert.equal(await store.write(key, 6, null, 10_000), true);
      assert.deepEqual(await store.read([key]), [{ version: 6, value: null }]);
      assert.equal(await store.write(key, 6, 'six', 10_000), true);
      assert.deepEqual(await store.read([key, k()]), [{ version: 6, value: 'six' }, undefined]);
      // Values keep any characters, the separator included.
      assert.equal(await store.write(key, 7, '7|=x|', 10_000), true);
      assert.deepEqual(await store.read([key]), [{ version: 7, value: '7|=x|' }]);
    });

    test('entries expire', async () => {
      const store = await open();
      const key = k();
      await store.write(key, 1, 'x', 30);
      await new Promise((r) => setTimeout(r, 60));
      assert.deepEqual(await store.read([key]), [undefined]);
    });

    test('a bucket admits its limit at once, then refuses with the time to wait', async () => {
      const store = await open();
      const bucket = { key: k(), limit: 3, windowMs: 60_000 };
      const remaining: number[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await store.take([bucket]);
        assert.equal(r.allowed, true);
        remaining.push(r.buckets[0]!.remaining);
      }
      assert.deepEqual(remaining, [2, 1, 0]);
      const refused = await store.take([bucket]);
      assert.equal(refused.allowed, false);
      assert.equal(refused.buckets[0]!.remaining, 0);
      // One unit comes back every 20 s.
      assert.ok(refused.buckets[0]!.retryAfterMs > 19_000 && refused.buckets[0]!.retryAfterMs <= 20_000);
      assert.ok(refused.buckets[0]!.resetMs > 59_000 && refused.buckets[0]!.resetMs <= 60_000);
    });

    test('a bucket refills with time', async () => {
      const store = await open();
      const bucket = { key: k(), limit: 2, windowMs: 200 };
      assert.equal((await store.take([bucket])).allowed, true);
      assert.equal((await store.take([bucket])).allowed, true);
      assert.equal((await store.take([bucket])).allowed, false);
      await new Promise((r) => setTimeout(r, 120));
      assert.equal((await store.take([bucket])).allowed, true);
    });

    test('several buckets are taken together or not at all', async () => {
      const store = await open();
      const wide = { key: k(), limit: 10, windowMs: 60_000 };
      const narrow = { key: k(), limit: 1, windowMs: 60_000 };
      assert.equal((await store.take([wide, narrow])).allowed, true);
      const refused = await store.take([wide, narrow]);
      assert.equal(refused.allowed, false);
      assert.equal(refused.buckets[1]!.remaining, 0);
      assert.ok(refused.buckets[1]!.retryAfterMs > 0);
      assert.equal(refused.buckets[0]!.retryAfterMs, 0, 'the wide bucket was not what refused');
      // The refused request took nothing from the wide bucket: 9 left, as after one request.
      assert.equal(refused.buckets[0]!.remaining, 9);
      assert.equal((await store.take([wide])).buckets[0]!.remaining, 8);
    });
  });
}

for (const [name, open] of stores) {
  test(`[${name}] read and take in one call`, async () => {
    const store = await open();
    const present = `test:${randomUUID()}`;
    await store.write(present, 3, 'three', 10_000);
    const missing = `test:${randomUUID()}`;
    const bucket = { key: `test:${randomUUID()}`, limit: 1, windowMs: 60_000 };
    const first = await store.readAndTake([missing, present, missing], [bucket]);
    assert.deepEqual(first.entries, [undefined, { version: 3, value: 'three' }, undefined]);
    assert.equal(first.taken.allowed, true);
    const second = await store.readAndTake([present], [bucket]);
    assert.equal(second.taken.allowed, false);
    assert.deepEqual(second.entries, [{ version: 3, value: 'three' }]);
    const readOnly = await store.readAndTake([missing, present], []);
    assert.deepEqual(readOnly.entries, [undefined, { version: 3, value: 'three' }]);
  });
}

for (const [name, open] of stores) {
  const k = () => `test:${randomUUID()}`;
  test(`[${name}] several entries written in one call, each as its own write, in order`, async () => {
    const store = await open();
    const [newer, older, twice, fresh] = [k(), k(), k(), k()];

    await store.write(newer, 9, 'nine', 10_000);
    await store.write(older, 2, 'two', 10_000);
    const runsBefore = scriptRuns;
    const stored = await store.writeMany([
      { key: newer, version: 8, value: 'eight', ttlMs: 10_000 },
      { key: older, version: 3, value: null, ttlMs: 10_000 },
      { key: twice, version: 5, value: 'five', ttlMs: 10_000 },
      { key: twice, version: 4, value: 'four', ttlMs: 10_000 },
      { key: fresh, version: 1, value: 'short', ttlMs: 30 },
    ]);
    if (name === 'redis') assert.equal(scriptRuns - runsBefore, 1, 'one script run for the five');
    assert.deepEqual(stored, [false, true, true, false, true]);
    assert.deepEqual(await store.read([newer, older, twice, fresh]), [
      { version: 9, value: 'nine' },
      { version: 3, value: null },
      { version: 5, value: 'five' },
      { version: 1, value: 'short' },
    ]);
    await new Promise((r) => setTimeout(r, 60));
    assert.deepEqual(await store.read([fresh]), [undefined], 'each entry keeps its own expiry');
    assert.deepEqual(await store.writeMany([]), []);
    await assert.rejects(store.writeMany([{ key: fresh, version: -1, value: 'x', ttlMs: 10 }]), RangeError);
  });
}

for (const [name, open] of stores) {
  test(`[${name}] calls made together are answered as if made one after the other`, async () => {
    const store = await open();
    const entry = `test:${randomUUID()}`;
    await store.write(entry, 1, 'one', 10_000);
    const app = { key: `test:${randomUUID()}`, limit: 10, windowMs: 60_000 };
    const customers = [0, 1].map(() => ({ key: `test:${randomUUID()}`, limit: 3, windowMs: 60_000 }));
    // 20 calls at once: the app's bucket has 10 units, each customer's 3; a call refused by its
    // customer's bucket takes nothing from the app's either.
    const runsBefore = scriptRuns;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.readAndTake([entry], [app, customers[i % 2]!])),
    );
    const allowed = answers.filter((a) => a.taken.allowed);
    assert.equal(allowed.length, 6, 'three per customer');
    assert.deepEqual(
      allowed.map((a) => a.taken.buckets[0]!.remaining),
      [9, 8, 7, 6, 5, 4],
      'the app bucket counts down call by call, in the order made',
    );
    assert.deepEqual(
      answers.slice(0, 6).map((a) => a.taken.allowed),
      [true, true, true, true, true, true],
    );
    for (const refused of answers.slice(6)) {
      assert.equal(refused.taken.allowed, false);
      assert.ok(refused.taken.buckets[1]!.retryAfterMs > 0);
    }
    for (const a of answers) assert.deepEqual(a.entries, [{ version: 1, value: 'one' }]);
    if (name === 'redis') assert.equal(scriptRuns - runsBefore, 1, 'one script run for the 20');
    // The next call sees the batch's takes.
    const after = await store.readAndTake([], [app]);
    assert.equal(after.taken.buckets[0]!.remaining, 3);
  });
}

test('decoded values are decoded once per text, and forgotten whole when the memory fills', async () => {
  const { DecodedValues } = await import('./decoded.ts');
  let decodes = 0;
  const values = new DecodedValues((text) => {
    decodes++;
    return JSON.parse(text) as { n: number };
  }, 2);
  const first = values.get('{"n":1}');
  assert.equal(values.get('{"n":1}'), first, 'the same object for the same text');
  assert.equal(decodes, 1);
  values.get('{"n":2}');
  values.get('{"n":3}');
  assert.equal(decodes, 3);
  assert.notEqual(values.get('{"n":1}'), first, 'forgotten when the memory filled');
  assert.equal(decodes, 4);
});
