/**
 * @module The account and its balance as the API serves them, cached in the shared store (Redis
 * when configured) so that a hot balance read costs no database query. Every entry carries the
 * balance's version (it grows with every posting and hold change); after a change core banking
 * reports the touched accounts, and their fresh state is written at the new version, which a reader
 * still holding the old state cannot overwrite. So a read after a payment is never stale.
 */
import type { Account, Balance, CoreBanking } from '../core-banking/index.ts';
import { DecodedValues, type SharedStore, type Versioned } from '../platform/index.ts';

export interface AccountState {
  readonly account: Account;
  readonly balance: Balance;
}

/** Cached entries live this long without a change; account details (nickname, status) follow within it. */
const TTL_MS = 60_000;

type Json = Record<string, string | number | null>;

const toJson = ({ account: a, balance: b }: AccountState) =>
  JSON.stringify({
    id: a.id,
    customerId: a.customerId,
    kind: a.kind,
    type: a.type,
    currency: a.currency,
    status: a.status,
    accountNumber: a.accountNumber,
    nickname: a.nickname,
    overdraftLimit: a.overdraftLimit.toString(),
    openedOn: a.openedOn,
    current: b.current.toString(),
    held: b.held.toString(),
    asOf: b.asOf,
    version: b.version,
  });

function fromJson(text: string): AccountState {
  const j = JSON.parse(text) as Json;
  const s = (k: string) => String(j[k]);
  const account = {
    id: s('id'),
    customerId: j.customerId === null ? null : s('customerId'),
    kind: s('kind'),
    type: s('type'),
    currency: s('currency'),
    status: s('status'),
    accountNumber: s('accountNumber'),
    nickname: s('nickname'),
    overdraftLimit: BigInt(s('overdraftLimit')),
    openedOn: s('openedOn'),
  } as Account;
  const current = BigInt(s('current'));
  const held = BigInt(s('held'));
  const balance: Balance = {
    accountId: account.id,
    currency: account.currency,
    current,
    held,
    available: current - held,
    overdraftLimit: account.overdraftLimit,
    asOf: s('asOf'),
    version: Number(j.version),
  };
  return { account, balance };
}

/** The store key of an account's cached state (the gateway prefetches it for account routes). */
export const accountKey = (accountId: string) => `acct:${accountId}`;
const keyOf = accountKey;

export class AccountCache {
  readonly #store: SharedStore;
  readonly #bank: CoreBanking;
  readonly #onStoreError: (err: unknown) => void;
  readonly #decoded = new DecodedValues(fromJson);

  constructor(store: SharedStore, bank: CoreBanking, onStoreError: (err: unknown) => void) {
    this.#store = store;
    this.#bank = bank;
    this.#onStoreError = onStoreError;
  }

  /**
   * The account with its balance: from the cache, else from core banking (and then cached).
   * `prefetched` is the entry already read with the gateway's look-up, if it was.
   */
  async get(accountId: string, prefetched?: { entry: Versioned | undefined }): Promise<AccountState> {
    const [entry] = prefetched
      ? [prefetched.entry]
      : await this.#store.read([keyOf(accountId)]).catch((err) => {
          this.#onStoreError(err);
          return [undefined];
        });
    if (entry?.value) return this.#decoded.get(entry.value);
    return this.#fill(accountId);
  }

  /**
   * After a change to these accounts' balances: their fresh state replaces older cached copies.
   * `fresh` is that state when the writer read it with its commit; otherwise it is read here.
   */
  async changed(accountIds: readonly string[], fresh?: readonly AccountState[]): Promise<void> {
    // One read for all of them (a batch of payments touches many accounts).
    const states =
      fresh ??
      (await this.#bank.getAccountsWithBalances(accountIds).catch((err) => {
        this.#onStoreError(err);
        return [];
      }));
    await this.#write(states);
  }

  async #fill(accountId: string): Promise<AccountState> {
    const state = await this.#bank.getAccountWithBalance(accountId);
    await this.#write([state]);
    return state;
  }

  /** Each state replaces an older cached copy, in one store round trip. */
  async #write(states: readonly AccountState[]): Promise<void> {
    await this.#store
      .writeMany(
        states.map((state) => ({
          key: keyOf(state.account.id),
          version: state.balance.version,
          value: toJson(state),
          ttlMs: TTL_MS,
        })),
      )
      .catch(this.#onStoreError);
  }
}
