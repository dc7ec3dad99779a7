/** @module An app's rate-limit tier in words, from the configured tiers (`WEKEZA_RATE_LIMITS`). */
import type { RateTier } from '../platform/index.ts';

const n = (value: number) => value.toLocaleString('en-GB');

export function tierText(tiers: Readonly<Record<string, RateTier>>, tier: string): string {
  const limits = tiers[tier];
  return limits
    ? `${tier}: ${n(limits.appPerMinute)} requests a minute per app, ${n(limits.customerPerMinute)} per customer`
    : tier;
}
