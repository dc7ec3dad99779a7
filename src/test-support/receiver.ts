/**
 * @module Test fixture: a real HTTP webhook receiver on a loopback port (node:http). It records every
 * request (headers, raw body, arrival time) and answers as the test's script says: a status with
 * headers and a body, or `hang` (never answer).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface Received {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly at: number;
  /** `webhook-id` */
  readonly id: string;
  readonly type: string;
}

export type Answer =
  | { readonly status: number; readonly headers?: Record<string, string>; readonly body?: string }
  | 'hang';

/** Decides the answer to a request; `n` counts earlier requests with the same `webhook-id`. */
export type Script = (request: Received, n: number) => Answer;

export class TestReceiver {
  readonly received: Received[] = [];
  script: Script = () => ({ status: 204 });
  readonly #server: Server;
  readonly #port: number;

  private constructor(server: Server, port: number) {
    this.#server = server;
    this.#port = port;
  }

  static async start(): Promise<TestReceiver> {
    let receiver: TestReceiver | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let type = '';
        try {
          type = String((JSON.parse(body) as { type?: unknown }).type ?? '');
        } catch {}
        const id = String(req.headers['webhook-id'] ?? '');
        const r = receiver!;
        const record = { path: req.url ?? '/', headers: req.headers, body, at: Date.now(), id, type };
        const n = r.received.filter((x) => x.id === id).length;
        r.received.push(record);
        const answer = r.script(record, n);
        if (answer === 'hang') return;
        res.writeHead(answer.status, answer.headers ?? {});
        res.end(answer.body ?? '');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    receiver = new TestReceiver(server, (server.address() as { port: number }).port);
    return receiver;
  }

  get port(): number {
    return this.#port;
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${this.#port}${path}`;
  }

  /** The requests to `path` so far. */
  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  /** Waits until `check` holds over the requests received, polling; fails after `ms`. */
  async waitFor(check: (received: readonly Received[]) => boolean, ms = 10_000): Promise<Received[]> {
    const end = Date.now() + ms;
    while (!check(this.received)) {
      if (Date.now() > end) {
        throw new Error(
          `receiver: timed out; got ${this.received.map((r) => `${r.path} ${r.type} ${r.id}`).join(', ')}`,
        );
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.received;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
