/**
 * @module Reading and writing payments. Every status change is one transaction: the payment row
 * (moved only from the phase the writer saw, so two processes cannot both move it), its history
 * entry, and its event in the outbox.
 */
import type { Kysely, Transaction } from 'kysely';
import type { LedgerGuard } from '../core-banking/index.ts';
import { appendEvents, insertRows } from '../platform/index.ts';
import type { PaymentsContext } from './context.ts';
import { toPaymentDto } from './dto.ts';
import { fromRow, type HistoryRow, toHistoryRow, toRow } from './mappers.ts';
import { type PaymentsTable, type PaymentsTables, SCHEMA } from './tables.ts';
import type { IsoStatus, Payment, PaymentStatus, Phase, ReasonCode, StatusChange } from './types.ts';

export type Tx = Transaction<PaymentsTables>;

export type PaymentEvent =
  | 'payment.created'
  | 'payment.completed'
  | 'payment.rejected'
  | 'payment.under_review';

export const EVENT_OF: Readonly<Partial<Record<PaymentStatus, PaymentEvent>>> = {
  completed: 'payment.completed',
  rejected: 'payment.rejected',
  under_review: 'payment.under_review',
};

const eventOf = (ctx: PaymentsContext, type: PaymentEvent, p: Payment) => ({
  type,
  subject: `payments/${p.id}`,
  aggregate: p.id,
  clientId: p.clientId,
  data: toPaymentDto(p, ctx.settings.publicUrl),
});

/** Inserts new payments with their histories, writes their events (as of each change), in `trx`. */
export async function insertPayments(
  ctx: PaymentsContext,
  trx: Kysely<PaymentsTables>,
  payments: readonly Payment[],
  at: Date,
): Promise<void> {
  await insertRows(trx, 'payments', payments.map(toRow));
  await insertRows(
    trx,
    'payment_history',
    payments.flatMap((p) => p.history.map((h) => toHistoryRow(p.id, h))),
  );
  // One event per change: `payment.created` shows the payment as first recorded.
  const events = payments.flatMap((p) =>
    p.history.map((h, i) => {
      const asOf: Payment = {
        ...p,
        status: h.to,
        isoStatus: h.isoStatus,
        history: p.history.slice(0, i + 1),
      };
      return eventOf(ctx, i === 0 ? 'payment.created' : EVENT_OF[h.to]!, i === 0 ? asOf : p);
    }),
  );
  await appendEvents(trx, events, at);
}

/** Inserts a new payment with its history, writes its events (as of each change), in `trx`. */
export const insertPayment = (ctx: PaymentsContext, trx: Tx, p: Payment): Promise<void> =>
  insertPayments(ctx, trx, [p], new Date(Date.parse(p.updatedAt)));

export interface Change {
  readonly phase: Phase;
  readonly patch?: Partial<Omit<Payment, 'id' | 'history' | 'phase'>>;
  /** A status change: recorded in the history with this reason, and announced as an event. */
  readonly status?: { to: PaymentStatus; reasonCode?: ReasonCode; reason: string; actor: string };
}

/**
 * Moves the payment from the phase it is in to `change.phase`, in one transaction with its history
 * entry and event. Undefined when the payment was no longer in that phase (another process moved it).
 */
