/**
 * The OAuth login-and-consent flow once in a real browser: Debian's Chromium driven by playwright-core,
 * on SQLite, all traffic to 127.0.0.1. Skips (saying why) only when Chromium is missing outside CI;
 * under CI it must run (`.ci/run` installs Chromium). Screenshots go to `test-artifacts/`.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { decodeJwt } from 'jose';
import * as oidc from 'openid-client';
import type { Browser } from 'playwright-core';
import {
  ARTIFACTS,
  launchChromium,
  skipWithoutChromium,
  survivingBrowserExit,
} from '../test-support/chromium.ts';
import { type Fintech, onboardFintech } from '../test-support/fintech.ts';
import { startTestServer, type TestServer } from '../test-support/server.ts';

const skip = skipWithoutChromium;

describe('the OAuth login and consent pages in a real browser [sqlite]', { skip }, () => {
  let t: TestServer;
  let browser: Browser;
  let config: oidc.Configuration;
  let fintech: Fintech;
  let redirectUri: string;

  before(async () => {
    t = await startTestServer('sqlite');
    redirectUri = `${t.url}/callback`;
    fintech = await onboardFintech(t.url, {
      email: 'browser@fintech.example',
      redirectUri,
      scopes: ['openid', 'accounts.read'],
    });
    config = fintech.config;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  const chromiumHandle = {
    get: () => browser,
    set: (b: Browser) => {
      browser = b;
    },
  };

  test('a customer logs in, ticks an account and allows; the app gets a token bound to the consent', () =>
    survivingBrowserExit(chromiumHandle, async () => {
      const consentId = await fintech.createConsent();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const authorizationUrl = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid accounts.read',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        consent_id: consentId,
      });

      const context = await browser.newContext();
      try {
        // Nothing leaves the machine: any request not for the test server is aborted.
        await context.route(
          (url) => url.origin !== t.url,
          (route) => route.abort(),
        );
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);

        await page.goto(authorizationUrl.toString());
        await page.getByRole('heading', { name: 'Log in to Wekeza' }).waitFor();
        assert.match(await page.content(), /Budget Buddy/);
        await page.screenshot({ path: join(ARTIFACTS, 'oauth-login.png'), fullPage: true });
        await page.getByLabel('Username').fill('wanjiku');
        await page.getByLabel('Password').fill('sandbox-wanjiku-2026');
        await page.getByRole('button', { name: 'Log in' }).click();

        await page.getByRole('heading', { name: 'Allow Budget Buddy to access your account?' }).waitFor();
        await page.screenshot({ path: join(ARTIFACTS, 'oauth-consent.png'), fullPage: true });
        const firstAccount = page.getByRole('checkbox').first();
        const accountId = await firstAccount.getAttribute('value');
        await firstAccount.check();
        const callback = page.waitForRequest((request) => request.url().startsWith(`${redirectUri}?`));
        await page.getByRole('button', { name: 'Allow', exact: true }).click();
        const callbackUrl = new URL((await callback).url());
        assert.ok(callbackUrl.searchParams.get('code'), callbackUrl.toString());

        const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: codeVerifier,
          expectedState: state,
        });
        const access = decodeJwt(tokens.access_token);
        assert.equal(access.consent_id, consentId);
        assert.match(String(access.sub), /^cus_/);
        const bound = await fetch(`${t.url}/v1/consents/${consentId}`, {
          headers: { authorization: `Bearer ${fintech.appToken}` },
        });
        const body = (await bound.json()) as { status: string; account_ids: string[] };
        assert.equal(body.status, 'authorized');
        assert.deepEqual(body.account_ids, [accountId]);
      } finally {
        await context.close();
      }
    }));
});
