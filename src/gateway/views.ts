/**
 * @module What the gateway checks on every request, cached in the shared store with the versioned
 * rule (see the store): a consent (status, parties, scopes, accounts, expiry, window), an app
 * (status, tier, IP allow-list), and the revocation list of access-token ids. A change writes a
 * newer version (the consent as it now is; `null` for an app, to reload), so a reader that loaded
 * the old state concurrently cannot put it back: revocation, suspension and deletion take effect at
 * once. When the store fails the gateway reads the database instead (slower, never wrong).
 */
import type { Consent } from '../consents/index.ts';
import type { GatewayApp } from '../developers/index.ts';
import {
  type Bucket,
  DecodedValues,
  type SharedStore,
  type TakeResult,
  type Versioned,
} from '../platform/index.ts';

export interface ConsentView {
  readonly id: string;
  readonly status: Consent['status'];
  readonly clientId: string;
  readonly customerId: string | null;
  readonly scopes: readonly string[];
  readonly accountIds: readonly string[];
  readonly expiresAt: string;
  readonly transactionFromDate: string | null;
  readonly transactionToDate: string | null;
  /** Payment limit in minor units (as a decimal string of the integer) and currency. */
  readonly maxAmount: { readonly minor: string; readonly currency: string } | null;
}

export interface GatewayLoaders {
  consent(id: string): Promise<Consent | undefined>;
  app(clientId: string): Promise<GatewayApp | undefined>;
  /** The durable deny-list of revoked access tokens. */
  tokenRevoked(jti: string): Promise<boolean>;
}

export interface ViewTtls {
  readonly consentMs: number;
  /** Short without Redis: an operator's CLI in another process cannot reach an in-memory store. */
  readonly appMs: number;
  /** At least an access token's lifetime. */
  readonly revokedTokenMs: number;
}

const STATUS_RANK: Record<Consent['status'], number> = {
  awaiting_authorization: 0,
  authorized: 1,
  rejected: 2,
  expired: 3,
  revoked: 4,
};

/** Later changes have higher versions; at the same millisecond, a final status outranks `authorized`. */
export const consentVersion = (c: Pick<Consent, 'updatedAt' | 'status'>): number =>
  Date.parse(c.updatedAt) * 8 + STATUS_RANK[c.status];

export const toConsentView = (c: Consent): ConsentView => ({
  id: c.id,
  status: c.status,
  clientId: c.clientId,
  customerId: c.customerId,
  scopes: [...c.scopes],
  accountIds: [...c.accountIds],
  expiresAt: c.expiresAt,
  transactionFromDate: c.transactionFromDate,
  transactionToDate: c.transactionToDate,
  maxAmount: c.maxAmount ? { minor: c.maxAmount.minor.toString(), currency: c.maxAmount.currency } : null,
});

const MISSING_APP: Omit<GatewayApp, 'clientId'> = {
  status: 'deleted',
  revision: 0,
  rateLimitTier: 'standard',
  ipAllowlist: [],
};

export interface Lookup {
  readonly app: GatewayApp;
  readonly consent: ConsentView | undefined;
  readonly tokenRevoked: boolean;
  /** The extra entries asked for, in order (all undefined when the store failed). */
  readonly extra: readonly (Versioned | undefined)[];
  /** The rate-limit count, when buckets were given and the store answered. */
  readonly taken: TakeResult | undefined;
}

/** What else to do in the same store round trip. */
export interface Alongside {
  /** Further entries to read (a route's prefetch). */
  readonly keys?: readonly string[];
  /** Rate-limit buckets to take from. */
  readonly buckets?: readonly Bucket[];
}

const key = {
  consent: (id: string) => `gw:c:${id}`,
  app: (clientId: string) => `gw:a:${clientId}`,
  token: (jti: string) => `gw:j:${jti}`,
};

/**
 * Drops cached copies of the app older than `revision`, from any process (the operator's CLI uses
 * it with Redis; without Redis the app's short cache life bounds the delay).
 */
export async function announceAppChange(
  store: SharedStore,
  clientId: string,
  revision: number,
  ttlMs: number,
) {
  await store.write(key.app(clientId), revision, null, ttlMs);
}

/** Tokens whose look-up keys are kept (forgotten all at once beyond). */
const KEYS_REMEMBERED = 10_000;

