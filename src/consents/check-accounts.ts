/**
 * @module The accounts a customer shares under a consent: at least one, each listed once, each an
 * open account of that customer, and — for a payments consent with a limit — in the limit's currency.
 * Anything else is ACCOUNT_NOT_ELIGIBLE, naming the offending entry.
 */
import { AppError } from '../platform/index.ts';
import type { Consent, ConsentDeps } from './types.ts';

const notEligible = (path: string, message: string): never => {
  throw new AppError('ACCOUNT_NOT_ELIGIBLE', `${path} ${message}`, { errors: [{ path, message }] });
};

export async function checkAccounts(
  deps: Pick<ConsentDeps, 'accountsOf'>,
  consent: Consent,
  customerId: string,
  accountIds: readonly string[],
): Promise<void> {
  if (accountIds.length === 0) notEligible('/account_ids', 'must name at least one account');
  const accounts = new Map((await deps.accountsOf(customerId)).map((a) => [a.id, a]));
  const limit = consent.scopes.includes('payments.write') ? consent.maxAmount : null;
  accountIds.forEach((id, i) => {
    const path = `/account_ids/${i}`;
    if (accountIds.indexOf(id) !== i) notEligible(path, 'is listed twice');
    const account = accounts.get(id);
    if (!account || account.customerId !== customerId || account.status !== 'open') {
      notEligible(path, 'is not an open account of the customer');
    }
    if (limit && account?.currency !== limit.currency) {
      notEligible(path, `must be in ${limit.currency}, the currency of the consent's payment limit`);
    }
  });
}
