/**
 * @module Decoded store values, remembered by their text: the same cached entry (an app, a consent,
 * an account) is read on request after request, and decoding it each time costs more than looking
 * its text up. Values are shared between requests, so they must be treated as immutable. Bounded:
 * the memory is dropped whole when it fills.
 */

export class DecodedValues<T> {
  readonly #decode: (text: string) => T;
  readonly #max: number;
  #values = new Map<string, T>();

  constructor(decode: (text: string) => T, max = 2000) {
    this.#decode = decode;
    this.#max = max;
  }

  get(text: string): T {
    const known = this.#values.get(text);
    if (known !== undefined) return known;
    const value = this.#decode(text);
    if (this.#values.size >= this.#max) this.#values = new Map();
    this.#values.set(text, value);
    return value;
  }
}