export class GatewayViews {
  readonly #store: SharedStore;
  readonly #load: GatewayLoaders;
  readonly #ttl: ViewTtls;
  readonly #onStoreError: (err: unknown) => void;
  readonly #apps = new DecodedValues((text) => Object.freeze(JSON.parse(text)) as GatewayApp);
  readonly #consents = new DecodedValues((text) => Object.freeze(JSON.parse(text)) as ConsentView);
  /**
   * Each token's look-up keys (app, token, consent), by token id: built once, the same strings are
   * hashed once, where building them for every request made hashing them the batch's largest cost.
   */
  readonly #keysOf = new Map<
    string,
    { clientId: string; consentId: string | undefined; keys: readonly string[] }
  >();

  constructor(
    store: SharedStore,
    loaders: GatewayLoaders,
    ttl: ViewTtls,
    onStoreError: (err: unknown) => void,
  ) {
    this.#store = store;
    this.#load = loaders;
    this.#ttl = ttl;
    this.#onStoreError = onStoreError;
  }

  /**
   * The app, the consent (for customer tokens) and whether the token was revoked — with the extra
   * entries and the rate-limit count of `alongside` — in one store round trip.
   */
  async lookup(
    clientId: string,
    consentId: string | undefined,
    jti: string,
    alongside: Alongside = {},
  ): Promise<Lookup> {
    const extraKeys = alongside.keys ?? [];
    let own = this.#keysOf.get(jti);
    if (own?.clientId !== clientId || own.consentId !== consentId) {
      if (this.#keysOf.size >= KEYS_REMEMBERED) this.#keysOf.clear();
      own = {
        clientId,
        consentId,
        keys: [key.app(clientId), key.token(jti), key.consent(consentId ?? '-')],
      };
      this.#keysOf.set(jti, own);
    }
    const keys = extraKeys.length === 0 ? own.keys : [...own.keys, ...extraKeys];
    let cached: (Versioned | undefined)[];
    let taken: TakeResult | undefined;
    try {
      const answer = await this.#store.readAndTake(keys, alongside.buckets ?? []);
      cached = answer.entries;
      if (alongside.buckets?.length) taken = answer.taken;
    } catch (err) {
      this.#onStoreError(err);
      const found = await this.#fromDatabase(clientId, consentId, jti);
      return { ...found, extra: extraKeys.map(() => undefined), taken: undefined };
    }
    const [appEntry, tokenEntry, consentEntry] = cached;
    const [app, consent] = await Promise.all([
      appEntry?.value ? this.#apps.get(appEntry.value) : this.#fillApp(clientId),
      !consentId
        ? undefined
        : consentEntry?.value
          ? this.#consents.get(consentEntry.value)
          : this.#fillConsent(consentId),
    ]);
    return { app, consent, tokenRevoked: tokenEntry !== undefined, extra: cached.slice(3), taken };
  }

  /** A consent changed (revoked, expired…): its new state replaces any cached copy at once. */
  async consentChanged(consent: Consent): Promise<void> {
    await this.#store.write(
      key.consent(consent.id),
      consentVersion(consent),
      JSON.stringify(toConsentView(consent)),
      this.#ttl.consentMs,
    );
  }

  /** An app changed: cached copies older than its current revision are dropped. */
  async appChanged(clientId: string): Promise<void> {
    const app = await this.#load.app(clientId);
    await announceAppChange(this.#store, clientId, app?.revision ?? 0, this.#ttl.appMs);
  }

  /** An access token was revoked: refused from now on, by every process. */
  async tokenRevoked(jti: string): Promise<void> {
    await this.#store.write(key.token(jti), 1, '1', this.#ttl.revokedTokenMs);
  }

  async #fillApp(clientId: string): Promise<GatewayApp> {
    const app = (await this.#load.app(clientId)) ?? { clientId, ...MISSING_APP };
    await this.#store
      .write(key.app(clientId), app.revision, JSON.stringify(app), this.#ttl.appMs)
      .catch(this.#onStoreError);
    return app;
  }

  async #fillConsent(consentId: string): Promise<ConsentView | undefined> {
    const consent = await this.#load.consent(consentId);
    if (!consent) return undefined;
    const view = toConsentView(consent);
    await this.#store
      .write(key.consent(consentId), consentVersion(consent), JSON.stringify(view), this.#ttl.consentMs)
      .catch(this.#onStoreError);
    return view;
  }

  async #fromDatabase(
    clientId: string,
    consentId: string | undefined,
    jti: string,
  ): Promise<Omit<Lookup, 'extra' | 'taken'>> {
    const [app, consent, tokenRevoked] = await Promise.all([
      this.#load.app(clientId),
      consentId ? this.#load.consent(consentId) : undefined,
      this.#load.tokenRevoked(jti),
    ]);
    return {
      app: app ?? { clientId, ...MISSING_APP },
      consent: consent && toConsentView(consent),
      tokenRevoked,
    };
  }
}
