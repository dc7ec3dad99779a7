/**
 * @module The core-banking module interface that the API modules call. In one process it is this
 * object; split across processes, an HTTP client with the same interface.
 */
import type { Database } from '../platform/index.ts';
import { AppError } from '../platform/index.ts';
import { getAccount, getBalance, internalAccount, listAccounts, openAccount } from './accounts.ts';
import { createLedgerContext, inTransaction, type LedgerContext } from './context.ts';
import { authenticateCustomer, createCustomer, getCustomer, listCustomers } from './customers.ts';
import { captureHold, getHold, placeHold, releaseHold } from './ledger/holds.ts';
import { findEntry, postEntryInTx, replay } from './ledger/post-entry.ts';
import { type ReverseInput, reverseEntry } from './ledger/reverse.ts';
import { verifyLedger } from './ledger/verify.ts';
import { listTransactions } from './transactions.ts';
import type {
  Account,
  Balance,
  CaptureInput,
  Customer,
  Entry,
  EntryInput,
  Hold,
  HoldInput,
  InternalAccountType,
  LedgerReport,
  NewAccount,
  NewCustomer,
  Page,
  Transaction,
  TransactionFilter,
  TransferInput,
} from './types.ts';

export interface CoreBanking {
  createCustomer(input: NewCustomer): Promise<Customer>;
  getCustomer(id: string): Promise<Customer>;
  listCustomers(): Promise<Customer[]>;
  authenticateCustomer(username: string, password: string): Promise<Customer | null>;
  openAccount(input: NewAccount): Promise<Account>;
  internalAccount(type: InternalAccountType, currency: string): Promise<Account>;
  getAccount(id: string): Promise<Account>;
  listAccounts(customerId: string): Promise<Account[]>;
  getBalance(accountId: string): Promise<Balance>;
  listTransactions(
    accountId: string,
    filter?: TransactionFilter,
    page?: { limit?: number; cursor?: string },
  ): Promise<Page<Transaction>>;
  /** Posts a balanced entry; idempotent by `reference`. */
  postEntry(input: EntryInput): Promise<Entry>;
  /** Moves `amount` from one account to another; idempotent by `reference`. */
  postTransfer(input: TransferInput): Promise<Entry>;
  getEntry(id: string): Promise<Entry>;
  reverseEntry(entryId: string, options?: ReverseInput): Promise<Entry>;
  placeHold(input: HoldInput): Promise<Hold>;
  releaseHold(holdId: string): Promise<Hold>;
  captureHold(holdId: string, input: CaptureInput): Promise<Entry>;
  getHold(holdId: string): Promise<Hold>;
  verifyLedger(): Promise<LedgerReport>;
}

export function createCoreBanking(database: Database, now: () => Date = () => new Date()): CoreBanking {
  const ctx: LedgerContext = createLedgerContext(database, now);
  const postEntry = (input: EntryInput, kind = 'entry') =>
    inTransaction(
      ctx,
      (trx) => postEntryInTx(ctx, trx, input, { kind }),
      async () => (await replay(ctx.db, input, kind))!,
    );
  return Object.freeze({
    createCustomer: (input) => createCustomer(ctx, input),
    getCustomer: (id) => getCustomer(ctx, id),
    listCustomers: () => listCustomers(ctx),
    authenticateCustomer: (username, password) => authenticateCustomer(ctx, username, password),
    openAccount: (input) => openAccount(ctx, input),
    internalAccount: (type, currency) => internalAccount(ctx, type, currency),
    getAccount: (id) => getAccount(ctx, id),
    listAccounts: (customerId) => listAccounts(ctx, customerId),
    getBalance: (accountId) => getBalance(ctx, accountId),
    listTransactions: (accountId, filter, page) => listTransactions(ctx, accountId, filter, page),
    postEntry: (input) => postEntry(input),
    postTransfer: async (input) => {
      if (input.debitAccountId === input.creditAccountId) {
        throw new AppError('SAME_ACCOUNT', 'Debit and credit accounts must differ');
      }
      if (input.amount <= 0n)
        throw new AppError('INVALID_AMOUNT', 'A transfer amount must be greater than zero');
      const { debitAccountId, creditAccountId, amount, currency, creditCounterparty, ...details } = input;
      return postEntry(
        {
          ...details,
          postings: [
            { accountId: debitAccountId, amount: -amount, currency },
            {
              accountId: creditAccountId,
              amount,
              currency,
              ...(creditCounterparty === undefined ? {} : { counterparty: creditCounterparty }),
            },
          ],
        },
        'transfer',
      );
    },
    getEntry: async (id) => {
      const found = await findEntry(ctx.db, { id });
      if (!found) throw new AppError('ENTRY_NOT_FOUND', `Entry ${id} does not exist`);
      return found.entry;
    },
    reverseEntry: (entryId, options) => reverseEntry(ctx, entryId, options),
    placeHold: (input) => placeHold(ctx, input),
    releaseHold: (holdId) => releaseHold(ctx, holdId),
    captureHold: (holdId, input) => captureHold(ctx, holdId, input),
    getHold: (holdId) => getHold(ctx, holdId),
    verifyLedger: () => verifyLedger(ctx),
  } satisfies CoreBanking);
}
