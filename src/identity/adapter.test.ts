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

  test('a single-use object is consumed once: the second consume is refused, its grant revoked', async () => {
    const codes = createDbAdapter(db(), 'AuthorizationCode');
    const tokens = createDbAdapter(db(), 'RefreshToken');
    await codes.upsert('c2', { jti: 'c2', grantId: 'g3' }, 60);
    await tokens.upsert('r3', { jti: 'r3', grantId: 'g3' }, 600);
    await codes.consume('c2');
    await assert.rejects(codes.consume('c2'), (err: { error?: string }) => err.error === 'invalid_grant');
    assert.equal(await tokens.find('r3'), undefined, 'what was issued under the grant is gone');

    const pushed = createDbAdapter(db(), 'PushedAuthorizationRequest');
    await pushed.upsert('p1', { jti: 'p1' }, 60);
    await pushed.consume('p1');
    await assert.rejects(
      pushed.consume('p1'),
      (err: { error?: string }) => err.error === 'invalid_request_uri',
    );

    // Objects that are not single-use are consumed again without complaint.
    const sessions = createDbAdapter(db(), 'Interaction');
    await sessions.upsert('i2', { jti: 'i2' }, 60);
    await sessions.consume('i2');
    await sessions.consume('i2');
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
