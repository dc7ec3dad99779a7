/**
 * Single use under concurrency (RFC 6749 §4.1.2, §10.4): an authorization code sent by several token
 * requests at once is redeemed by exactly one of them; the others are `invalid_grant`, never a second
 * set of tokens. (Rotating refresh tokens: authorization-code.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as oidc from 'openid-client';
import { BACKENDS } from '../test-support/backends.ts';
import { type Fintech, onboardFintech, sandboxCustomers } from '../test-support/fintech.ts';
import { startTestServer, type TestServer } from '../test-support/server.ts';

const REDIRECT_URI = 'https://budget.example/callback';
const AT_ONCE = 12;

for (const backend of BACKENDS) {
  describe(`single-use codes and refresh tokens under concurrency [${backend}]`, () => {
    let t: TestServer;
    let fintech: Fintech;
    let accountId: string;

    before(async () => {
      t = await startTestServer(backend);
      fintech = await onboardFintech(t.url, {
        email: `replay-${backend}@fintech.example`,
        redirectUri: REDIRECT_URI,
        scopes: ['openid', 'accounts.read'],
      });
      const customers = await sandboxCustomers(t.url);
      accountId = customers.find((c) => c.username === 'wanjiku')!.accounts[0]!.id;
    });
    after(() => t?.close());

    /** A fresh authorization code (the sandbox plays the customer's approval) and its PKCE verifier. */
    const authorizationCode = async () => {
      const consentId = await fintech.createConsent(['accounts.read'], 30);
      const verifier = oidc.randomPKCECodeVerifier();
      const res = await fetch(`${t.url}/sandbox/authorize`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          client_id: fintech.clientId,
          redirect_uri: REDIRECT_URI,
          scope: 'openid accounts.read',
          state: 's',
          code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
          consent_id: consentId,
          username: 'wanjiku',
          account_ids: [accountId],
        }),
      });
      assert.equal(res.status, 200);
      const { redirect_url } = (await res.json()) as { redirect_url: string };
      return { callback: new URL(redirect_url), verifier };
    };

    const outcomes = async <T>(attempts: Promise<T>[]) => {
      const settled = await Promise.allSettled(attempts);
      const won = settled.filter((s): s is PromiseFulfilledResult<Awaited<T>> => s.status === 'fulfilled');
      const errors = settled
        .filter((s): s is PromiseRejectedResult => s.status === 'rejected')
        .map((s) => (s.reason as { error?: string; status?: number }) ?? {});
      return { won, errors };
    };

    test('one authorization code redeemed by many requests at once gives one set of tokens', async () => {
      const { callback, verifier } = await authorizationCode();
      const { won, errors } = await outcomes(
        Array.from({ length: AT_ONCE }, () =>
          oidc.authorizationCodeGrant(fintech.config, callback, {
            pkceCodeVerifier: verifier,
            expectedState: 's',
          }),
        ),
      );
      assert.equal(won.length, 1, `one redemption, not ${won.length}`);
      assert.equal(errors.length, AT_ONCE - 1);
      for (const e of errors) assert.deepEqual([e.status, e.error], [400, 'invalid_grant']);
      // The code stays spent.
      await assert.rejects(
        oidc.authorizationCodeGrant(fintech.config, callback, {
          pkceCodeVerifier: verifier,
          expectedState: 's',
        }),
        (err: { error?: string }) => err.error === 'invalid_grant',
      );
    });
  });
}
