/**
 * @module The payments service for one process: initiation with idempotency, the customer's and
 * the operator's reads, operator reviews, and the recovery sweep (at start and periodically).
 */
import { LRUCache } from 'lru-cache';
import type { Account } from '../core-banking/index.ts';
import type { CustomerAccess } from '../gateway/index.ts';
import { AppError } from '../platform/index.ts';
import type { StoredDecision } from '../risk/index.ts';
import type { PaymentsContext, PaymentsDeps } from './context.ts';
import { type PaymentDto, toPaymentDto } from './dto.ts';
import { type Initiated, Initiator } from './initiate.ts';
import { sweep } from './recovery.ts';
import { type ReviewDecision, review } from './review.ts';
import { loadPayment, withHistories } from './store.ts';
import { type PaymentsTables, SCHEMA } from './tables.ts';
import type { Payment, PaymentPage, PaymentRequest, PaymentStatus } from './types.ts';

export interface ListQuery {
  readonly status?: PaymentStatus;
  readonly cursor?: string;
  readonly limit: number;
}

export interface PaymentService {
  initiate(access: CustomerAccess, key: string, body: PaymentRequest): Promise<Initiated>;
  /** A payment of this app under this consent. */
  get(access: CustomerAccess, id: string): Promise<Payment>;
  /** The payments of this app under this consent, newest first. */
  list(access: CustomerAccess, query: ListQuery): Promise<PaymentPage>;
  /** Operator: any payment. */
  find(id: string): Promise<Payment>;
  /** Operator: all payments, newest first (the review queue with `under_review`). */
  listAll(query: ListQuery): Promise<PaymentPage>;
  review(id: string, decision: ReviewDecision, operator: string, note?: string): Promise<Payment>;
  decisionOf(paymentId: string): Promise<StoredDecision>;
  /** Finishes interrupted payments now; returns how many. */
  recover(): Promise<number>;
  /** Starts the periodic recovery sweep (the first one at once). */
  start(): void;
  close(): Promise<void>;
  toDto(payment: Payment): PaymentDto;
}

/** How long shutdown waits for payments in progress; whatever is left, the recovery sweep finishes. */
const CLOSE_GRACE_MS = 5000;

const encodeCursor = (id: string) => Buffer.from(id).toString('base64url');

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString();
  if (!/^pay_[0-9A-HJKMNP-TV-Z]{26}$/.test(id)) {
    throw new AppError('INVALID_CURSOR', 'The cursor is not one this API issued', {
      errors: [{ path: '/query/cursor', message: 'is not a cursor this API issued' }],
    });
  }
  return id;
}

export function createPaymentService(deps: PaymentsDeps): PaymentService {
  const internal = new Map<string, Promise<string>>();
  const byNumber = new LRUCache<string, Account>({ max: 10_000, ttl: 60_000 });
  const ctx: PaymentsContext = {
    ...deps,
    db: deps.database.schema<PaymentsTables>(SCHEMA),
    now: deps.now ?? Date.now,
    log: deps.log ?? (() => {}),
    internalAccountId: (type, currency) => {
      const key = `${type}:${currency}`;
      let id = internal.get(key);
      if (!id) {
        id = deps.bank.internalAccount(type, currency).then((a) => a.id);
        id.catch(() => internal.delete(key));
        internal.set(key, id);
      }
      return id;
    },
    accountByNumber: async (accountNumber) => {
      const cached = byNumber.get(accountNumber);
      if (cached) return cached;
      const account = await deps.bank.findAccountByNumber(accountNumber);
      if (account) byNumber.set(accountNumber, account);
      return account;
    },
  };
  const initiator = new Initiator(ctx);
  /** Work under way in this process: shutdown waits for it, so that it is not left to recovery. */
  const inProgress = new Set<Promise<unknown>>();
  const tracked = <T>(work: Promise<T>): Promise<T> => {
    inProgress.add(work);
    work.then(
      () => inProgress.delete(work),
      () => inProgress.delete(work),
    );
    return work;
  };
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<unknown> | undefined;
  /** One sweep at a time in this process. */
  const runSweep = () => {
    sweeping ??= sweep(ctx)
      .catch((err) => ctx.log(err, 'payments recovery sweep failed'))
      .finally(() => {
        sweeping = undefined;
      });
    return sweeping;
  };

  async function page(
    filter: { clientId?: string; consentId?: string },
    query: ListQuery,
  ): Promise<PaymentPage> {
    let q = ctx.db.selectFrom('payments').selectAll();
    if (filter.clientId) q = q.where('client_id', '=', filter.clientId);
    if (filter.consentId) q = q.where('consent_id', '=', filter.consentId);
    if (query.status) q = q.where('status', '=', query.status);
    if (query.cursor) q = q.where('id', '<', decodeCursor(query.cursor));
    const rows = await q
      .orderBy('id', 'desc')
      .limit(query.limit + 1)
      .execute();
    const more = rows.length > query.limit;
    const data = await withHistories(ctx, rows.slice(0, query.limit));
    return { data, nextCursor: more ? encodeCursor(data.at(-1)!.id) : null };
  }

  const find = async (id: string) => {
    const payment = await loadPayment(ctx, id);
    if (!payment) throw new AppError('PAYMENT_NOT_FOUND', `Payment ${id} does not exist`);
    return payment;
  };

  return {
    initiate: (access, key, body) => tracked(initiator.initiate(access, key, body)),
    async get(access, id) {
      const payment = await loadPayment(ctx, id);
      // Another app's or another consent's payment is not found: ids cannot be probed.
      if (!payment || payment.clientId !== access.clientId || payment.consentId !== access.consent.id) {
        throw new AppError('PAYMENT_NOT_FOUND', `Payment ${id} does not exist`);
      }
      return payment;
    },
    list: (access, query) => page({ clientId: access.clientId, consentId: access.consent.id }, query),
    find,
    listAll: (query) => page({}, query),
    review: (id, decision, operator, note) => tracked(review(ctx, id, decision, operator, note ?? null)),
    decisionOf: async (paymentId) => {
      await find(paymentId);
      return deps.risk.decision({ paymentId });
    },
    recover: () => sweep(ctx),
    start() {
      if (timer) return;
      void runSweep();
      timer = setInterval(() => void runSweep(), Math.max(1000, Math.floor(deps.settings.leaseMs / 3)));
      timer.unref();
    },
    /** Stops the sweep and lets the payments in progress finish (a few seconds at most). */
    async close() {
      if (timer) clearInterval(timer);
      timer = undefined;
      const settled = Promise.allSettled([sweeping, ...inProgress]);
      await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref())]);
    },
    toDto: (payment) => toPaymentDto(payment, deps.settings.publicUrl),
  };
}
