/**
 * @module High-entropy credentials: client secrets (`wks_…`) and developer bearer tokens (`wdt_…`),
 * each 256 random bits. Being unguessable they need no slow hash: only their SHA-256 digest is
 * stored, and digests are compared in constant time.
 */
import { randomBytes } from 'node:crypto';
import { digest, equalDigests } from '../platform/index.ts';

const BODY = /^[A-Za-z0-9_-]{43}$/;

const generate = (prefix: string): string => `${prefix}_${randomBytes(32).toString('base64url')}`;

/** True when `value` has the shape of a credential with that prefix (cheap check before any look-up). */
const hasShape = (value: string, prefix: string): boolean =>
  value.length === prefix.length + 44 && value.startsWith(`${prefix}_`) && BODY.test(value.slice(-43));

export const newClientSecret = (): string => generate('wks');
export const newDeveloperToken = (): string => generate('wdt');
export const isClientSecretShaped = (value: string): boolean => hasShape(value, 'wks');
export const isDeveloperTokenShaped = (value: string): boolean => hasShape(value, 'wdt');

/** base64url SHA-256 of a credential: what the tables keep instead of the credential. */
export const digestOf: (credential: string) => string = digest;

/** Constant-time comparison of two digests (the platform's). */
export const digestsEqual: (a: string, b: string) => boolean = equalDigests;
