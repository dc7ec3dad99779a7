/**
 * @module The core-banking module interface that the API modules call. In one process it is this
 * object; split across processes, an HTTP client with the same interface.
 */
import type { Database } from '../platform/index.ts';
import { AppError } from '../platform/index.ts';
import {
  findAccountByNumber,
  getAccount,
  getAccountsWithBalances,
  getAccountWithBalance,
  getBalance,
  internalAccount,
  listAccounts,
  openAccount,
} from './accounts.ts';
import { createLedgerContext, inTransaction, type LedgerContext } from './context.ts';
import { authenticateCustomer, createCustomer, getCustomer, listCustomers } from './customers.ts';
import { captureHold, getHold, placeHold, placeHolds, releaseHold } from './ledger/holds.ts';
import { findEntry, postEntryInTx, replay } from './ledger/post-entry.ts';
import { type ReverseInput, reverseEntry } from './ledger/reverse.ts';
import { type BatchHooks, type BatchItem, type BatchResult, settleBatch } from './ledger/settle-batch.ts';
import { verifyLedger } from './ledger/verify.ts';
import { syncTransactions } from './transaction-sync.ts';
import { listTransactions } from './transactions.ts';
import type {
  Account,
  AccountWithBalance,
  Balance,
  BookedTransaction,
  CaptureInput,
  Customer,
  Entry,
  EntryInput,
  Hold,
  HoldInput,
  InternalAccountType,
  LedgerGuard,
  LedgerReport,
  NewAccount,
  NewCustomer,
  Page,
  TransactionChanges,
  TransactionFilter,
  TransactionWindow,
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
  /** The account with this account number, or undefined. */
  findAccountByNumber(accountNumber: string): Promise<Account | undefined>;
  listAccounts(customerId: string): Promise<Account[]>;
  getBalance(accountId: string): Promise<Balance>;
  /** The account and its balance in one read. ACCOUNT_NOT_FOUND when there is none. */
  getAccountWithBalance(accountId: string): Promise<AccountWithBalance>;
  /** Several accounts with their balances in one read; the ones that do not exist are left out. */
  getAccountsWithBalances(accountIds: readonly string[]): Promise<AccountWithBalance[]>;
  /** Booked lines, newest first; pending ones come through `syncTransactions`. */
  listTransactions(
    accountId: string,
    filter?: TransactionFilter,
    page?: { limit?: number; cursor?: string },
  ): Promise<Page<BookedTransaction>>;
  /** What changed on the account since `cursor` (everything in the window without one), in commit order. */
  syncTransactions(
    accountId: string,
    window?: TransactionWindow,
    page?: { limit?: number; cursor?: string },
  ): Promise<TransactionChanges>;
  /** Posts a balanced entry; idempotent by `reference`. */
  postEntry(input: EntryInput): Promise<Entry>;
  /** Moves `amount` from one account to another; idempotent by `reference`. */
  postTransfer(input: TransferInput): Promise<Entry>;
  getEntry(id: string): Promise<Entry>;
  reverseEntry(entryId: string, options?: ReverseInput): Promise<Entry>;
  placeHold(input: HoldInput): Promise<Hold>;
  /** Holds on one account, all or none, the funds checked for their sum; idempotent by reference. */
  placeHolds(inputs: readonly HoldInput[], options?: { readonly guard?: LedgerGuard }): Promise<Hold[]>;
  releaseHold(holdId: string): Promise<Hold>;
  captureHold(
    holdId: string,
    input: CaptureInput,
    options?: { readonly guard?: LedgerGuard },
  ): Promise<Entry>;
  getHold(holdId: string): Promise<Hold>;
  /**
   * Group commit: settles many debits, each a set of holds placed and captured at once, in one
   * transaction with the caller's own rows (see settle-batch.ts). An item that fails a check is
   * refused without failing the others; anything thrown rolls the whole batch back.
   */
  settleBatch(items: readonly BatchItem[], hooks: BatchHooks): Promise<BatchResult[]>;
  verifyLedger(): Promise<LedgerReport>;
}

