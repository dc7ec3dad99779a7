/** @module What every rule reads: the payment's facts, the counters' signals and the parameters. */
import { formatAmount } from '../../platform/index.ts';
import type { RiskRules } from '../rules-config.ts';
import type { PaymentFacts, RuleHit, Signals } from '../types.ts';

export interface RuleInput {
  readonly facts: PaymentFacts;
  readonly signals: Signals;
  readonly rules: RiskRules;
}

export type Rule = (input: RuleInput) => RuleHit | undefined;

/** `KES 1,500.00`-style money for rule details. */
export const money = (minor: bigint, currency: string): string =>
  `${currency} ${formatAmount(minor, currency)}`;

export const windowText = (seconds: number): string =>
  seconds % 86400 === 0
    ? `${seconds / 86400} d`
    : seconds % 3600 === 0
      ? `${seconds / 3600} h`
      : seconds % 60 === 0
        ? `${seconds / 60} min`
        : `${seconds} s`;
