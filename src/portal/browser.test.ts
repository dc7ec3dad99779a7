/**
 * The developer portal and the customer consent centre in a real browser (Debian's Chromium driven by
 * playwright-core, on SQLite, all traffic to 127.0.0.1): a developer signs up, creates an app, rotates
 * its secret, adds a webhook endpoint, sends a test event and sees its delivery; a customer logs in,
 * sees the app's consent, withdraws it, and the app's next call is refused. Every page is checked
 * with axe-core (no serious or critical violations) and screenshotted into `test-artifacts/`.
 * Skips (saying why) only when Chromium is missing outside CI.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  ARTIFACTS,
  launchChromium,
  skipWithoutChromium,
  survivingBrowserExit,
} from '../test-support/chromium.ts';
import { customerToken, onboardFintech } from '../test-support/fintech.ts';
import { TestReceiver } from '../test-support/receiver.ts';
import { startTestServer, type TestServer } from '../test-support/server.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const skip = skipWithoutChromium;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe-core in the page; fails on any serious or critical violation. Then a full-page screenshot. */
async function check(page: Page, name: string): Promise<void> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target) }));
  });
  assert.deepEqual(
    violations,
    [],
    `${name}: accessibility violations\n${JSON.stringify(violations, null, 2)}`,
  );
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