export interface CoreBankingOptions {
  /** The clock (tests freeze it); defaults to the system clock. */
  readonly now?: () => Date;
  /**
   * Called after the commit of every write that changes balances — posting, transfer, reversal, hold
   * place, release and capture — with the accounts it touched (an idempotent replay calls it again).
   * Not called by seeding. The write's caller gets its answer once this has finished (so caches it
   * refreshes are fresh by then); what it throws reaches that caller, whose write has committed.
   * `fresh`, when given, is those accounts with their balances as the write committed them.
   */
  readonly onPosted?: (
    accountIds: readonly string[],
    fresh?: readonly AccountWithBalance[],
  ) => void | Promise<void>;
}

const accountsOf = (entry: Entry): string[] => [...new Set(entry.postings.map((p) => p.accountId))];

export function createCoreBanking(database: Database, options: CoreBankingOptions = {}): CoreBanking {
  const ctx: LedgerContext = createLedgerContext(database, options.now);
  const { onPosted } = options;
  /** Runs a write, then tells `onPosted` (after the commit) which accounts it touched. */
  const posted = async <T>(write: Promise<T>, touched: (result: T) => readonly string[]): Promise<T> => {
    const result = await write;
    await onPosted?.(touched(result));
    return result;
  };
  const postEntry = (input: EntryInput, kind = 'entry') =>
    posted(
      inTransaction(
        ctx,
        (trx) => postEntryInTx(ctx, trx, input, { kind }),
        async () => (await replay(ctx.db, input, kind))!,
      ),
      accountsOf,
    );
  return Object.freeze({
    createCustomer: (input) => createCustomer(ctx, input),
    getCustomer: (id) => getCustomer(ctx, id),
    listCustomers: () => listCustomers(ctx),
    authenticateCustomer: (username, password) => authenticateCustomer(ctx, username, password),
    openAccount: (input) => openAccount(ctx, input),
    internalAccount: (type, currency) => internalAccount(ctx, type, currency),
    getAccount: (id) => getAccount(ctx, id),
    findAccountByNumber: (accountNumber) => findAccountByNumber(ctx, accountNumber),
    listAccounts: (customerId) => listAccounts(ctx, customerId),
    getBalance: (accountId) => getBalance(ctx, accountId),
    getAccountWithBalance: (accountId) => getAccountWithBalance(ctx, accountId),
    listTransactions: (accountId, filter, page) => listTransactions(ctx, accountId, filter, page),
    syncTransactions: (accountId, window, page) => syncTransactions(ctx, accountId, window, page),
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
    reverseEntry: (entryId, input) => posted(reverseEntry(ctx, entryId, input), accountsOf),
    placeHold: (input) => posted(placeHold(ctx, input), (hold) => [hold.accountId]),
    placeHolds: (inputs, options) =>
      posted(placeHolds(ctx, inputs, options), (holds) => [...new Set(holds.map((h) => h.accountId))]),
    releaseHold: (holdId) => posted(releaseHold(ctx, holdId), (hold) => [hold.accountId]),
    captureHold: (holdId, input, options) => posted(captureHold(ctx, holdId, input, options), accountsOf),
    getHold: (holdId) => getHold(ctx, holdId),
    settleBatch: async (items, hooks) => {
      const { results, touched } = await settleBatch(ctx, items, hooks);
      // The touched accounts were read with the commit: no read after it.
      if (touched.length > 0) {
        await onPosted?.(
          touched.map((t) => t.account.id),
          touched,
        );
      }
      return results;
    },
    getAccountsWithBalances: (accountIds) => getAccountsWithBalances(ctx, accountIds),
    verifyLedger: () => verifyLedger(ctx),
  } satisfies CoreBanking);
}
