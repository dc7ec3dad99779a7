/**
 * @module The fraud system's patterns: rapid repeated payments to one payee, a payee that many
 * customers started paying recently (a money mule), bursts of round amounts, and the hard block list.
 */
import type { RuleHit } from '../types.ts';
import { money, type Rule, windowText } from './context.ts';

const hit = (rule: string, points: number, detail: string, hard = false): RuleHit => ({
  system: 'fraud',
  rule,
  points,
  detail,
  ...(hard ? { hard } : {}),
});

export const blockedBeneficiaryRule: Rule = ({ signals }) =>
  signals.blocked ? hit('blocked_beneficiary', 100, 'The payee is on the block list', true) : undefined;

export const rapidRepeatRule: Rule = ({ signals, rules }) => {
  const r = rules.rapidRepeat;
  if (signals.sameBeneficiary <= r.count) return undefined;
  return hit(
    'rapid_repeat',
    r.points,
    `${signals.sameBeneficiary} payments to this payee within ${windowText(r.seconds)} (limit ${r.count})`,
  );
};

export const muleBeneficiaryRule: Rule = ({ signals, rules }) => {
  const r = rules.muleBeneficiary;
  if (signals.newPayers < r.payers) return undefined;
  return hit(
    'mule_beneficiary',
    r.points,
    `${signals.newPayers} customers started paying this payee within ${r.hours} h (from ${r.payers})`,
  );
};

/** A whole multiple of the currency's round unit. */
export const isRound = (amount: bigint, unit: bigint | undefined): boolean =>
  unit !== undefined && amount >= unit && amount % unit === 0n;

export const roundAmountBurstRule: Rule = ({ facts, signals, rules }) => {
  const r = rules.roundAmountBurst;
  if (!isRound(facts.amount, r.unit[facts.currency]) || signals.roundBurst < r.count) return undefined;
  return hit(
    'round_amount_burst',
    r.points,
    `${signals.roundBurst} payments of round amounts (multiples of ${money(r.unit[facts.currency]!, facts.currency)}) within ${windowText(r.seconds)}`,
  );
};

export const FRAUD_RULES: readonly Rule[] = [
  blockedBeneficiaryRule,
  rapidRepeatRule,
  muleBeneficiaryRule,
  roundAmountBurstRule,
];
