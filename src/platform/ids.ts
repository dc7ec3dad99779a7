/**
 * @module Ids: a type prefix and a ULID-style body (48-bit millisecond time, 80 random bits,
 * Crockford base32), so ids sort by creation time yet cannot be guessed: `acc_01JD…`.
 */
import { randomFillSync } from 'node:crypto';

export const idPrefixes = [
  'cus', // customer
  'acc', // account
  'jrn', // journal entry
  'txn', // posting: one line of a customer's statement
  'hld', // hold
  'dev', // developer
  'app', // app (OAuth client id)
  'cns', // consent
  'pay', // payment
  'rsk', // risk decision
  'evt', // event
  'whe', // webhook endpoint
  'msg', // webhook message
  'wdl', // webhook delivery attempt
] as const;
export type IdPrefix = (typeof idPrefixes)[number];

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `length` base32 digits of a non-negative integer below 2^53 (plain numbers: no BigInt on the hot path). */
function encode(value: number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = ALPHABET[value % 32] + out;
    value = Math.floor(value / 32);
  }
  return out;
}

// Random bytes are drawn from the CSPRNG 4 KiB at a time: one system call per ~400 ids.
const pool = new Uint8Array(4096);
let poolOffset = pool.length;
function randomTen(): Uint8Array {
  if (poolOffset + 10 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += 10;
  return pool.subarray(poolOffset - 10, poolOffset);
}

/** A new id; `random` lets the deterministic seeder supply its own 10 bytes. */
export function newId(prefix: IdPrefix, time: number = Date.now(), random: Uint8Array = randomTen()): string {
  let body = encode(time, 10);
  // 80 random bits as two 40-bit halves, 8 base32 digits each.
  for (let half = 0; half < 10; half += 5) {
    let value = 0;
    for (let i = half; i < half + 5; i++) value = value * 256 + (random[i] ?? 0);
    body += encode(value, 8);
  }
  return `${prefix}_${body}`;
}

const ID = /^[a-z]{3}_[0-9A-HJKMNP-TV-Z]{26}$/;

/** True when `value` is a well-formed id with that prefix. */
export const isId = (value: string, prefix: IdPrefix): boolean =>
  ID.test(value) && value.startsWith(`${prefix}_`);
