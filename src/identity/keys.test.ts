import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { eachBackend } from '../test-support/backends.ts';
import { identityMigrations } from './index.ts';
import { loadSigningKeys, rotateSigningKeys } from './keys.ts';
import { type IdentityTables, SCHEMA } from './tables.ts';

eachBackend('signing keys', [identityMigrations], (ctx) => {
  const masterKey = randomBytes(32);
  const db = () => ctx.database.schema<IdentityTables>(SCHEMA);

  test('the first start generates an ES256 and an RSA key; later starts load the same ones', async () => {
    const first = await loadSigningKeys(db(), masterKey);
    assert.deepEqual(first.map((k) => k.kty).sort(), ['EC', 'RSA']);
    const again = await loadSigningKeys(db(), masterKey);
    assert.deepEqual(again.map((k) => k.kid).sort(), first.map((k) => k.kid).sort());
  });

  test('rotation signs with a new generation and still publishes the previous one, then retires it', async () => {
    const before = (await loadSigningKeys(db(), masterKey)).map((k) => k.kid);
    await rotateSigningKeys(db(), masterKey);
    const afterOne = (await loadSigningKeys(db(), masterKey)).map((k) => k.kid);
    assert.equal(afterOne.length, 4);
    assert.deepEqual(afterOne.slice(2).sort(), [...before].sort(), 'the previous generation comes last');
    assert.ok(
      afterOne.slice(0, 2).every((kid) => !before.includes(kid)),
      'a new current generation signs first',
    );
    await rotateSigningKeys(db(), masterKey);
    const afterTwo = (await loadSigningKeys(db(), masterKey)).map((k) => k.kid);
    assert.equal(afterTwo.length, 4);
    assert.ok(
      before.every((kid) => !afterTwo.includes(kid)),
      'the oldest generation is retired',
    );
  });

  test('keys sealed under one master key cannot be opened with another', async () => {
    await assert.rejects(loadSigningKeys(db(), randomBytes(32)));
  });
});
