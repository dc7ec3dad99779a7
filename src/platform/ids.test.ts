import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isId, newId } from './ids.ts';

test('ids carry their type prefix and a 26-character sortable body', () => {
  const id = newId('acc');
  assert.match(id, /^acc_[0-9A-HJKMNP-TV-Z]{26}$/);
  assert.ok(isId(id, 'acc'));
  assert.ok(!isId(id, 'cus'));
  assert.ok(!isId('acc_short', 'acc'));
});

test('ids sort by creation time', () => {
  const earlier = newId('txn', Date.UTC(2025, 0, 1));
  const later = newId('txn', Date.UTC(2025, 0, 2));
  assert.ok(earlier < later);
});

test('ids are unguessable: 80 random bits, no repeats in 20,000', () => {
  const time = Date.now();
  const seen = new Set<string>();
  for (let i = 0; i < 20_000; i++) seen.add(newId('cus', time));
  assert.equal(seen.size, 20_000);
});

test('the same time and random bytes give the same id (for deterministic seeding)', () => {
  const bytes = new Uint8Array(10).fill(7);
  assert.equal(newId('acc', 0, bytes), newId('acc', 0, bytes));
});
