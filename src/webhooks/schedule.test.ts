import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RETRY_JITTER, RETRY_SCHEDULE_MS } from './defaults.ts';
import { nextDelay, parseRetryAfter } from './schedule.ts';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const production = (random: () => number) => ({ schedule: RETRY_SCHEDULE_MS, jitter: RETRY_JITTER, random });

test('the production schedule is immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h', () => {
  assert.deepEqual(RETRY_SCHEDULE_MS, [0, 5 * S, 5 * M, 30 * M, 2 * H, 5 * H, 10 * H, 10 * H]);
  const exact = production(() => 0.5);
  assert.deepEqual(
    Array.from({ length: 8 }, (_, made) => nextDelay(made, exact)),
    [0, 5 * S, 5 * M, 30 * M, 2 * H, 5 * H, 10 * H, 10 * H],
  );
});

test('every delay is jittered by at most ±20 %, and after eight attempts there is no ninth', () => {
  for (let made = 0; made < 8; made++) {
    const base = RETRY_SCHEDULE_MS[made]!;
    assert.equal(
      nextDelay(
        made,
        production(() => 0),
      ),
      Math.round(base * 0.8),
    );
    const longest = nextDelay(
      made,
      production(() => 0.999999),
    )!;
    assert.ok(longest <= base * 1.2 && longest >= base * 1.1999, `${longest} for ${base}`);
    for (let i = 0; i < 50; i++) {
      const d = nextDelay(made, production(Math.random))!;
      assert.ok(d >= base * 0.8 - 1 && d <= base * 1.2 + 1, `${d} for ${base}`);
    }
  }
  assert.equal(nextDelay(8, production(Math.random)), undefined);
});

test('a Retry-After lengthens the wait (seconds or an HTTP date), never shortens it, capped at a day', () => {
  const now = Date.parse('2026-11-28T10:00:00Z');
  assert.equal(parseRetryAfter('120', now), 120_000);
  assert.equal(parseRetryAfter('Sat, 28 Nov 2026 10:05:00 GMT', now), 300_000);
  assert.equal(parseRetryAfter('Sat, 28 Nov 2026 09:00:00 GMT', now), 0);
  assert.equal(parseRetryAfter('soon', now), undefined);
  assert.equal(parseRetryAfter(undefined, now), undefined);
  const exact = production(() => 0.5);
  assert.equal(nextDelay(1, exact, 60_000), 60_000, 'the receiver asked for a minute, not 5 s');
  assert.equal(nextDelay(2, exact, 1000), 5 * M, 'a shorter Retry-After does not bring a retry forward');
  assert.equal(nextDelay(1, exact, 7 * 24 * H), 24 * H);
  assert.equal(nextDelay(8, exact, 1000), undefined, 'nor does it add attempts');
});
