import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ConfigError, configurationTable, loadConfig } from './index.ts';

const KEY = 'x'.repeat(43);

test('defaults: port 8080, SQLite under ./data, sandbox on', () => {
  const config = loadConfig({});
  assert.equal(config.port, 8080);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.publicUrl, 'http://localhost:8080');
  assert.deepEqual(config.database, { kind: 'sqlite', path: './data/wekeza.db' });
  assert.equal(config.sandbox, true);
  assert.equal(config.redisUrl, undefined);
  assert.ok(Object.isFrozen(config));
});

test('a PostgreSQL URL selects PostgreSQL and turns the sandbox off by default', () => {
  const config = loadConfig({
    DATABASE_URL: 'postgres://u@db:5432/wekeza',
    PORT: '9000',
    PUBLIC_URL: 'https://api.bank.example/',
    WEKEZA_MASTER_KEY: KEY,
  });
  assert.deepEqual(config.database, {
    kind: 'postgres',
    url: 'postgres://u@db:5432/wekeza',
    poolMax: 10,
    preparedStatements: true,
  });
  assert.equal(config.sandbox, false);
  assert.equal(config.publicUrl, 'https://api.bank.example');
  assert.equal(loadConfig({ DATABASE_URL: 'postgres://db/w', WEKEZA_SANDBOX: 'true' }).sandbox, true);
  assert.deepEqual(config.masterKey, Buffer.from(KEY, 'base64url'));
  assert.deepEqual(loadConfig({ DATABASE_URL: 'sqlite::memory:' }).database, {
    kind: 'sqlite',
    path: ':memory:',
  });
});

test('outside sandbox mode the master key is required, and must be 32 bytes', () => {
  assert.throws(
    () => loadConfig({ WEKEZA_SANDBOX: 'false' }),
    /WEKEZA_MASTER_KEY is required outside sandbox mode/,
  );
  assert.throws(
    () => loadConfig({ WEKEZA_MASTER_KEY: 'short' }),
    /WEKEZA_MASTER_KEY must be 32 random bytes/,
  );
  assert.equal(loadConfig({}).masterKey.length, 32, 'sandbox mode has a development key');
});

test('bad values are all reported together, naming the variable and the value', () => {
  assert.throws(
    () =>
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
        REDIS_URL: 'localhost:6379',
        WEKEZA_SANDBOX: 'maybe',
        WEKEZA_MASTER_KEY: KEY,
      }),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      assert.equal(err.problems.length, 5);
      assert.match(err.message, /PORT must be a whole number .* \(got "eighty"\)/);
      assert.match(err.message, /DATABASE_URL must use postgres:\/\/ or postgresql:\/\//);
      assert.match(err.message, /LOG_LEVEL must be one of/);
      assert.match(err.message, /REDIS_URL must use redis:\/\/ or rediss:\/\//);
      assert.match(err.message, /WEKEZA_SANDBOX must be true or false/);
      return true;
    },
  );
  assert.throws(() => loadConfig({ PORT: '70000' }), /PORT must be between 0 and 65535/);
});

test('rate-limit tiers: name=app/customer per minute, standard required; workers above 1 need Redis', () => {
  const config = loadConfig({ WEKEZA_RATE_LIMITS: 'standard=100/10, gold=1000/50' });
  assert.deepEqual(config.rateLimits, {
    standard: { appPerMinute: 100, customerPerMinute: 10 },
    gold: { appPerMinute: 1000, customerPerMinute: 50 },
  });
  assert.equal(loadConfig({}).rateLimits.standard?.customerPerMinute, 600);
  for (const bad of ['gold=1000/50', 'standard=100', 'standard=0/10', 'Standard=1/1', 'standard=1.5/1']) {
    assert.throws(() => loadConfig({ WEKEZA_RATE_LIMITS: bad }), /WEKEZA_RATE_LIMITS/, bad);
  }
  assert.throws(() => loadConfig({ WEKEZA_WORKERS: '2' }), /WEKEZA_WORKERS above 1 needs REDIS_URL/);
  assert.equal(loadConfig({ WEKEZA_WORKERS: '2', REDIS_URL: 'redis://127.0.0.1:6379' }).workers, 2);
});

test('the README configuration table is the one generated from the settings', () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  assert.ok(
    readme.includes(configurationTable()),
    'README.md is out of date: paste the output of `wekeza config`',
  );
});
