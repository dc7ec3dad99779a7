/**
 * @module Test fixture: the real app on a fresh database of either backend, small sandbox seed,
 * silent logs. `inject` requests go through the whole Fastify pipeline.
 */
import type { FastifyInstance } from 'fastify';
import { type BuildOptions, buildApp } from '../app.ts';
import { type Config, loadConfig } from '../platform/index.ts';
import { type BackendName, createTestDatabase } from './backends.ts';

/** A throwaway master key for tests (32 bytes, base64url). */
export const TEST_MASTER_KEY = 'dGVzdC1tYXN0ZXIta2V5LWZvci13ZWtlemEtdGVzdHM';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly config: Config;
  close(): Promise<void>;
}

export async function startTestApp(
  backend: BackendName,
  env: Record<string, string> = {},
  overrides: Partial<Config> = {},
  build: BuildOptions = {},
): Promise<TestApp> {
  const testDb = await createTestDatabase(backend);
  const config = loadConfig(
    {
      LOG_LEVEL: 'silent',
      WEKEZA_SANDBOX: 'true',
      WEKEZA_SEED_TRANSACTIONS: '300',
      WEKEZA_MASTER_KEY: TEST_MASTER_KEY,
      // Every test logs in from 127.0.0.1; the per-address limit has a test of its own.
      WEKEZA_LOGIN_ATTEMPTS_PER_MINUTE: '1000000',
      ...env,
    },
    { database: testDb.config, ...overrides },
  );
  const app = await buildApp(config, build).catch(async (err) => {
    await testDb.drop();
    throw err;
  });
  return {
    app,
    config,
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}
