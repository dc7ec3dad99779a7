/**
 * The verifier's cache of verified tokens: a hot token is not verified again, but a revoked one is
 * dropped from the cache when the revocation is announced, so the next use meets the deny-list —
 * whether or not the shared store still holds the revocation.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createAccessTokenVerifier, createJwtVerifier, isRevokedRefusal } from './access-tokens.ts';

const ISSUER = 'https://bank.example';
const AUDIENCE = `${ISSUER}/v1`;

test('a revoked token leaves the cache at once; the next use checks the deny-list and is refused', async () => {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
  const denied = new Set<string>();
  let denyListReads = 0;
  const verify = createAccessTokenVerifier(createJwtVerifier(ISSUER, AUDIENCE, [jwk]), async (jti) => {
    denyListReads++;
    return denied.has(jti);
  });
  const token = (jti: string) =>
    new SignJWT({ client_id: 'app_1', scope: 'accounts.read' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'at+jwt' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('app_1')
      .setJti(jti)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);
  const [revoked, other] = [await token('jti-1'), await token('jti-2')];
  await verify(revoked);
  await verify(other);
  await verify(revoked);
  assert.equal(denyListReads, 2, 'a cached token is not checked again');

  denied.add('jti-1');
  verify.forget('jti-1');
  await assert.rejects(verify(revoked), (err) => isRevokedRefusal(err));
  assert.equal((await verify(other)).jti, 'jti-2', 'other tokens stay cached');
  assert.equal(denyListReads, 3);
  verify.forget('never-seen');
});
