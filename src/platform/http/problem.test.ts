import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import Fastify from 'fastify';
import { AppError, catalogue, statusOfKind } from '../errors/index.ts';
import { errorHandler, notFoundHandler } from './problem.ts';

function appWith(route: () => unknown) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  const app = Fastify({ logger: { level: 'info', stream } });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  app.get('/boom', route as never);
  return { app, lines };
}

test('every catalogued code maps to a 4xx or 5xx status through its kind', () => {
  for (const [code, { kind }] of Object.entries(catalogue)) {
    const status = statusOfKind[kind];
    assert.ok(status >= 400 && status < 600, code);
  }
  assert.equal(statusOfKind[catalogue.INSUFFICIENT_FUNDS.kind], 422);
  assert.equal(statusOfKind[catalogue.ACCOUNT_NOT_FOUND.kind], 404);
  assert.equal(statusOfKind[catalogue.REFERENCE_REUSED.kind], 409);
});

test('a domain error becomes a problem document with its code and extra members', async () => {
  const { app } = appWith(() => {
    throw new AppError('INSUFFICIENT_FUNDS', 'Account acc_1 has insufficient funds', {
      extra: { account_id: 'acc_1' },
    });
  });
  const res = await app.inject('/boom');
  assert.equal(res.statusCode, 422);
  assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
  assert.deepEqual(res.json(), {
    type: 'urn:wekeza:problem:insufficient-funds',
    title: 'Insufficient funds',
    status: 422,
    detail: 'Account acc_1 has insufficient funds',
    instance: '/boom',
    code: 'INSUFFICIENT_FUNDS',
    request_id: res.json().request_id,
    account_id: 'acc_1',
  });
});

test('an unexpected exception is a problem 500 that leaks nothing, and is logged', async () => {
  const { app, lines } = appWith(() => {
    throw new Error('connection string postgres://admin:hunter2@db failed');
  });
  const res = await app.inject('/boom');
  assert.equal(res.statusCode, 500);
  const body = res.json();
  assert.equal(body.code, 'INTERNAL_ERROR');
  assert.doesNotMatch(res.body, /hunter2|postgres:|stack/);
  assert.ok(lines.some((l) => l.includes('unhandled error')));
});

test('a thrown non-error value is still a problem 500', async () => {
  const { app } = appWith(() => Promise.reject('just a string'));
  const res = await app.inject('/boom');
  assert.equal(res.statusCode, 500);
  assert.equal(res.json().code, 'INTERNAL_ERROR');
});
