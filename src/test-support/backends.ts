/**
 * @module Test fixture: runs a suite once per storage backend — SQLite (a fresh temporary file)
 * and PostgreSQL (a fresh database on the real server, dropped afterwards). Set
 * `TEST_POSTGRES_URL` to point at another server; the default is the local one.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import type { DatabaseConfig } from '../platform/config/index.ts';
import { type Database, type ModuleMigrations, migrateAll, openDatabase } from '../platform/index.ts';

export const ADMIN_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type BackendName = 'sqlite' | 'postgres';
export const BACKENDS: readonly BackendName[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  readonly config: DatabaseConfig;
  /** Removes the database (file or PostgreSQL database). */
  drop(): Promise<void>;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Creates an empty database of that backend, for one test file or one app. */
export async function createTestDatabase(backend: BackendName): Promise<TestDatabase> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'wekeza-test-'));
    return {
      config: { kind: 'sqlite', path: join(dir, 'wekeza.db') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `wekeza_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    config: { kind: 'postgres', url: url.toString(), poolMax: 10, preparedStatements: true },
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * Declares `suite` once per backend, each on a fresh, migrated database:
 * `eachBackend('ledger', [coreBankingMigrations], (ctx) => { test(…, () => ctx.database …) })`.
 */
export function eachBackend(
  title: string,
  modules: readonly ModuleMigrations[],
  suite: (ctx: { readonly database: Database; readonly backend: BackendName }) => void,
): void {
  for (const backend of BACKENDS) {
    describe(`${title} [${backend}]`, () => {
      let testDb: TestDatabase;
      const ctx = { backend } as { database: Database; backend: BackendName };
      before(async () => {
        testDb = await createTestDatabase(backend);
        ctx.database = openDatabase(testDb.config);
        await migrateAll(ctx.database, modules);
      });
      after(async () => {
        await ctx.database?.close();
        await testDb?.drop();
      });
      suite(ctx);
    });
  }
}
