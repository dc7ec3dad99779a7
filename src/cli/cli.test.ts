import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { createDeveloperService } from '../developers/index.ts';
import { configurationTable, loadConfig, openDatabase } from '../platform/index.ts';
import { sandboxCustomers } from '../test-support/fintech.ts';

const BIN = new URL('../../bin/wekeza.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'wekeza-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const run = async (args: string[], env: Record<string, string> = {}) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

test('wekeza config prints the configuration table', async () => {
  const { code, stdout } = await run(['config']);
  assert.equal(code, 0);
  assert.equal(stdout.trim(), configurationTable());
});

test('a bad setting stops the command with a message naming it', async () => {
  const { code, stderr } = await run(['migrate'], {
    PORT: 'http',
    DATABASE_URL: `sqlite:${join(dir, 'x.db')}`,
  });
  assert.equal(code, 2);
  assert.match(stderr, /PORT must be a whole number/);
});

test('wekeza seed fills an empty database once, and wekeza ledger verify checks it', async () => {
  const env = { DATABASE_URL: `sqlite:${join(dir, 'seed.db')}` };
  assert.match((await run(['migrate'], env)).stdout, /Applied: .*core_banking\/0001_ledger/);
  const seeded = await run(['seed', '--transactions', '500'], env);
  assert.equal(seeded.code, 0, seeded.stderr);
  assert.match(seeded.stdout, /Seeded 6 customers, \d+ accounts, 500 transactions/);
  assert.match(seeded.stderr, /seeding: 500 \/ 500 transactions/);
  assert.match((await run(['seed'], env)).stdout, /already has sandbox data/);
  const verify = await run(['ledger', 'verify'], env);
  assert.equal(verify.code, 0);
  assert.equal(JSON.parse(verify.stdout).ok, true);
  assert.equal(JSON.parse(verify.stdout).entries, 500);
  assert.equal((await run(['seed', '--transactions', 'lots'], env)).code, 1);
  assert.equal((await run(['frobnicate'], env)).code, 2);
});

test('wekeza seed refuses outside sandbox mode, and writes nothing', async () => {
  const env = {
    DATABASE_URL: `sqlite:${join(dir, 'bank.db')}`,
    WEKEZA_SANDBOX: 'false',
    WEKEZA_MASTER_KEY: randomBytes(32).toString('base64url'),
  };
  const refused = await run(['seed', '--transactions', '10'], env);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /runs only in sandbox mode \(WEKEZA_SANDBOX=true\)/);
  const verify = await run(['ledger', 'verify'], env);
  assert.equal(verify.code, 0);
  assert.equal(JSON.parse(verify.stdout).entries, 0);
});

for (const workers of ['1', '2']) {
  test(`wekeza start serves with ${workers} worker(s), and SIGTERM shuts it down cleanly`, async (t) => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const child = spawn(process.execPath, [BIN, 'start'], {
      env: {
        ...process.env,
        PORT: String(port),
        LOG_LEVEL: 'info',
        DATABASE_URL: `sqlite:${join(dir, `start-${workers}.db`)}`,
        WEKEZA_WORKERS: workers,
        // Several workers share their caches and rate limits in Redis.
        ...(workers === '1' ? {} : { REDIS_URL: 'redis://127.0.0.1:6379' }),
        WEKEZA_SEED_TRANSACTIONS: '200',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // A failed assertion must not leave the platform running (the test file would never end): its
    // process group, workers included, is killed.
    t.after(() => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
    });
    let ready = false;
    // Two workers each migrate and warm up before the first answers: on a busy 2-core machine that
    // has taken close to 10 s.
    for (const end = Date.now() + 30_000; Date.now() < end && !ready; ) {
      ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (!ready) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(ready, `the platform did not become ready:\n${output}`);
    assert.equal((await sandboxCustomers(`http://127.0.0.1:${port}`)).length, 6, 'seeded at start');
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.match(output, /"signal":"SIGTERM".*shutting down/);
  });
}

test('wekeza keys rotate keeps the previous generation published; apps suspend stops an app', async () => {
  const env = { DATABASE_URL: `sqlite:${join(dir, 'identity.db')}` };
  assert.equal((await run(['migrate'], env)).code, 0);
  for (let i = 0; i < 2; i++) assert.equal((await run(['keys', 'rotate'], env)).code, 0);
  const database = openDatabase({ kind: 'sqlite', path: join(dir, 'identity.db') });
  try {
    const keys = await database
      .schema<{ signing_keys: { status: string } }>('identity')
      .selectFrom('signing_keys')
      .select('status')
      .execute();
    const count = (status: string) => keys.filter((k) => k.status === status).length;
    assert.deepEqual([count('current'), count('previous'), count('retired')], [2, 2, 0]);
    assert.equal((await run(['keys', 'rotate'], env)).code, 0);

    const developers = createDeveloperService(database, loadConfig({ DATABASE_URL: env.DATABASE_URL }));
    const developer = await developers.register({
      email: 'cli@example.com',
      password: 'cli-password-123',
      name: 'CLI',
    });
    const app = await developers.createApp(developer.id, {
      name: 'CLI app',
      redirectUris: ['https://cli.example/cb'],
      scopes: ['accounts.read'],
    });
    const suspended = await run(['apps', 'suspend', app.clientId], env);
    assert.match(suspended.stdout, /is suspended/);
    assert.equal((await developers.findClient(app.clientId))?.status, 'suspended');
    await run(['apps', 'reinstate', app.clientId], env);
    assert.equal((await developers.findClient(app.clientId))?.status, 'active');
    assert.equal((await run(['apps', 'suspend', 'app_00000000000000000000000000'], env)).code, 1);
    assert.match((await run(['keys', 'new-master'])).stdout, /^[A-Za-z0-9_-]{43}\n$/);
  } finally {
    await database.close();
  }
});
