import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DISABLE_AFTER_MS, WARN_AFTER_MS } from './defaults.ts';
import { afterAttempt, type HealthState } from './health.ts';

const DAY = 86_400_000;
const policy = { warnAfterMs: WARN_AFTER_MS, disableAfterMs: DISABLE_AFTER_MS };
const t0 = Date.parse('2026-11-01T00:00:00Z');
const at = (days: number) => new Date(t0 + days * DAY);
const healthy: HealthState = {
  id: 'whe_1',
  url: 'https://hooks.example.com',
  status: 'enabled',
  failing_since: null,
  warned_at: null,
};

/** Applies a sequence of outcomes and returns the notifications sent. */
function run(outcomes: readonly [number, boolean][]) {
  let state = healthy;
  const told: string[] = [];
  for (const [day, ok] of outcomes) {
    const change = afterAttempt(state, ok, at(day), policy);
    if (!change) continue;
    state = { ...state, ...change.set } as HealthState;
    if (change.notify) told.push(`${day}: ${change.notify.type}`);
  }
  return { state, told };
}

test('a success on a healthy endpoint changes nothing', () => {
  assert.equal(afterAttempt(healthy, true, at(0), policy), null);
});

test('failing for five days: warned after one day, disabled after five', () => {
  const { state, told } = run([
    [0, false],
    [0.5, false],
    [1, false],
    [2, false],
    [4.9, false],
    [5, false],
    [6, false],
  ]);
  assert.deepEqual(told, ['1: webhook_endpoint.failing', '5: webhook_endpoint.disabled']);
  assert.equal(state.status, 'disabled');
});

test('a success resets the clock; after a warning it tells the developer it recovered', () => {
  const quiet = run([
    [0, false],
    [0.5, true],
    [3, false],
    [3.5, false],
  ]);
  assert.deepEqual(quiet.told, []);
  assert.equal(quiet.state.failing_since, at(3).toISOString());
  const recovered = run([
    [0, false],
    [2, false],
    [3, true],
    [10, false],
    [12, false],
  ]);
  assert.deepEqual(recovered.told, [
    '2: webhook_endpoint.failing',
    '3: webhook_endpoint.recovered',
    '12: webhook_endpoint.failing',
  ]);
  assert.equal(recovered.state.status, 'enabled');
});
