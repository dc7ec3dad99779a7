import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eachBackend } from '../test-support/backends.ts';
import { createDbAdapter, deleteExpired } from './adapter.ts';
import { identityMigrations } from './index.ts';
import { type IdentityTables, SCHEMA } from './tables.ts';

eachBackend('oidc-provider storage adapter', [identityMigrations], (ctx) => {
  const db = () => ctx.database.schema<IdentityTables>(SCHEMA);

  test('stores, finds by id and uid, consumes and destroys', async () => {
    const codes = createDbAdapter(db(), 'AuthorizationCode');
    await codes.upsert('c1', { jti: 'c1', grantId: 'g1', uid: 'u1', kind: 'AuthorizationCode' }, 60);
    assert.equal((await codes.find('c1'))?.grantId, 'g1');
    assert.equal((await codes.findByUid('u1'))?.jti, 'c1');
    assert.equal(await createDbAdapter(db(), 'Session').find('c1'), undefined, 'models are kept apart');
    await codes.consume('c1');
    assert.equal(typeof (await codes.find('c1'))?.consumed, 'number');
    await codes.destroy('c1');
    assert.equal(await codes.find('c1'), undefined);
  });

  test('revoking a grant removes everything issued under it', async () => {
    const tokens = createDbAdapter(db(), 'RefreshToken');
    const sessions = createDbAdapter(db(), 'Interaction');
    await tokens.upsert('r1', { jti: 'r1', grantId: 'g2' }, 600);
    await sessions.upsert('i1', { jti: 'i1', grantId: 'g2' }, 600);
    await tokens.upsert('r2', { jti: 'r2', grantId: 'other' }, 600);
    await tokens.revokeByGrantId('g2');
    assert.equal(await tokens.find('r1'), undefined);
    assert.equal(await sessions.find('i1'), undefined);
    assert.ok(await tokens.find('r2'));
  });

  test('expired rows are not found and the clean-up deletes them', async () => {
    const codes = createDbAdapter(db(), 'AuthorizationCode');
    await codes.upsert('old', { jti: 'old' }, 60);
    await db().updateTable('oidc_payloads').set({ expires_at: 1 }).where('id', '=', 'old').execute();
    assert.equal(await codes.find('old'), undefined);
    assert.ok((await deleteExpired(db())) >= 1);
    const left = await db().selectFrom('oidc_payloads').select('id').where('id', '=', 'old').execute();
    assert.equal(left.length, 0);
  });
});
