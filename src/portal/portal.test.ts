import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { BACKENDS } from '../test-support/backends.ts';
import { inputValue, TestBrowser } from '../test-support/browser.ts';
import { TestReceiver } from '../test-support/receiver.ts';
import { startTestServer, type TestServer } from '../test-support/server.ts';
import { copyBlocks, PortalUser, unescapeHtml } from './test-helpers.ts';
import { SECRET_PLACEHOLDER } from './try-it.ts';

const run = promisify(execFile);

for (const backend of BACKENDS) {
  describe(`the developer portal at /portal [${backend}]`, () => {
    let t: TestServer;
    let receiver: TestReceiver;
    let n = 0;
    const email = () => `dev${++n}@fintech.example`;

    const appToken = async (clientId: string, secret: string, scope = 'accounts.read') => {
      const res = await fetch(`${t.url}/oauth2/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope }).toString(),
      });
      return { status: res.status, body: (await res.json()) as { access_token?: string } };
    };

    before(async () => {
      t = await startTestServer(backend);
      receiver = await TestReceiver.start();
    });
    after(async () => {
      await receiver?.close();
      await t?.close();
    });

    test('a developer signs up, creates an app and sees its secret once; the secret works', async () => {
      const user = new PortalUser(t.url);
      const signup = await user.get('/portal/signup');
      assert.equal(signup.status, 200);
      assert.match(signup.page, /<label for="email">/);
      assert.match(
        String(signup.response.headers.get('set-cookie')),
        /^wekeza_portal_csrf=[\w-]+; Path=\/portal;/,
      );
      const signedUp = await user.signUp(email());
      assert.equal(signedUp.headers.get('location'), '/portal/apps?welcome=1');
      const cookie = signedUp.headers.getSetCookie().find((c) => c.startsWith('wekeza_portal='));
      assert.match(String(cookie), /; Path=\/portal; Max-Age=\d+; HttpOnly; SameSite=Lax/);
      assert.doesNotMatch(String(cookie), /wdt_/, 'the developer token is sealed, never in the clear');

      const apps = await user.get('/portal/apps?welcome=1');
      assert.equal(apps.status, 200);
      assert.match(apps.page, /Welcome, Amani Dev/);
      assert.equal(apps.response.headers.get('cache-control'), 'no-store');
      assert.match(
        String(apps.response.headers.get('content-security-policy')),
        /default-src 'none'; style-src 'self'; script-src 'self'/,
      );

      const { clientId, clientSecret, page } = await user.createApp();
      assert.match(clientSecret, /^wks_/);
      assert.match(page, /This is the only time it is shown/);
      const overview = await user.get(`/portal/apps/${clientId}`);
      assert.ok(overview.page.includes(clientId));
      assert.ok(!overview.page.includes(clientSecret), 'the secret is not shown again');
      assert.match(overview.page, /standard: 6,000 requests a minute per app, 600 per customer/);
      assert.equal((await appToken(clientId, clientSecret)).status, 200);
      assert.match((await user.get('/portal/apps')).page, /Budget Buddy/);
    });

    test('rotating the secret asks first; then the old secret stops working and the new one is shown once', async () => {
      const user = new PortalUser(t.url);
      await user.signUp(email());
      const { clientId, clientSecret } = await user.createApp();
      const confirm = await user.get(`/portal/apps/${clientId}/rotate-secret`);
      assert.match(confirm.page, /Rotate the secret of Budget Buddy\?/);
      assert.equal((await appToken(clientId, clientSecret)).status, 200, 'nothing changed by asking');
      const rotated = await user.submit(`/portal/apps/${clientId}/rotate-secret`, {});
      const page = await rotated.text();
      assert.equal(rotated.status, 200);
      const [secret] = copyBlocks(page, 'Client secret');
      assert.ok(secret && secret !== clientSecret);
      // The token endpoint caches app records for a second.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      assert.equal((await appToken(clientId, clientSecret)).status, 401);
      assert.equal((await appToken(clientId, secret)).status, 200);
    });

    test('editing an app names the problems of bad input and saves good input', async () => {
      const user = new PortalUser(t.url);
      await user.signUp(email());
      const { clientId } = await user.createApp();
      const edit = `/portal/apps/${clientId}/edit`;
      const bad = await user.submit(
        edit,
        { name: 'Budget Buddy', redirect_uris: 'not a url', scopes: ['openid'], ip_allowlist: '' },
        `/portal/apps/${clientId}`,
      );
      assert.equal(bad.status, 400);
      const badPage = await bad.text();
      assert.match(badPage, /role="alert"/);
      assert.match(badPage, /Redirect URIs/);
      assert.match(badPage, /not a url/, 'what was typed is kept');
      const noIp = await user.submit(
        edit,
        {
          name: 'Budget Buddy',
          redirect_uris: 'https://budget.example/cb',
          scopes: ['accounts.read'],
          ip_allowlist: '300.1.1.1',
        },
        `/portal/apps/${clientId}`,
      );
      assert.equal(noIp.status, 400);
      assert.match(await noIp.text(), /IP allow-list \(item 1\)/);

      const saved = await user.submit(
        edit,
        {
          name: 'Budget Buddy Pro',
          redirect_uris: 'https://budget.example/a\nhttps://budget.example/b',
          scopes: ['openid', 'accounts.read'],
          ip_allowlist: '203.0.113.0/24\n2001:db8::/32',
        },
        `/portal/apps/${clientId}`,
      );
      assert.equal(saved.status, 303);
      assert.equal(saved.headers.get('location'), `/portal/apps/${clientId}?saved=1`);
      const page = (await user.get(`/portal/apps/${clientId}?saved=1`)).page;
      for (const text of [
        'Budget Buddy Pro',
        'https://budget.example/b',
        '203.0.113.0/24',
        '2001:db8::/32',
        'Your changes are saved',
      ]) {
        assert.ok(page.includes(text), text);
      }
      assert.doesNotMatch(page, /transactions\.read/);
    });

    test('deleting an app asks first, then the app and its credentials are gone', async () => {
      const user = new PortalUser(t.url);
      await user.signUp(email());
      const { clientId, clientSecret } = await user.createApp({ name: 'Short Lived' });
      const confirm = await user.get(`/portal/apps/${clientId}/delete`);
      assert.match(confirm.page, /Delete Short Lived\?/);
      assert.match(confirm.page, /cannot be undone/);
      const deleted = await user.submit(`/portal/apps/${clientId}/delete`, {});
      assert.equal(deleted.status, 303);
      assert.equal(deleted.headers.get('location'), `/portal/apps?deleted=${clientId}`);
      assert.match(
        (await user.get(`/portal/apps?deleted=${clientId}`)).page,
        new RegExp(`The app ${clientId} was deleted`),
      );
      // A link cannot make the portal's notice say something of its own.
      const planted = (await user.get('/portal/apps?deleted=SECURITY%20ALERT%20call%20us')).page;
      assert.doesNotMatch(planted, /SECURITY ALERT/);
      assert.equal((await user.get(`/portal/apps/${clientId}`)).status, 404);
      assert.notEqual((await appToken(clientId, clientSecret)).status, 200);
    });

    test("another developer's app is not found, and cannot be changed", async () => {
      const owner = new PortalUser(t.url);
      await owner.signUp(email());
      const { clientId } = await owner.createApp();
      const other = new PortalUser(t.url);
      await other.signUp(email());
      for (const path of ['', '/edit', '/usage', '/sandbox', '/webhooks', '/rotate-secret', '/delete']) {
        const { status, page } = await other.get(`/portal/apps/${clientId}${path}`);
        assert.equal(status, 404, path);
        assert.match(page, /<h1>Not found<\/h1>/);
      }
      const csrf = inputValue((await other.get('/portal/apps')).page, 'csrf') ?? '';
      assert.equal(
        (await other.browser.submit(`${t.url}/portal/apps/${clientId}/delete`, { csrf })).status,
        404,
      );
      assert.equal((await owner.get(`/portal/apps/${clientId}`)).status, 200);
    });

    test('without a session pages go to the log-in page; forms without the CSRF token are refused', async () => {
      for (const path of ['/portal/apps', '/portal/apps/new', '/portal/apps/app_X/usage']) {
        const res = await fetch(`${t.url}${path}`, { redirect: 'manual' });
        assert.equal(res.status, 303, path);
        assert.equal(res.headers.get('location'), '/portal/login');
      }
      const forged = await fetch(`${t.url}/portal/apps`, {
        redirect: 'manual',
        headers: { cookie: 'wekeza_portal=AAAA.BBBB.CCCC' },
      });
      assert.equal(forged.headers.get('location'), '/portal/login');

      const user = new PortalUser(t.url);
      await user.signUp(email());
      const before = (await user.get('/portal/apps')).page;
      const noToken = await user.browser.submit(`${t.url}/portal/apps`, {
        name: 'X',
        redirect_uris: 'https://x.example/cb',
        scopes: 'openid',
      });
      assert.equal(noToken.status, 403);
      const wrong = await user.browser.submit(`${t.url}/portal/apps`, {
        csrf: 'x'.repeat(43),
        name: 'X',
        redirect_uris: 'https://x.example/cb',
        scopes: 'openid',
      });
      assert.equal(wrong.status, 403);
      assert.equal(
        (await user.get('/portal/apps')).page.match(/class="cards"/g)?.length ?? 0,
        before.match(/class="cards"/g)?.length ?? 0,
      );
      // The sign-up form needs its own cookie's token: a token from another browser does not count.
      const page = (await new PortalUser(t.url).get('/portal/signup')).page;
      const stolen = await new TestBrowser().submit(`${t.url}/portal/signup`, {
        csrf: inputValue(page, 'csrf') ?? '',
        name: 'Mallory',
        email: email(),
        password: 'correct horse battery',
      });
      assert.equal(stolen.status, 403);
    });

    test('log out ends the session; a wrong password is a 401, and five of them lock the account', async () => {
      const user = new PortalUser(t.url);
      const address = email();
      await user.signUp(address);
      const csrf = inputValue((await user.get('/portal/apps')).page, 'csrf') ?? '';
      const sealed = user.browser;
      const out = await sealed.submit(`${t.url}/portal/logout`, { csrf });
      assert.equal(out.status, 303);
      assert.equal(out.headers.get('location'), '/portal/login?logged_out=1');
      assert.equal((await user.get('/portal/apps')).status, 303);

      const login = (password: string) =>
        new PortalUser(t.url).submit('/portal/login', { email: address, password });
      const wrong = await login('not the password');
      assert.equal(wrong.status, 401);
      assert.match(await wrong.text(), /The email or password is not correct/);
      assert.equal((await login('correct horse battery')).status, 303);
      for (let i = 0; i < 5; i++) assert.equal((await login('wrong password!')).status, 401);
      const locked = await login('correct horse battery');
      assert.equal(locked.status, 429);
      assert.match(await locked.text(), /locked for 15 minutes/);
    });

    test('signing up twice with one email, or with a short password, says what is wrong', async () => {
      const address = email();
      await new PortalUser(t.url).signUp(address);
      const again = await new PortalUser(t.url).submit('/portal/signup', {
        name: 'A',
        email: address,
        password: 'correct horse battery',
      });
      assert.equal(again.status, 409);
      assert.match(await again.text(), /exists already/);
      const short = await new PortalUser(t.url).submit('/portal/signup', {
        name: 'A',
        email: email(),
        password: 'short',
      });
      assert.equal(short.status, 400);
      assert.match(await short.text(), /Password: must be 12 to 200 characters/);
    });

    test('the usage page charts the requests and errors the gateway metered, and the tier', async () => {
      const user = new PortalUser(t.url);
      await user.signUp(email());
      const { clientId, clientSecret } = await user.createApp();
      const token = String((await appToken(clientId, clientSecret)).body.access_token);
      for (let i = 0; i < 3; i++) {
        await fetch(`${t.url}/v1/consents/cns_00000000000000000000000000`, {
          headers: { authorization: `Bearer ${token}` },
        });
      }
      const { status, page } = await user.get(`/portal/apps/${clientId}/usage`);
      assert.equal(status, 200);
      assert.match(page, /Last 24 hours/);
      assert.match(page, /Last 30 days/);
      assert.match(page, /<svg viewBox="0 0 320 150" role="img"/);
      assert.equal(page.match(/<svg /g)?.length, 6, 'requests, errors and latency for both windows');
      assert.match(page, /<strong>3<\/strong> requests, <strong>3<\/strong> errors/);
      assert.match(page, /GET \/v1\/consents\/:consent_id/);
      assert.match(page, /Rate-limit tier: <strong>standard/);
    });

    test('the sandbox page lists the customers, and its try-it commands, run as shown, reach the API', async () => {
      const user = new PortalUser(t.url);
      await user.signUp(email());
      const { clientId, clientSecret } = await user.createApp();
      const { status, page } = await user.get(`/portal/apps/${clientId}/sandbox`);
      assert.equal(status, 200);
      assert.match(page, /sandbox-wanjiku-2026/);
      assert.match(page, /Biashara Bora Traders/);
      const steps = copyBlocks(page).slice(0, 6);
      assert.ok(steps[0]?.includes(`export CLIENT_ID=${clientId}`), steps[0]);
      assert.ok(steps[0]?.includes(`export WEKEZA=${t.url}`));
      const script = ['set -euo pipefail', ...steps]
        .join('\n')
        .replace(SECRET_PLACEHOLDER, `'${clientSecret}'`);
      const { stdout } = await run('bash', ['-c', script], { timeout: 30_000 });
      // The last step prints two JSON documents (jq, pretty): the accounts, then the balance.
      const documents = stdout
        .slice(stdout.indexOf('\n{'))
        .trim()
        .split(/\n(?=\{)/);
      const accounts = JSON.parse(documents[0] ?? '{}') as { data?: { id: string }[] };
      const balance = JSON.parse(documents[1] ?? '{}') as { account_id?: string };
      assert.equal(accounts.data?.length, 1, stdout);
      assert.equal(balance.account_id, accounts.data?.[0]?.id, stdout);
    });

    test('webhooks: add an endpoint (secret once), send a test event, see its delivery, retry it, rotate, delete', async () => {
      const user = new PortalUser(t.url);
      await user.signUp(email());
      const { clientId } = await user.createApp();
      const base = `/portal/apps/${clientId}/webhooks`;
      assert.match((await user.get(base)).page, /No endpoints yet/);
      const bad = await user.submit(
        `${base}/new`,
        { url: 'ftp://x.example', event_types: ['payment.completed'] },
        base,
      );
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /URL: must use https/);
      // The form's checkboxes are not the API's schema: the webhooks service itself refuses unknown types.
      const forged = await user.submit(
        `${base}/new`,
        { url: receiver.url('/portal-hook'), event_types: ['bogus.type'] },
        base,
      );
      assert.equal(forged.status, 400);
      assert.match(await forged.text(), /unknown event type/);
      const none = await user.submit(`${base}/new`, { url: receiver.url('/portal-hook') }, base);
      assert.equal(none.status, 400);
      assert.match(await none.text(), /Event types: must name at least one event type/);
      assert.match((await user.get(base)).page, /No endpoints yet/);
      const added = await user.submit(
        `${base}/new`,
        {
          url: receiver.url('/portal-hook'),
          description: 'Payments',
          event_types: ['payment.completed', 'consent.revoked'],
        },
        base,
      );
      const addedPage = await added.text();
      assert.equal(added.status, 201, addedPage);
      const [secret] = copyBlocks(addedPage, 'Signing secret');
      assert.match(String(secret), /^whsec_/);
      const endpointId = /<code>(whe_[0-9A-Z]{26})<\/code>/.exec(addedPage)?.[1];
      assert.ok(endpointId);
      const endpointPath = `${base}/${endpointId}`;
      assert.ok(!(await user.get(endpointPath)).page.includes(String(secret)), 'shown once');

      const sent = await user.submit(endpointPath, {}, `${endpointPath}/test`);
      assert.equal(sent.status, 303);
      assert.match(String(sent.headers.get('location')), new RegExp(`^${endpointPath}\\?sent=msg_`));
      await receiver.waitFor((r) => r.some((x) => x.path === '/portal-hook' && x.type === 'webhook.test'));
      let page = '';
      for (let i = 0; i < 50 && !/wdl_/.test(page); i++) {
        page = (await user.get(endpointPath)).page;
        if (!/wdl_/.test(page)) await new Promise((r) => setTimeout(r, 100));
      }
      assert.match(page, /webhook\.test/);
      assert.match(page, /204 OK/);
      const deliveryId = /deliveries\/(wdl_[0-9A-Z]{26})\/retry/.exec(page)?.[1];
      assert.ok(deliveryId, page);
      const retried = await user.submit(endpointPath, {}, `${endpointPath}/deliveries/${deliveryId}/retry`);
      assert.equal(retried.status, 303);
      await receiver.waitFor((r) => r.filter((x) => x.path === '/portal-hook').length >= 2);

      const edited = await user.submit(
        `${endpointPath}/edit`,
        {
          url: receiver.url('/portal-hook'),
          description: 'Everything',
          event_types: ['transaction.posted'],
          status: 'enabled',
        },
        endpointPath,
      );
      assert.equal(edited.status, 303);
      assert.match(unescapeHtml((await user.get(`${endpointPath}?saved=1`)).page), /Everything/);

      assert.match((await user.get(`${endpointPath}/rotate-secret`)).page, /Rotate the signing secret\?/);
      const rotated = await user.submit(`${endpointPath}/rotate-secret`, {});
      const [newSecret] = copyBlocks(await rotated.text(), 'Signing secret');
      assert.ok(newSecret && newSecret !== secret);

      assert.match((await user.get(`${endpointPath}/delete`)).page, /cannot be undone/);
      const deleted = await user.submit(`${endpointPath}/delete`, {});
      assert.equal(deleted.headers.get('location'), `${base}?deleted=1`);
      assert.equal((await user.get(endpointPath)).status, 404);
    });

    test('the guide, the stylesheet and the script are served by the platform', async () => {
      const guide = await fetch(`${t.url}/portal/guide`);
      assert.equal(guide.status, 200);
      assert.match(await guide.text(), /<h1 id="getting-started/);
      const css = await fetch(`${t.url}/portal/assets/portal.css`);
      assert.match(String(css.headers.get('content-type')), /^text\/css/);
      const js = await fetch(`${t.url}/portal/assets/portal.js`);
      assert.match(String(js.headers.get('content-type')), /^text\/javascript/);
      const doc = (await (await fetch(`${t.url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
      assert.ok(
        !Object.keys(doc.paths).some((p) => p.startsWith('/portal')),
        'the portal is not part of the API',
      );
    });
  });
}
