/**
 * @module The dispatcher: a loop that claims due messages (see claim.ts) up to its concurrency,
 * attempts each one (resolve and check the target, sign, send) and records the outcome. It sleeps
 * for the poll interval when there is nothing to do, and is woken at once by new messages in this
 * process and by a retry falling due sooner. `stop()` stops claiming, aborts the attempts in flight
 * (their messages are handed back, due at once, so a restart sends them with the same `webhook-id`)
 * and waits for them.
 */
import { randomUUID } from 'node:crypto';
import { resolveTarget, TargetRefused } from '../platform/index.ts';
import { type ClaimedMessage, claimDue, releaseClaim } from './claim.ts';
import type { WebhooksContext } from './context.ts';
import { PRUNE_INTERVAL_MS } from './defaults.ts';
import { liveSecrets } from './endpoints.ts';
import { prune } from './prune.ts';
import { Recorder } from './recorder.ts';
import { type Agents, type AttemptOutcome, newAgents, sendAttempt } from './send.ts';
import { signatureHeaders } from './signing.ts';
import type { EndpointsTable } from './tables.ts';

const USER_AGENT = 'Wekeza-Webhooks/1.0';

const refused = (reason: string): AttemptOutcome => ({
  statusCode: null,
  latencyMs: 0,
  error: `refused: ${reason}`,
  responseSnippet: null,
  retryAfter: undefined,
  aborted: false,
});

export class Dispatcher {
  readonly #ctx: WebhooksContext;
  readonly #agents: Agents;
  readonly #recorder: Recorder;
  readonly #inflight = new Set<Promise<void>>();
  readonly #timers = new Set<NodeJS.Timeout>();
  #abort = new AbortController();
  #running = false;
  #loop: Promise<void> | undefined;
  #woken = false;
  #wakeUp: (() => void) | undefined;
  #lastPrune = 0;

  readonly #appIsActive: (clientId: string) => Promise<boolean>;

  constructor(ctx: WebhooksContext, appIsActive: (clientId: string) => Promise<boolean> = async () => true) {
    this.#ctx = ctx;
    this.#appIsActive = appIsActive;
    this.#agents = newAgents(ctx.concurrency);
    this.#recorder = new Recorder(ctx);
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#abort = new AbortController();
    this.#loop = this.#run();
  }

  /** New work: look for due messages now rather than at the next poll. */
  wake(): void {
    this.#woken = true;
    const wakeUp = this.#wakeUp;
    this.#wakeUp = undefined;
    wakeUp?.();
  }

  async stop(): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    this.wake();
    await this.#loop;
    this.#abort.abort();
    await Promise.allSettled([...this.#inflight]);
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#agents.destroy();
  }

  async #run(): Promise<void> {
    const ctx = this.#ctx;
    while (this.#running) {
      this.#woken = false;
      const free = ctx.concurrency - this.#inflight.size;
      // Claims are writes: under load, claim a quarter of the slots at a time rather than one by one.
      const worthIt = free >= Math.max(1, Math.floor(ctx.concurrency / 4)) || this.#inflight.size === 0;
      let claimed = 0;
      if (free > 0 && worthIt) {
        try {
          const batch = await claimDue(ctx, free, randomUUID());
          claimed = batch.length;
          if (batch.length > 0) await this.#launch(batch);
        } catch (err) {
          ctx.log.error({ err }, 'webhooks: claiming due messages failed');
        }
      }
      this.#maybePrune();
      // A full batch means there may be more due; otherwise wait for work or the next poll.
      if (this.#running && !(claimed > 0 && claimed === free) && !this.#woken) {
        await this.#sleep(ctx.policy.pollIntervalMs);
      }
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#wakeUp = undefined;
        resolve();
      }, ms);
      timer.unref();
      this.#wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Wakes the loop when a retry falls due before the next poll would find it. */
  #wakeAt(time: number): void {
    const delay = time - this.#ctx.now().getTime();
    if (delay >= this.#ctx.policy.pollIntervalMs) return;
    const timer = setTimeout(
      () => {
        this.#timers.delete(timer);
        this.wake();
      },
      Math.max(0, delay),
    );
    timer.unref();
    this.#timers.add(timer);
  }

  #track(work: Promise<void>): void {
    const tracked = work.finally(() => {
      this.#inflight.delete(tracked);
      this.wake();
    });
    this.#inflight.add(tracked);
  }

  async #launch(batch: readonly ClaimedMessage[]): Promise<void> {
    const ids = [...new Set(batch.map((m) => m.endpoint_id))];
    const endpoints = new Map(
      (await this.#ctx.db.selectFrom('endpoints').selectAll().where('id', 'in', ids).execute()).map((e) => [
        e.id,
        e,
      ]),
    );
    for (const message of batch) {
      this.#track(
        this.#deliver(message, endpoints.get(message.endpoint_id)).catch((err) =>
          this.#ctx.log.error({ err, message_id: message.id }, 'webhooks: recording an attempt failed'),
        ),
      );
    }
  }

  async #deliver(message: ClaimedMessage, endpoint: EndpointsTable | undefined): Promise<void> {
    const ctx = this.#ctx;
    if (
      !endpoint ||
      endpoint.deleted_at !== null ||
      endpoint.status !== 'enabled' ||
      !(await this.#appIsActive(endpoint.client_id))
    ) {
      // Disabled or deleted since the message was claimed, or its app suspended: it will not be sent.
      const at = ctx.now().toISOString();
      await ctx.db
        .updateTable('messages')
        .set({ status: 'cancelled', next_attempt_at: null, claimed_by: null, updated_at: at })
        .where('id', '=', message.id)
        .where('claimed_by', '=', message.claimed_by)
        .execute();
      return;
    }
    const attemptedAt = ctx.now();
    let outcome: AttemptOutcome;
    try {
      const target = await resolveTarget(endpoint.url, { sandbox: ctx.sandbox, lookup: ctx.policy.lookup });
      outcome = await sendAttempt(
        {
          target,
          headers: {
            'content-type': 'application/json',
            'user-agent': USER_AGENT,
            ...signatureHeaders(
              message.id,
              attemptedAt,
              message.payload,
              liveSecrets(ctx, endpoint, attemptedAt),
            ),
          },
          body: message.payload,
          timeoutMs: ctx.policy.timeoutMs,
          signal: this.#abort.signal,
        },
        this.#agents,
      );
    } catch (err) {
      if (!(err instanceof TargetRefused)) throw err;
      outcome = refused(err.message);
    }
    if (outcome.aborted) {
      await releaseClaim(ctx, message);
      return;
    }
    const recorded = await this.#recorder.record({ message, endpoint, outcome, attemptedAt });
    if (recorded.nextAttemptAt !== undefined) this.#wakeAt(recorded.nextAttemptAt);
    if (recorded.notification) {
      ctx.log.warn(
        { client_id: endpoint.client_id, endpoint_id: endpoint.id, type: recorded.notification.type },
        recorded.notification.message,
      );
    }
  }

  #maybePrune(): void {
    const now = Date.now();
    if (now - this.#lastPrune < PRUNE_INTERVAL_MS) return;
    this.#lastPrune = now;
    this.#track(prune(this.#ctx).catch((err) => this.#ctx.log.error({ err }, 'webhooks: pruning failed')));
  }
}
