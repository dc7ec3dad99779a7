/**
 * @module The sandbox customers as the portal lists them: core banking's customers with their public
 * sandbox passwords and their accounts (the same data as `GET /sandbox/customers`).
 */
import { type CoreBanking, SANDBOX_CUSTOMERS } from '../core-banking/index.ts';
import type { SandboxCustomerView } from './options.ts';

const passwords = new Map(SANDBOX_CUSTOMERS.map((c) => [c.username, c.password]));

export function sandboxCustomerReader(
  bank: Pick<CoreBanking, 'listCustomers' | 'listAccounts'>,
): () => Promise<SandboxCustomerView[]> {
  return async () =>
    Promise.all(
      (await bank.listCustomers()).map(async (c) => ({
        id: c.id,
        username: c.username,
        password: passwords.get(c.username) ?? null,
        name: c.name,
        accounts: (await bank.listAccounts(c.id)).map((a) => ({
          id: a.id,
          nickname: a.nickname,
          accountNumber: a.accountNumber,
          currency: a.currency,
        })),
      })),
    );
}
