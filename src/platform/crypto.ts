/**
 * @module Secrets at rest: keys derived from the master key per purpose (HKDF-SHA-256), AES-256-GCM
 * sealing (`iv.tag.ciphertext`, base64url), and SHA-256 digests for high-entropy machine secrets.
 */
import { createCipheriv, createDecipheriv, hash, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** A 32-byte key for one purpose, for example `signing-keys` or `cookies`. */
export const deriveKey = (masterKey: Buffer, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `wekeza/${purpose}`, 32));

export function seal(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url')).join('.');
}

/** Opens a sealed box; throws if it was sealed with another key or altered. */
export function open(key: Buffer, box: string): string {
  const [iv, tag, ciphertext] = box.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !ciphertext) throw new Error('not a sealed box');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
}

/**
 * SHA-256 digest of a text (UTF-8), base64url: right for secrets with ≥ 256 bits of randomness (not
 * for passwords), and for fingerprints of requests.
 */
export const digest = (text: string): string => hash('sha256', text, 'base64url');

/** Compares two digests (or any two strings) in constant time. */
export function equalDigests(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
