/**
 * @module Group commit for attempt records: outcomes that finish while a commit is under way are
 * recorded together in the next transaction (one commit, one fsync, for up to 64 attempts), in
 * endpoint order so that concurrent dispatchers lock endpoint rows in the same order. Should a batch
 * fail, its records are retried one transaction each, so one bad record cannot sink the others.
 */
import type { WebhooksContext } from './context.ts';
import { type AttemptRecord, type Recorded, recordAttempt } from './record.ts';

const MAX_BATCH = 64;

interface Waiting {
  readonly record: AttemptRecord;
  resolve(recorded: Recorded): void;
  reject(err: unknown): void;
}

export class Recorder {
  readonly #ctx: WebhooksContext;
  #queue: Waiting[] = [];
  #flushing: Promise<void> | undefined;

  constructor(ctx: WebhooksContext) {
    this.#ctx = ctx;
  }

  record(record: AttemptRecord): Promise<Recorded> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ record, resolve, reject });
      this.#flushing ??= this.#flush().finally(() => {
        this.#flushing = undefined;
      });
    });
  }

  async #flush(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, MAX_BATCH);
      batch.sort((x, y) => (x.record.endpoint.id < y.record.endpoint.id ? -1 : 1));
      try {
        const results = await this.#ctx.db.transaction().execute(async (trx) => {
          const out: Recorded[] = [];
          for (const w of batch) out.push(await recordAttempt(this.#ctx, trx, w.record));
          return out;
        });
        for (const [i, w] of batch.entries()) w.resolve(results[i]!);
      } catch {
        for (const w of batch) {
          await this.#ctx.db
            .transaction()
            .execute((trx) => recordAttempt(this.#ctx, trx, w.record))
            .then(w.resolve, w.reject);
        }
      }
    }
  }
}
