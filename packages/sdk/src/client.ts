/**
 * @module The typed API client: openapi-fetch over the generated `paths`, so every path, parameter,
 * body and response is checked by the compiler. A bearer token (or a function that returns a fresh
 * one) is sent on every request; errors come back as RFC 9457 problem documents in `error`.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './generated/openapi.ts';

export type WekezaPaths = paths;
export type WekezaClient = Client<paths>;

export interface ClientOptions {
  /** The platform's address, for example `https://api.wekeza.example` (no trailing `/v1`). */
  readonly baseUrl: string;
  /** A bearer token, or a function that returns the current one (called before every request). */
  readonly token?: string | (() => string | Promise<string>);
  /** Another fetch (tests, proxies). */
  readonly fetch?: typeof fetch;
}

export function createWekezaClient(options: ClientOptions): WekezaClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/$/, ''),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const { token } = options;
  if (token !== undefined) {
    client.use({
      async onRequest({ request }) {
        const value = typeof token === 'function' ? await token() : token;
        request.headers.set('authorization', `Bearer ${value}`);
        return request;
      },
    });
  }
  return client;
}

/** The RFC 9457 problem document every error answer carries. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly request_id?: string;
  readonly errors?: readonly { path: string; message: string }[];
}

/** Thrown by `unwrap` for an error answer; `problem.code` is the stable error code. */
export class WekezaApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(status: number, problem: Problem) {
    super(`${status} ${problem.code}: ${problem.detail}`);
    this.name = 'WekezaApiError';
    this.status = status;
    this.problem = problem;
  }
}

/** The data of a successful answer, or a WekezaApiError: `const accounts = unwrap(await client.GET(…))`. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    throw new WekezaApiError(result.response.status, result.error as Problem);
  }
  return result.data as T;
}
