/**
 * @module One delivery attempt over HTTP: POST to the checked addresses only (the pinned look-up
 * never resolves again; TLS still verifies the certificate for the host name), redirects not followed,
 * the whole exchange bounded by the timeout, at most 4 KiB of the response read. Never throws: the
 * outcome is data for the delivery log. Keep-alive agents reuse connections between attempts.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import type { Target } from '../platform/index.ts';
import { RESPONSE_SNIPPET_BYTES } from './defaults.ts';

export interface AttemptOutcome {
  /** Null when no answer came (refused, unreachable, timed out). */
  readonly statusCode: number | null;
  readonly latencyMs: number;
  /** What went wrong on the way (not set for a non-2xx answer). */
  readonly error: string | null;
  readonly responseSnippet: string | null;
  readonly retryAfter: string | undefined;
  /** Stopped by shutdown: not an attempt the receiver can be blamed for. */
  readonly aborted: boolean;
}

export const succeeded = (o: AttemptOutcome): boolean =>
  o.error === null && o.statusCode !== null && o.statusCode >= 200 && o.statusCode < 300;

export interface Agents {
  readonly http: http.Agent;
  readonly https: https.Agent;
  destroy(): void;
}

export function newAgents(maxSockets: number): Agents {
  const options = { keepAlive: true, maxSockets, timeout: 60_000 };
  const agents = { http: new http.Agent(options), https: new https.Agent(options) };
  return {
    ...agents,
    destroy() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

export interface AttemptRequest {
  readonly target: Target;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
}

const describe = (err: unknown): string => {
  const e = err as { code?: unknown; message?: unknown };
  const message = String(e?.message ?? err).slice(0, 300);
  return typeof e?.code === 'string' && !message.includes(e.code) ? `${e.code}: ${message}` : message;
};

export function sendAttempt(request: AttemptRequest, agents: Agents): Promise<AttemptOutcome> {
  const { target, timeoutMs, signal } = request;
  const started = performance.now();
  const secure = target.url.protocol === 'https:';
  const addresses = target.addresses;
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all)
      callback(
        null,
        addresses.map((a) => ({ address: a.address, family: a.family })),
      );
    else callback(null, addresses[0]?.address ?? '', addresses[0]?.family ?? 4);
  };
  return new Promise((resolve) => {
    let settled = false;
    let failure: string | null = null;
    let aborted = false;
    const finish = (outcome: Omit<AttemptOutcome, 'latencyMs' | 'aborted'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve({ ...outcome, latencyMs: Math.round(performance.now() - started), aborted });
    };
    const req = (secure ? https : http).request({
      method: 'POST',
      protocol: target.url.protocol,
      hostname: target.hostname,
      port: target.url.port || undefined,
      path: `${target.url.pathname}${target.url.search}`,
      headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
      agent: secure ? agents.https : agents.http,
      lookup: isIP(target.hostname) === 0 ? pinned : undefined,
    });
    const stop = (why: string) => {
      failure ??= why;
      req.destroy(new Error(why));
    };
    const timer = setTimeout(() => stop(`timed out after ${timeoutMs} ms`), timeoutMs);
    const onAbort = () => {
      aborted = true;
      stop('stopped by shutdown');
    };
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });

    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () =>
        finish({
          statusCode: res.statusCode ?? null,
          error: failure,
          responseSnippet: chunks.length > 0 ? Buffer.concat(chunks).toString('utf8') : null,
          retryAfter: [res.headers['retry-after']].flat()[0],
        });
      res.on('data', (chunk: Buffer) => {
        if (size < RESPONSE_SNIPPET_BYTES) chunks.push(chunk.subarray(0, RESPONSE_SNIPPET_BYTES - size));
        size += chunk.length;
        // Enough read: the rest is not wanted (the connection is not reused).
        if (size >= RESPONSE_SNIPPET_BYTES) {
          res.destroy();
          done();
        }
      });
      res.on('end', done);
      res.on('close', done);
      res.on('error', done);
    });
    req.on('error', (err) =>
      finish({
        statusCode: null,
        error: failure ?? describe(err),
        responseSnippet: null,
        retryAfter: undefined,
      }),
    );
    req.end(request.body);
  });
}
