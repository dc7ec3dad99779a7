/**
 * @module The shared RabbitMQ connection (when `AMQP_URL` is set), opened lazily and re-opened
 * after it drops. The event bus builds on it; `/readyz` checks it.
 */
import amqp from 'amqplib';

type Connection = Awaited<ReturnType<typeof amqp.connect>>;

export class AmqpConnection {
  readonly #url: string;
  #connection: Promise<Connection> | undefined;
  #closed = false;

  constructor(url: string) {
    this.#url = url;
  }

  /** The open connection, connecting first if there is none. */
  async get(): Promise<Connection> {
    if (this.#closed) throw new Error('AMQP connection closed');
    if (!this.#connection) {
      const pending = amqp.connect(this.#url, { timeout: 2000 }).then((conn) => {
        conn.on('error', () => {});
        conn.on('close', () => {
          if (this.#connection === pending) this.#connection = undefined;
        });
        return conn;
      });
      pending.catch(() => {
        if (this.#connection === pending) this.#connection = undefined;
      });
      this.#connection = pending;
    }
    return this.#connection;
  }

  async close(): Promise<void> {
    this.#closed = true;
    const pending = this.#connection;
    this.#connection = undefined;
    if (pending) await (await pending.catch(() => undefined))?.close().catch(() => {});
  }
}
