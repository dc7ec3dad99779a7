/**
 * @module Ids: a type prefix and a ULID-style body (48-bit millisecond time, 80 random bits,
 * Crockford base32), so ids sort by creation time yet cannot be guessed: `acc_01JD…`.
 */
import { randomBytes } from 'node:crypto';

export const idPrefixes = [
  'cus', // customer
  'acc', // account
  'jrn', // journal entry
  'txn', // posting: one line of a customer's statement
  'hld', // hold
] as const;
export type IdPrefix = (typeof idPrefixes)[number];

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function encode(value: bigint, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = ALPHABET[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}

/** A new id; `random` lets the deterministic seeder supply its own 10 bytes. */
export function newId(
  prefix: IdPrefix,
  time: number = Date.now(),
  random: Uint8Array = randomBytes(10),
): string {
  let r = 0n;
  for (const byte of random.subarray(0, 10)) r = (r << 8n) | BigInt(byte);
  return `${prefix}_${encode(BigInt(time), 10)}${encode(r, 16)}`;
}

const ID = /^(cus|acc|jrn|txn|hld)_[0-9A-HJKMNP-TV-Z]{26}$/;

/** True when `value` is a well-formed id with that prefix. */
export const isId = (value: string, prefix: IdPrefix): boolean =>
  ID.test(value) && value.startsWith(`${prefix}_`);
