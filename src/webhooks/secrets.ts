/**
 * @module Signing secrets: `whsec_` and 32 random bytes in base64 (the Standard Webhooks format),
 * shown to the app once and kept sealed (AES-256-GCM, key derived from the master key) because the
 * dispatcher needs them back to sign — a digest would not do.
 */
import { randomBytes } from 'node:crypto';
import { open, seal } from '../platform/index.ts';

export const newSigningSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

export const sealSecret = (key: Buffer, secret: string): string => seal(key, secret);

export const openSecret = (key: Buffer, box: string): string => open(key, box);
