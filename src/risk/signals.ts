/**
 * @module Gathers a payment's signals: one `observe` call on the counters (this attempt recorded in
 * every window it belongs to) and the block list, shaped for the rules.
 */
import type { RiskCounters, WindowSpec } from './counters/index.ts';
import { isRound } from './rules/fraud-rules.ts';
import type { RiskRules } from './rules-config.ts';
import type { PaymentFacts, Signals } from './types.ts';

export async function gatherSignals(
  counters: RiskCounters,
  facts: PaymentFacts,
  rules: RiskRules,
  blocked: boolean,
): Promise<Signals> {
  const round = isRound(facts.amount, rules.roundAmountBurst.unit[facts.currency]);
  const windows: WindowSpec[] = [
    ...rules.accountVelocity.limits.map((l) => ({
      key: `acct:${facts.accountId}`,
      seconds: l.seconds,
      add: true,
    })),
    ...rules.appVelocity.limits.map((l) => ({
      key: `app:${facts.clientId}:${facts.currency}`,
      seconds: l.seconds,
      add: true,
    })),
    { key: `rapid:${facts.accountId}:${facts.beneficiary}`, seconds: rules.rapidRepeat.seconds, add: true },
    { key: `round:${facts.accountId}`, seconds: rules.roundAmountBurst.seconds, add: round },
  ];
  const seen = await counters.observe({
    at: facts.at,
    customerId: facts.customerId,
    beneficiary: facts.beneficiary,
    amount: facts.amount,
    windows,
    muleSeconds: rules.muleBeneficiary.hours * 3600,
  });
  const accountN = rules.accountVelocity.limits.length;
  const appN = rules.appVelocity.limits.length;
  const hour = new Date(facts.at).getUTCHours();
  const near = [hour + 23, hour, hour + 1].reduce((sum, h) => sum + (seen.hours[h % 24] ?? 0), 0);
  return {
    account: seen.windows.slice(0, accountN),
    app: seen.windows.slice(accountN, accountN + appN),
    sameBeneficiary: seen.windows[accountN + appN]?.count ?? 0,
    roundBurst: round ? (seen.windows[accountN + appN + 1]?.count ?? 0) : 0,
    beneficiaryKnown: seen.known,
    newPayers: seen.newPayers,
    hours: { total: seen.hours.reduce((a, b) => a + b, 0), near },
    blocked,
  };
}
