/**
 * @module The built-in parameters of every risk and fraud rule, in the JSON form that
 * `WEKEZA_RISK_RULES` overrides (objects merge key by key; arrays replace). Amounts are decimal
 * strings by currency; a currency without an entry is not checked by that threshold. Scores add up
 * per system and are capped at 100; the decision policy (`WEKEZA_RISK_POLICY`, default review at 50,
 * decline at 90) turns them into outcomes.
 *
 * With these defaults an ordinary customer pays small amounts to a new payee (20 points, plus 15
 * while the consent is under an hour old), and pays one payee a few dozen times a minute, without
 * review; a large payment to a new payee, a drained account on a fresh consent or a burst of round
 * amounts goes to review.
 */

export const DEFAULT_RULES = {
  // --- risk engine -------------------------------------------------------------------------------
  /** A large payment: `points` from `review`, 100 (decline) from `decline`. */
  amount: {
    review: { KES: '250000.00', USD: '2000.00' },
    decline: { KES: '5000000.00', USD: '40000.00' },
    points: 60,
  },
  /** More than `count` payments, or more than `sum`, from one account within `seconds`. */
  accountVelocity: {
    limits: [
      { seconds: 60, count: 60, sum: { KES: '500000.00', USD: '4000.00' } },
      { seconds: 3600, count: 600, sum: { KES: '1000000.00', USD: '8000.00' } },
      { seconds: 86400, count: 2000, sum: { KES: '2000000.00', USD: '15000.00' } },
    ],
    points: 60,
  },
  /** The same for all the payments of one app (a compromised fintech). */
  appVelocity: {
    limits: [
      { seconds: 60, count: 30000, sum: { KES: '100000000.00', USD: '800000.00' } },
      { seconds: 3600, count: 1000000, sum: {} },
    ],
    points: 60,
  },
  /** A payee the customer has not paid before; `largePoints` more from `largeAmount`. */
  newBeneficiary: { points: 20, largeAmount: { KES: '50000.00', USD: '400.00' }, largePoints: 30 },
  /**
   * A time of day (UTC hour ± 1) at which the customer, with at least `minHistory` payments, made
   * less than `maxShare` of them.
   */
  unusualHour: { minHistory: 20, maxShare: 0.02, points: 25 },
  /** A payment of at least `share` of the available balance (and at least `minAmount`). */
  balanceDrain: { share: 0.9, minAmount: { KES: '1000.00', USD: '10.00' }, points: 40 },
  /** A consent given less than `minutes` ago. */
  consentAge: { minutes: 60, points: 15 },
  // --- fraud system ------------------------------------------------------------------------------
  /** More than `count` payments from one account to one payee within `seconds`. */
  rapidRepeat: { seconds: 60, count: 50, points: 60 },
  /** At least `payers` different customers started paying the payee within `hours` (mule signal). */
  muleBeneficiary: { hours: 24, payers: 5, points: 70 },
  /** At least `count` payments of whole multiples of `unit` from one account within `seconds`. */
  roundAmountBurst: { seconds: 600, count: 10, unit: { KES: '1000.00', USD: '100.00' }, points: 50 },
};

export type RulesJson = typeof DEFAULT_RULES;
