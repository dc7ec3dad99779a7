/**
 * The risk counters answer the same in memory and in Redis: windows count and sum the attempts
 * within them (and forget older ones), payees become known when remembered, a payee's new payers
 * are counted once each within the mule window, and the hour-of-day profile grows.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { openRedis } from '../platform/index.ts';
import { MemoryCounters, type Observation, RedisCounters, type RiskCounters } from './counters/index.ts';

const redis = openRedis('redis://127.0.0.1:6379');
before(async () => {
  if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
});
after(() => redis.disconnect());

const T0 = Date.parse('2026-03-10T09:30:00.000Z');

for (const [name, make] of [
  ['memory', () => new MemoryCounters()],
  ['redis', () => new RedisCounters(redis)],
] as const) {
  describe(`risk counters [${name}]`, () => {
    const counters: RiskCounters = make();
    // Fresh keys per run: Redis outlives the test.
    const run = randomBytes(4).toString('hex');
    const observe = (over: Partial<Observation> & { at: number }) =>
      counters.observe({
        customerId: `cus_${run}`,
        beneficiary: `mobile:+2547${run}`,
        amount: 100_00n,
        windows: [
          { key: `acct:${run}`, seconds: 60, add: true },
          { key: `round:${run}`, seconds: 60, add: false },
        ],
        muleSeconds: 3600,
        ...over,
      });

    test('a window counts and sums the attempts within it, and forgets older ones', async () => {
      const first = await observe({ at: T0 });
      assert.deepEqual(first.windows, [
        { count: 1, sum: 100_00n },
        { count: 0, sum: 0n },
      ]);
      const second = await observe({ at: T0 + 20_000, amount: 250_00n });
      assert.deepEqual(second.windows[0], { count: 2, sum: 350_00n });
      const later = await observe({ at: T0 + 120_000 });
      assert.deepEqual(later.windows[0], { count: 1, sum: 100_00n }, 'two minutes on, only itself');
    });

    test("an account's minute and hour windows count apart", async () => {
      const windows = [
        { key: `acct:${run}-both`, seconds: 60, add: true },
        { key: `acct:${run}-both`, seconds: 3600, add: true },
      ];
      await observe({ at: T0, windows });
      const later = await observe({ at: T0 + 120_000, windows });
      assert.deepEqual(
        later.windows.map((w) => w.count),
        [1, 2],
      );
    });

    test('a payee is new until remembered; its new payers are counted once each', async () => {
      const payee = `mobile:+25470${run}`;
      const first = await observe({ at: T0, beneficiary: payee });
      assert.equal(first.known, false);
      assert.equal(first.newPayers, 1);
      assert.equal(
        (await observe({ at: T0 + 1, beneficiary: payee })).newPayers,
        1,
        'the same customer again',
      );
      for (let i = 0; i < 3; i++) {
        await observe({ at: T0 + 10 + i, beneficiary: payee, customerId: `cus_${run}_${i}` });
      }
      assert.equal((await observe({ at: T0 + 20, beneficiary: payee })).newPayers, 4);
      await counters.remember(`cus_${run}`, payee);
      assert.equal((await observe({ at: T0 + 30, beneficiary: payee })).known, true);
      const hourLater = await observe({ at: T0 + 3_700_000, beneficiary: payee, customerId: `cus_${run}_9` });
      assert.equal(hourLater.newPayers, 1, 'the mule window has passed for the others');
    });

    test("the hour profile counts the customer's earlier payments by UTC hour", async () => {
      const customerId = `cus_${run}_hours`;
      const first = await observe({ at: T0, customerId });
      assert.equal(
        first.hours.reduce((a, b) => a + b, 0),
        0,
      );
      await observe({ at: T0 + 3_600_000, customerId });
      const third = await observe({ at: T0 + 2 * 3_600_000, customerId });
      assert.equal(third.hours[9], 1);
      assert.equal(third.hours[10], 1);
      assert.equal(third.hours[11], 0, 'not counting itself');
    });
    if (name === 'redis') {
      test('a window sum past 64 bits stays at the largest instead of failing the payment, until its bucket leaves', async () => {
        const windows = [{ key: `acct:${run}-big`, seconds: 60, add: true }];
        await observe({ at: T0, windows });
        const key = `wekeza:risk:w:acct:${run}-big:60`;
        const fields = Object.keys(await redis.hgetall(key)).filter((f) => f.endsWith('s'));
        assert.ok(fields.length > 0);
        for (const f of fields) await redis.hset(key, f, '9223372036854775000');
        const seen = await observe({ at: T0 + 1000, amount: 999_999_999_999_999n, windows });
        assert.ok(seen.windows[0]!.sum >= 9_223_372_036_854_775_000n);
        const still = await observe({ at: T0 + 30_000, amount: 1_00n, windows });
        assert.equal(
          still.windows[0]!.sum,
          9_223_372_036_854_775_807n,
          'the largest while the bucket is in the window',
        );
        const after = await observe({ at: T0 + 62_000, amount: 2_00n, windows });
        assert.deepEqual(after.windows[0], { count: 2, sum: 3_00n }, 'exact again once it has left');
      });

      test('a window written before running totals is totalled from its buckets once', async () => {
        const key = `wekeza:risk:w:acct:${run}-legacy:60`;
        const size = 5000;
        const cur = Math.floor(T0 / size);
        // As the earlier script left it: buckets only, one of them already out of the window.
        await redis.hset(key, `${cur - 12}c`, 7, `${cur - 12}s`, 700, `${cur - 3}c`, 2, `${cur - 3}s`, 250);
        await redis.hset(key, `${cur}c`, 1, `${cur}s`, 50);
        const seen = await counters.observe({
          at: T0,
          customerId: `cus_${run}`,
          beneficiary: `mobile:+2547${run}`,
          amount: 100n,
          windows: [{ key: `acct:${run}-legacy`, seconds: 60, add: true }],
          muleSeconds: 3600,
        });
        assert.deepEqual(seen.windows[0], { count: 4, sum: 400n });
        assert.equal(await redis.hget(key, `${cur - 12}c`), null, 'the bucket out of the window is gone');
        assert.ok((await redis.pttl(key)) > 0, 'it expires');
      });
    }
  });
}

test('the Redis counters answer as the memory counters do, attempt after attempt', async () => {
  const memory = new MemoryCounters();
  const shared = new RedisCounters(redis);
  const run = randomBytes(4).toString('hex');
  // A deterministic walk: bursts and pauses, some longer than a window, amounts round or not.
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  let at = T0;
  for (let i = 0; i < 400; i++) {
    const pause = next(10) === 0 ? 20_000 + next(100_000) : next(3_000);
    at += pause;
    // Now and then an amount of 2^49, so that the sums pass 2^52, where the script stops adding them
    // itself and leaves them to Redis (HINCRBY), and 2^53, above which Lua's doubles are inexact.
    const amount =
      next(40) === 0 ? 562_949_953_421_312n : BigInt(1 + next(5)) * (next(2) === 0 ? 1000_00n : 137n);
    const o: Observation = {
      at,
      customerId: `cus_${run}_${next(3)}`,
      beneficiary: `mobile:+2547${run}${next(4)}`,
      amount,
      windows: [
        { key: `acct:${run}`, seconds: 10, add: true },
        { key: `acct:${run}`, seconds: 60, add: true },
        { key: `app:${run}`, seconds: 3600, add: true },
        { key: `round:${run}`, seconds: 60, add: amount % 1000_00n === 0n },
      ],
      muleSeconds: 3600,
    };
    const [a, b] = [await memory.observe(o), await shared.observe(o)];
    assert.deepEqual(b, a, `attempt ${i} at +${at - T0} ms`);
  }
});