describe('the developer portal and the consent centre in a real browser [sqlite]', { skip }, () => {
  let t: TestServer;
  let browser: Browser;
  let receiver: TestReceiver;

  /** A fresh browser context whose requests may go to the test server only. */
  const newPage = async (): Promise<{ context: BrowserContext; page: Page }> => {
    // bypassCSP lets the test inject axe-core; the pages themselves load nothing inline.
    const context = await browser.newContext({ bypassCSP: true });
    await context.route(
      (url) => url.origin !== t.url,
      (route) => route.abort(),
    );
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return { context, page };
  };

  before(async () => {
    t = await startTestServer('sqlite');
    receiver = await TestReceiver.start();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await receiver?.close();
    await t?.close();
  });

  const chromiumHandle = {
    get: () => browser,
    set: (b: Browser) => {
      browser = b;
    },
  };

  test('a developer signs up, creates an app, rotates its secret, adds a webhook and sees a test delivery', () =>
    survivingBrowserExit(chromiumHandle, async (attempt) => {
      const { context, page } = await newPage();
      try {
        await page.goto(`${t.url}/portal/signup`);
        await check(page, 'portal-signup');
        await page.getByLabel('Your name').fill('Amani Dev');
        await page.getByLabel('Email').fill(`amani${attempt > 1 ? attempt : ''}@fintech.example`);
        await page.getByLabel('Password').fill('correct horse battery');
        await page.getByRole('button', { name: 'Create account' }).click();
        await page.getByRole('heading', { name: 'Your apps' }).waitFor();
        await check(page, 'portal-apps-empty');

        await page.getByRole('link', { name: 'Create an app' }).click();
        await page.getByRole('heading', { name: 'Create an app' }).waitFor();
        await check(page, 'portal-app-new');
        await page.getByLabel('Name', { exact: true }).fill('Budget Buddy');
        await page.getByLabel('Redirect URIs').fill('https://budget.example/callback');
        await page.getByRole('checkbox', { name: /offline_access/ }).check();
        await page.getByRole('button', { name: 'Create app' }).click();
        await page.getByRole('heading', { name: 'Budget Buddy is ready' }).waitFor();
        const firstSecret = await page.locator('[data-copy="Client secret"] code').textContent();
        assert.match(String(firstSecret), /^wks_/);
        await check(page, 'portal-app-created');

        await page.getByRole('link', { name: 'Budget Buddy' }).click();
        await page.getByRole('heading', { name: 'Budget Buddy', level: 1 }).waitFor();
        assert.ok(!(await page.content()).includes(String(firstSecret)), 'the secret is shown once');
        await check(page, 'portal-app');
        await page.getByRole('link', { name: 'Rotate secret' }).click();
        await page.getByRole('heading', { name: 'Rotate the secret of Budget Buddy?' }).waitFor();
        await check(page, 'portal-app-rotate-confirm');
        await page.getByRole('button', { name: 'Rotate secret' }).click();
        await page.getByRole('heading', { name: 'New secret for Budget Buddy' }).waitFor();
        const secondSecret = await page.locator('[data-copy="Client secret"] code').textContent();
        assert.ok(secondSecret && secondSecret !== firstSecret);
        await check(page, 'portal-app-rotated');

        // Some traffic for the usage charts, with the new secret.
        const clientId = String(await page.locator('dd code').first().textContent());
        const token = await fetch(`${t.url}/oauth2/token`, {
          method: 'POST',
          headers: {
            authorization: `Basic ${Buffer.from(`${clientId}:${secondSecret}`).toString('base64')}`,
          },
          body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'accounts.read' }),
        });
        const { access_token: appToken } = (await token.json()) as { access_token: string };
        for (const id of ['cns_00000000000000000000000000', 'not-an-id', 'cns_00000000000000000000000001']) {
          await fetch(`${t.url}/v1/consents/${id}`, { headers: { authorization: `Bearer ${appToken}` } });
        }
        await page.getByRole('link', { name: 'Back to the app' }).click();
        await page.getByRole('link', { name: 'Usage' }).click();
        await page.getByRole('heading', { name: 'Last 30 days' }).waitFor();
        assert.match(await page.content(), /<strong>3<\/strong> requests, <strong>3<\/strong> errors/);
        await check(page, 'portal-usage');
        await page.getByRole('link', { name: 'Sandbox' }).click();
        await page.getByRole('heading', { name: 'Sandbox customers' }).waitFor();
        assert.equal(
          await page.getByRole('button', { name: /^Copy/ }).count(),
          7,
          'the script adds copy buttons',
        );
        await check(page, 'portal-sandbox');

        await page.getByRole('link', { name: 'Webhooks' }).click();
        await page.getByRole('link', { name: 'Add an endpoint' }).click();
        await page.getByRole('heading', { name: 'Add a webhook endpoint' }).waitFor();
        await check(page, 'portal-webhook-new');
        await page.getByLabel('URL').fill(receiver.url('/browser'));
        await page.getByRole('checkbox', { name: 'payment.completed' }).check();
        await page.getByRole('button', { name: 'Add endpoint' }).click();
        await page.getByRole('heading', { name: 'Endpoint added' }).waitFor();
        assert.match(
          String(await page.locator('[data-copy="Signing secret"] code').textContent()),
          /^whsec_/,
        );
        await check(page, 'portal-webhook-created');
        await page.getByRole('link', { name: 'Go to the endpoint' }).click();
        await page.getByRole('button', { name: 'Send a test event' }).click();
        await page.getByText('A test event is on its way').waitFor();
        await receiver.waitFor((r) => r.some((x) => x.path === '/browser' && x.type === 'webhook.test'));
        for (
          let i = 0;
          i < 50 && (await page.getByRole('button', { name: /^Retry wdl_/ }).count()) === 0;
          i++
        ) {
          await new Promise((r) => setTimeout(r, 100));
          await page.reload();
        }
        await page.getByRole('cell', { name: /webhook\.test/ }).waitFor();
        await page.getByText('204 OK').waitFor();
        await check(page, 'portal-webhook-deliveries');

        await page.getByRole('link', { name: 'Getting started' }).click();
        await page.getByRole('heading', { name: 'Getting started', level: 1 }).waitFor();
        await check(page, 'portal-guide');
      } finally {
        await context.close();
      }
    }));

  test("a customer sees an app's consent, withdraws it, and the app's next call is refused", () =>
    survivingBrowserExit(chromiumHandle, async (attempt) => {
      const fintech = await onboardFintech(t.url, {
        email: `consent-centre${attempt > 1 ? attempt : ''}@fintech.example`,
        redirectUri: 'https://budget.example/callback',
        scopes: ['openid', 'accounts.read', 'transactions.read'],
      });
      const customers = (await (await fetch(`${t.url}/sandbox/customers`)).json()) as {
        data: { username: string; accounts: { id: string }[] }[];
      };
      const accountId = customers.data.find((c) => c.username === 'wanjiku')!.accounts[0]!.id;
      const { token } = await customerToken(t.url, fintech, {
        scopes: ['accounts.read', 'transactions.read'],
        accountIds: [accountId],
        redirectUri: 'https://budget.example/callback',
      });
      const call = () => fetch(`${t.url}/v1/accounts`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal((await call()).status, 200);

      const { context, page } = await newPage();
      try {
        await page.goto(`${t.url}/account/login`);
        await check(page, 'account-login');
        await page.getByLabel('Username').fill('wanjiku');
        await page.getByLabel('Password').fill('sandbox-wanjiku-2026');
        await page.getByRole('button', { name: 'Log in' }).click();
        await page.getByRole('heading', { name: 'Apps with access to your accounts' }).waitFor();
        await page.getByRole('heading', { name: 'Budget Buddy' }).waitFor();
        assert.match(await page.content(), /See your transactions/);
        await check(page, 'account-consents');
        await page.getByRole('button', { name: 'Withdraw access for Budget Buddy' }).click();
        await page.getByText('You withdrew Budget Buddy’s access').waitFor();
        await check(page, 'account-consent-withdrawn');
      } finally {
        await context.close();
      }
      assert.equal((await call()).status, 401, 'the withdrawn consent stops the token at once');
    }));
});
