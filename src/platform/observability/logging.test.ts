import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import Fastify, { LogController } from 'fastify';
import { loggerOptions, redact, requestIdOf } from './logging.ts';

test('log lines carry the request id and never credentials or account numbers', async () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  const app = Fastify({
    logger: { ...(loggerOptions('info') as object), stream },
    genReqId: requestIdOf,
    logController: new LogController({ requestIdLogLabel: 'request_id' }),
  });
  app.post('/login', async (request) => {
    request.log.info({ body: request.body, account: { account_number: '0100123456789' } }, 'login attempt');
    return { ok: true };
  });
  await app.inject({
    method: 'POST',
    url: '/login?code=secret-code',
    headers: { authorization: 'Bearer eyJhbGciOi.secret', cookie: 'sid=abc', 'x-request-id': 'req-42' },
    payload: { username: 'wanjiku', password: 'hunter2', client_secret: 'cs_live_1' },
  });
  const text = lines.join('');
  assert.match(text, /"request_id":"req-42"/);
  assert.match(text, /wanjiku/);
  for (const secret of ['hunter2', 'cs_live_1', 'eyJhbGciOi', 'sid=abc', '0100123456789', 'secret-code']) {
    assert.ok(!text.includes(secret), `${secret} leaked into the logs`);
  }
  assert.match(text, /\[redacted\]/);
});

test('redaction censors sensitive keys at any of three levels and copies nothing when clean', () => {
  const clean = { app: 'app_1', route: '/v1/accounts', nested: { status: 200 } };
  assert.equal(redact(clean), clean, 'a line without secrets is passed through as it is');
  const dirty = {
    Password: 'hunter2',
    body: { client_secret: 'cs', list: [1] },
    req: { headers: { Authorization: 'Bearer x', 'X-Api-Key': 'k', accept: '*/*' } },
  };
  assert.deepEqual(redact(dirty), {
    Password: '[redacted]',
    body: { client_secret: '[redacted]', list: [1] },
    req: { headers: { Authorization: '[redacted]', 'X-Api-Key': '[redacted]', accept: '*/*' } },
  });
  assert.equal(dirty.body.client_secret, 'cs', 'the caller’s object is not changed');
});
