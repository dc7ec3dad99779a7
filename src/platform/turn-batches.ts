/**
 * @module Calls made in the same turn of the event loop (the requests read from the sockets
 * together), run together after it: one round trip for several requests instead of one each. A call
 * is run after it is made, so it sees every write finished before it. At most `max` calls go in one
 * run; a run that throws rejects each of its calls.
 */

/** A call waiting for its run: the run answers it, or it is rejected with the run's failure. */
export interface TurnCall {
  reject(err: unknown): void;
}

export class TurnBatches<C extends TurnCall> {
  readonly #max: number;
  readonly #run: (calls: readonly C[]) => Promise<void>;
  #pending: C[] = [];

  constructor(max: number, run: (calls: readonly C[]) => Promise<void>) {
    this.#max = max;
    this.#run = run;
  }

  /** Queues a call for the run after this turn. */
  add(call: C): void {
    if (this.#pending.length === 0) setImmediate(() => this.#send());
    this.#pending.push(call);
  }

  #send(): void {
    const pending = this.#pending;
    this.#pending = [];
    for (let i = 0; i < pending.length; i += this.#max) {
      const calls = pending.slice(i, i + this.#max);
      this.#run(calls).catch((err: unknown) => {
        for (const call of calls) call.reject(err);
      });
    }
  }
}
