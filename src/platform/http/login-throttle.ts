/**
 * @module A limit on log-in attempts per client address, over all the log-in routes together: the
 * per-account lockout stops guessing one account's password; this slows one address guessing many
 * accounts. Counted in the shared store (Redis when configured, so it holds across processes); if
 * the store fails, attempts go ahead (the lockout still applies).
 */
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors/index.ts';
import type { SharedStore } from '../store/index.ts';

export interface LoginThrottleOptions {
  readonly store: SharedStore;
  /** The log-in routes, as `METHOD /route/template`. */
  readonly routes: readonly string[];
  readonly perMinute: number;
  readonly onStoreError: (err: unknown) => void;
}

async function loginThrottle(app: FastifyInstance, opts: LoginThrottleOptions): Promise<void> {
  const routes = new Set(opts.routes);
  const throttle: onRequestHookHandler = async (request, reply) => {
    let taken: Awaited<ReturnType<SharedStore['take']>>;
    try {
      taken = await opts.store.take([
        { key: `login:${request.ip}`, limit: opts.perMinute, windowMs: 60_000 },
      ]);
    } catch (err) {
      opts.onStoreError(err);
      return;
    }
    if (taken.allowed) return;
    reply.header(
      'retry-after',
      String(Math.max(1, Math.ceil((taken.buckets[0]?.retryAfterMs ?? 1000) / 1000))),
    );
    throw new AppError('RATE_LIMITED', 'Too many log-in attempts from this address: try again in a minute');
  };
  // Attached to the log-in routes alone, as they are registered: no other request pays for it.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.some((m) => routes.has(`${m} ${route.url}`))) return;
    const existing = route.onRequest;
    route.onRequest = existing
      ? [...(Array.isArray(existing) ? existing : [existing]), throttle]
      : [throttle];
  });
}

/** Not encapsulated: it watches the log-in routes of every module. */
export const loginThrottlePlugin = fp(loginThrottle, { name: 'wekeza-login-throttle' });
