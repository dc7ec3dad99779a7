/**
 * @module The history generator: day by day over the span, the scheduled events plus enough everyday
 * transactions to track `transactions × day / days`, booked in strictly increasing time. Lazy (one
 * day in memory at a time), so a million transactions stream through it. The last transactions (one
 * per customer) leave each customer's main KES account with at least `MAIN_ACCOUNT_FLOOR`, so that
 * every sandbox customer can make payments.
 */
import { DAY_MS, dayWindow, type HistorySpan, kesPerUsd } from './calendar.ts';
import { type Move, makeMove } from './moves.ts';
import { createPrng, deriveSeed, type Prng } from './prng.ts';
import { bookMove, type SeedRow } from './rows.ts';
import { scheduledFor } from './schedule.ts';
import { ownAccount, pickWeighted, type ResolvedFlow, type SimAccount, type World } from './world.ts';

export interface HistoryOptions {
  readonly transactions: number;
  readonly seed: number;
  readonly span: HistorySpan;
  /** No booking lands after this instant. */
  readonly nowMs: number;
}

interface Slot {
  readonly time: number;
  readonly account: SimAccount;
  readonly build: (() => Move | null) | null;
}

/** What every customer's main KES account holds at least after seeding: KES 100,000. */
export const MAIN_ACCOUNT_FLOOR = 100_000_00n;
const TOP_UP_STEP = 100_00n;

/** Each customer's main KES account: the first KES current account of their plan. */
export const mainAccounts = (world: World): SimAccount[] =>
  world.customers.flatMap((c) => {
    const main = ownAccount(c, 'current', 'KES');
    return main ? [main] : [];
  });

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** A log-uniform amount in the flow's range, rounded to its step, scaled by `factor`. */
function drawAmount(rng: Prng, r: ResolvedFlow, factor: number): bigint {
  const { min, max, step } = r.flow;
  const x = min * (max / min) ** rng.next() * factor;
  return BigInt(Math.max(step, Math.round(x / step) * step));
}

function flowMove(
  world: World,
  rng: Prng,
  account: SimAccount,
  r: ResolvedFlow,
  factor: number,
  rate: bigint,
) {
  const { flow, counter } = r;
  const party = flow.party?.(rng);
  const from = flow.direction === 'out' ? account : counter;
  const to = flow.direction === 'out' ? counter : account;
  return makeMove(
    world,
    from,
    to,
    drawAmount(rng, r, factor),
    {
      description:
        party?.description ??
        (flow.direction === 'out' ? 'Transfer to own account' : 'Transfer from own account'),
      ...(party ? { counterparty: party.counterparty } : {}),
      ...(party?.merchant ? { merchant: party.merchant } : {}),
      category: flow.category,
      ...(flow.flexible
        ? { flexible: { step: BigInt(flow.step), minimum: BigInt(Math.ceil(flow.min / 4)) } }
        : {}),
    },
    rate,
  );
}

/**
 * An everyday transaction on `account`. The richer the account relative to the balance its owner
 * likes to keep, the likelier (and larger) a payment; a surplus is swept to savings; when nothing
 * affordable comes up, money comes in — so every slot books exactly one entry.
 */
function everyday(world: World, rng: Prng, account: SimAccount, rate: bigint): Move {
  const comfort = Number(account.plan!.comfort);
  const ratio = Number(account.balance) / comfort;
  if (ratio > 2.5 && account.type === 'current' && rng.chance(0.3)) {
    const savings = ownAccount(account.customer!, 'savings', account.currency);
    if (savings && savings.balance < 4n * savings.plan!.comfort) {
      const surplus = ((account.balance - account.plan!.comfort) / 100_00n) * 100_00n;
      const sweep = makeMove(
        world,
        account,
        savings,
        surplus,
        { description: 'Sweep to savings', category: 'transfer' },
        rate,
      );
      if (sweep) return sweep;
    }
  }
  const pOut =
    account.type === 'savings' ? clamp(0.15 + 0.35 * ratio, 0.15, 0.9) : clamp(0.3 + 0.5 * ratio, 0.3, 0.97);
  if (rng.chance(pOut)) {
    const r = pickWeighted(rng, account.outs);
    const move = r && flowMove(world, rng, account, r, ratio > 1.5 ? Math.min(ratio / 1.5, 4) : 1, rate);
    if (move) return move;
  } else {
    const r = pickWeighted(rng, account.ins);
    const move = r && flowMove(world, rng, account, r, 1, rate);
    if (move) return move;
  }
  const r = pickWeighted(rng, account.fallbacks)!;
  return flowMove(world, rng, account, r, 1, rate)!;
}

/**
 * The closing transaction of a main account: sandbox test funds up to the floor when it is below it,
 * else an ordinary inflow (so the count of transactions stays exact and the balance only rises).
 */
function closing(world: World, rng: Prng, account: SimAccount, rate: bigint): Move {
  if (account.balance < MAIN_ACCOUNT_FLOOR) {
    const missing = MAIN_ACCOUNT_FLOOR - account.balance;
    const amount = ((missing + TOP_UP_STEP - 1n) / TOP_UP_STEP) * TOP_UP_STEP;
    return makeMove(
      world,
      world.internal('settlement', account.currency),
      account,
      amount,
      { description: 'Sandbox test funds', counterparty: 'Wekeza Bank', category: 'transfer' },
      rate,
    )!;
  }
  return flowMove(world, rng, account, pickWeighted(rng, account.fallbacks)!, 1, rate)!;
}

/** Yields the seeded entries in booking order, updating the world's balances as it goes. */
export function* generateHistory(world: World, options: HistoryOptions): Generator<SeedRow> {
  const rng = createPrng(deriveSeed(options.seed, 'history'));
  const { span } = options;
  const mains = mainAccounts(world).slice(0, options.transactions);
  // The last transactions are the main accounts' closing ones.
  const total = options.transactions - mains.length;
  let emitted = 0;
  let lastTime = 0;
  for (let day = 0; day < span.days && emitted < total; day++) {
    const dayMs = span.startMs + day * DAY_MS;
    const window = dayWindow(dayMs, options.nowMs);
    const rate = kesPerUsd(dayMs);
    const target = Math.floor((total * (day + 1)) / span.days);
    const slots: Slot[] = scheduledFor(world, day, dayMs, rng)
      .slice(0, total - emitted)
      .map((s) => ({
        time: window.start + Math.floor(s.at * window.length),
        account: s.account,
        build: s.build,
      }));
    const everydayCount = Math.max(0, target - emitted - slots.length);
    for (let i = 0; i < everydayCount; i++) {
      const time = window.start + Math.floor(rng.next() * window.length);
      slots.push({ time, account: pickWeighted(rng, world.slots)!, build: null });
    }
    slots.sort((a, b) => a.time - b.time);
    for (const slot of slots) {
      const time = Math.max(slot.time, lastTime + 1);
      lastTime = time;
      const move = slot.build?.() ?? everyday(world, rng, slot.account, rate);
      emitted++;
      yield bookMove(move, `seed:${options.seed}:${emitted}`, time, rng);
    }
  }
  const lastDayMs = span.startMs + (span.days - 1) * DAY_MS;
  for (const account of mains) {
    const time = Math.max(lastTime + 1, dayWindow(span.startMs, options.nowMs).start);
    lastTime = time;
    const move = closing(world, rng, account, kesPerUsd(lastDayMs));
    emitted++;
    yield bookMove(move, `seed:${options.seed}:${emitted}`, time, rng);
  }
}
