import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { verifyWebhook, WebhookVerificationError } from '../src/index.ts';

const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const OTHER = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
const BODY = JSON.stringify({
  id: 'evt_1',
  type: 'webhook.test',
  source: 'x',
  time: 't',
  data: { ok: true },
});
const AT = new Date('2026-06-01T08:00:00Z');

/** Headers as the platform sends them, signed by the reference Standard Webhooks library. */
const signed = (secrets: string[], at = AT, body = BODY) => ({
  'webhook-id': 'msg_1',
  'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
  'webhook-signature': secrets.map((s) => new Webhook(s).sign('msg_1', at, body)).join(' '),
});

const refused = (fn: () => unknown) => assert.throws(fn, WebhookVerificationError);

describe('verifyWebhook (Standard Webhooks)', () => {
  test('a delivery signed with the secret is verified and its event returned', () => {
    const event = verifyWebhook(SECRET, signed([SECRET]), BODY, { now: AT });
    assert.equal(event.type, 'webhook.test');
    assert.deepEqual(event.data, { ok: true });
  });

  test('during a rotation either signature verifies, and Fetch Headers work too', () => {
    const headers = new Headers(signed([OTHER, SECRET]));
    assert.equal(verifyWebhook(SECRET, headers, BODY, { now: AT }).id, 'evt_1');
    assert.equal(verifyWebhook(OTHER, headers, BODY, { now: AT }).id, 'evt_1');
  });

  test('a changed body, another secret, missing headers or an old timestamp are refused', () => {
    refused(() => verifyWebhook(SECRET, signed([SECRET]), BODY.replace('true', 'false'), { now: AT }));
    refused(() => verifyWebhook(OTHER, signed([SECRET]), BODY, { now: AT }));
    refused(() => verifyWebhook(SECRET, { 'webhook-id': 'msg_1' }, BODY, { now: AT }));
    refused(() => verifyWebhook(SECRET, signed([SECRET]), BODY, { now: new Date(AT.getTime() + 301_000) }));
    assert.ok(verifyWebhook(SECRET, signed([SECRET]), BODY, { now: new Date(AT.getTime() + 299_000) }));
    refused(() =>
      verifyWebhook(SECRET, { ...signed([SECRET]), 'webhook-signature': 'v2,AAAA' }, BODY, { now: AT }),
    );
  });
});
