/**
 * @module The risk engine's rules: each reads the facts and signals of one payment and either adds
 * points with the reason, or does not fire. Pure functions; the parameters are in `defaults.ts`.
 */
import type { VelocityLimit } from '../rules-config.ts';
import type { RuleHit, WindowCount } from '../types.ts';
import { money, type Rule, windowText } from './context.ts';

const hit = (rule: string, points: number, detail: string): RuleHit => ({
  system: 'risk',
  rule,
  points,
  detail,
});

export const amountRule: Rule = ({ facts, rules }) => {
  const { amount, currency } = facts;
  const decline = rules.amount.decline[currency];
  if (decline !== undefined && amount >= decline) {
    return hit('amount', 100, `${money(amount, currency)} is at or above ${money(decline, currency)}`);
  }
  const review = rules.amount.review[currency];
  if (review !== undefined && amount >= review) {
    return hit(
      'amount',
      rules.amount.points,
      `${money(amount, currency)} is at or above ${money(review, currency)}`,
    );
  }
  return undefined;
};

function velocity(
  rule: string,
  who: string,
  limits: readonly VelocityLimit[],
  counts: readonly WindowCount[],
  points: number,
  currency: string,
): RuleHit | undefined {
  for (const [i, limit] of limits.entries()) {
    const seen = counts[i];
    if (!seen) continue;
    const window = windowText(limit.seconds);
    if (seen.count > limit.count) {
      return hit(rule, points, `${seen.count} payments from ${who} within ${window} (limit ${limit.count})`);
    }
    const sum = limit.sum[currency];
    if (sum !== undefined && seen.sum > sum) {
      return hit(
        rule,
        points,
        `${money(seen.sum, currency)} paid from ${who} within ${window} (limit ${money(sum, currency)})`,
      );
    }
  }
  return undefined;
}

export const accountVelocityRule: Rule = ({ facts, signals, rules }) =>
  velocity(
    'account_velocity',
    'this account',
    rules.accountVelocity.limits,
    signals.account,
    rules.accountVelocity.points,
    facts.currency,
  );

export const appVelocityRule: Rule = ({ facts, signals, rules }) =>
  velocity(
    'app_velocity',
    'this app',
    rules.appVelocity.limits,
    signals.app,
    rules.appVelocity.points,
    facts.currency,
  );

export const newBeneficiaryRule: Rule = ({ facts, signals, rules }) => {
  if (signals.beneficiaryKnown) return undefined;
  const r = rules.newBeneficiary;
  const large = r.largeAmount[facts.currency];
  if (large !== undefined && facts.amount >= large) {
    return hit(
      'new_beneficiary',
      Math.min(100, r.points + r.largePoints),
      `First payment to this payee, and ${money(facts.amount, facts.currency)} is at or above ${money(large, facts.currency)}`,
    );
  }
  return hit('new_beneficiary', r.points, 'First payment to this payee');
};

export const unusualHourRule: Rule = ({ facts, signals, rules }) => {
  const r = rules.unusualHour;
  const { total, near } = signals.hours;
  if (total < r.minHistory || near / total >= r.maxShare) return undefined;
  const hour = new Date(facts.at).getUTCHours();
  return hit(
    'unusual_hour',
    r.points,
    `${near} of the customer's ${total} earlier payments were made within an hour of ${String(hour).padStart(2, '0')}:00 UTC`,
  );
};

export const balanceDrainRule: Rule = ({ facts, rules }) => {
  const r = rules.balanceDrain;
  const min = r.minAmount[facts.currency] ?? 0n;
  if (facts.amount < min) return undefined;
  const { amount, available, currency } = facts;
  // share × available, in parts per million, compared without floating point.
  const drains =
    available <= 0n || amount * 1_000_000n >= BigInt(Math.round(r.share * 1_000_000)) * available;
  if (!drains) return undefined;
  return hit(
    'balance_drain',
    r.points,
    `${money(amount, currency)} is ${available > 0n ? `${(Number((amount * 1000n) / available) / 10).toFixed(1)} %` : 'all'} of the available ${money(available, currency)}`,
  );
};

export const consentAgeRule: Rule = ({ facts, rules }) => {
  const r = rules.consentAge;
  const minutes = Math.max(0, Math.floor((facts.at - facts.consentCreatedAt) / 60_000));
  if (minutes >= r.minutes) return undefined;
  return hit('consent_age', r.points, `The consent was given ${minutes} min ago (under ${r.minutes} min)`);
};

/** The risk engine's rules, in the order their reasons are listed. */
export const RISK_RULES: readonly Rule[] = [
  amountRule,
  accountVelocityRule,
  appVelocityRule,
  newBeneficiaryRule,
  unusualHourRule,
  balanceDrainRule,
  consentAgeRule,
];
