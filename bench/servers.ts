/**
 * @module Starts a benchmark server in its own process and waits until it answers: `bare` (plain
 * Fastify, bench/serve.ts) or `wekeza` (the real `wekeza start`, with its own worker processes,
 * logging at `info` as in production, into /dev/null).
 */
import { type ChildProcess, fork, spawnSync } from 'node:child_process';
import { freePort } from '../src/test-support/server.ts';
import { measure, type Report } from './report.ts';

export interface Server {
  readonly url: string;
  /** The server's process (with several workers, their primary). */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => child.once('exit', () => resolve()));

export async function serve(
  kind: 'bare' | 'wekeza',
  databaseUrl: string,
  workers = 1,
  env: Record<string, string> = {},
): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child =
    kind === 'bare'
      ? fork(new URL('./serve.ts', import.meta.url), [String(port)], { stdio: 'inherit' })
      : fork(new URL('../bin/wekeza.js', import.meta.url), ['start'], {
          // Logs at the production level go to /dev/null: their cost is measured, not their display.
          stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
          env: {
            ...process.env,
            LOG_LEVEL: 'info',
            // Several workers share caches and rate limits through Redis.
            ...(workers > 1 ? { REDIS_URL: 'redis://127.0.0.1:6379' } : {}),
            ...env,
            DATABASE_URL: databaseUrl,
            WEKEZA_SANDBOX: 'true',
            WEKEZA_WORKERS: String(workers),
            PORT: String(port),
            PUBLIC_URL: url,
          },
        });
  const gone = exited(child);
  for (let i = 0; i < 300; i++) {
    const up = await fetch(`${url}/livez`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) {
      // Give every worker a moment to listen too.
      await new Promise((r) => setTimeout(r, workers > 1 ? 1500 : 0));
      return {
        url,
        pid: child.pid,
        stop: async () => {
          child.kill('SIGTERM');
          await gone;
        },
      };
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${kind} server did not start`);
}

export const BASELINE = 'bare Fastify GET /livez (baseline)';

/** The bare Fastify constant route, measured first in every HTTP bench: the row the others are compared with. */
export async function measureBaseline(
  report: Report,
  options: { readonly duration: number; readonly connections: number },
): Promise<void> {
  const bare = await serve('bare', 'sqlite::memory:');
  try {
    report.add(BASELINE, await measure({ url: `${bare.url}/livez`, ...options }));
  } finally {
    await bare.stop();
  }
}

/**
 * Moves the app to another rate-limit tier with the operator CLI (`wekeza apps tier`), so that the
 * limiter counts every request of the bench but never refuses one.
 */
export function moveToTier(
  databaseUrl: string,
  clientId: string,
  tier: string,
  env: Record<string, string>,
): void {
  const moved = spawnSync(
    process.execPath,
    [new URL('../bin/wekeza.js', import.meta.url).pathname, 'apps', 'tier', clientId, tier],
    { env: { ...process.env, ...env, DATABASE_URL: databaseUrl, WEKEZA_SANDBOX: 'true' }, encoding: 'utf8' },
  );
  if (moved.status !== 0) throw new Error(`apps tier failed: ${moved.stderr}`);
}