export async function transition(
  ctx: PaymentsContext,
  p: Payment,
  change: Change,
  isoOf: (status: PaymentStatus, phase: Phase) => IsoStatus,
): Promise<Payment | undefined> {
  const at = new Date(ctx.now()).toISOString();
  const status = change.status?.to ?? p.status;
  const history: StatusChange[] = change.status
    ? [
        ...p.history,
        {
          at,
          from: p.status,
          to: change.status.to,
          isoStatus: isoOf(change.status.to, change.phase),
          reasonCode: change.status.reasonCode ?? null,
          reason: change.status.reason,
          actor: change.status.actor,
        },
      ]
    : [...p.history];
  const reasonCode = change.status?.reasonCode;
  const next: Payment = {
    ...p,
    ...change.patch,
    ...(reasonCode ? { reasonCode, reason: change.status!.reason } : {}),
    phase: change.phase,
    status,
    isoStatus: isoOf(status, change.phase),
    updatedAt: at,
    history,
  };
  const moved = await ctx.db.transaction().execute(async (trx) => {
    const { id: _id, created_at: _created, ...row } = toRow(next);
    const result = await trx
      .updateTable('payments')
      .set(row)
      .where('id', '=', p.id)
      .where('phase', '=', p.phase)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    if (change.status) {
      await trx
        .insertInto('payment_history')
        .values(toHistoryRow(p.id, history.at(-1)!))
        .execute();
      await appendEvents(trx, [eventOf(ctx, EVENT_OF[change.status.to]!, next)], new Date(Date.parse(at)));
    }
    return true;
  });
  return moved ? next : undefined;
}

export async function loadPayment(ctx: PaymentsContext, id: string): Promise<Payment | undefined> {
  const row = await ctx.db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const history = await ctx.db
    .selectFrom('payment_history')
    .selectAll()
    .where('payment_id', '=', id)
    .orderBy('id')
    .execute();
  return fromRow(row, history);
}

/** Payments with their histories, for a page of rows. */
export async function withHistories(
  ctx: PaymentsContext,
  rows: readonly PaymentsTable[],
): Promise<Payment[]> {
  if (rows.length === 0) return [];
  const history = await ctx.db
    .selectFrom('payment_history')
    .selectAll()
    .where(
      'payment_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('id')
    .execute();
  const byPayment = new Map<string, HistoryRow[]>();
  for (const h of history) {
    const list = byPayment.get(h.payment_id) ?? [];
    list.push(h);
    byPayment.set(h.payment_id, list);
  }
  return rows.map((r) => fromRow(r, byPayment.get(r.id) ?? []));
}

/**
 * Takes over an in-flight payment whose lease ran out (its process crashed or stalled): the first
 * process to move the lease owns it. Returns the payment as claimed, or undefined.
 */
export async function claim(ctx: PaymentsContext, p: Payment): Promise<Payment | undefined> {
  const now = ctx.now();
  const nowIso = new Date(now).toISOString();
  const leaseUntil = new Date(now + ctx.settings.leaseMs).toISOString();
  const result = await ctx.db
    .updateTable('payments')
    .set({ lease_until: leaseUntil })
    .where('id', '=', p.id)
    .where('phase', '=', p.phase)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', nowIso)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? { ...p, leaseUntil } : undefined;
}

export const leaseExpired = (ctx: PaymentsContext, p: Payment): boolean =>
  p.leaseUntil === null || Date.parse(p.leaseUntil) < ctx.now();

/** Thrown inside a bank step when the payment is no longer this process's: nothing was posted. */
export class LeaseLost extends Error {
  constructor(id: string) {
    super(`Payment ${id} was taken over by another process`);
  }
}

/**
 * The fence of a bank step (core banking runs it first in the step's transaction): the payment is
 * still in the phase and under the lease this process holds. A process that stalled past its lease
 * (a pause, a wait for a connection) while another took the payment over and decided it cannot then
 * place or capture its holds; on PostgreSQL the row is share-locked until the step commits, so the
 * takeover waits for the step rather than racing it.
 */
export function ownedBy(ctx: PaymentsContext, p: Payment): LedgerGuard {
  return async (inTransaction) => {
    let q = inTransaction<PaymentsTables>(SCHEMA)
      .selectFrom('payments')
      .select('id')
      .where('id', '=', p.id)
      .where('phase', '=', p.phase);
    q =
      p.leaseUntil === null ? q.where('lease_until', 'is', null) : q.where('lease_until', '=', p.leaseUntil);
    if (ctx.database.kind === 'postgres') q = q.forShare();
    if (!(await q.executeTakeFirst())) throw new LeaseLost(p.id);
  };
}
