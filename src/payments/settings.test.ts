/**
 * The payments and risk settings: defaults (free sandbox payments, enforce mode, review at 50 and
 * decline at 90, keys kept 24 hours, no operator API) and every bad value refused with its name.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { digest, loadConfig } from '../platform/index.ts';

test('the payment and risk settings have safe defaults', () => {
  const config = loadConfig({});
  assert.deepEqual(config.paymentFees, {});
  assert.equal(config.bankCode, '99');
  assert.equal(config.idempotencyKeyHours, 24);
  assert.equal(config.riskMode, 'enforce');
  assert.deepEqual(config.riskPolicy, { review: 50, decline: 90 });
  assert.deepEqual(config.riskRules, {});
  assert.equal(config.operatorKeyDigest, undefined);
});

test('they are parsed once: fees in minor units, the operator key kept only as its digest', () => {
  const key = 'a-long-random-operator-key-0123456789abcdef';
  const config = loadConfig({
    WEKEZA_PAYMENT_FEES: 'KES=25.00,USD=0.50,UGX=500',
    WEKEZA_RISK_MODE: 'monitor',
    WEKEZA_RISK_POLICY: 'review=40,decline=80',
    WEKEZA_RISK_RULES: '{"amount":{"review":{"KES":"1000.00"}}}',
    WEKEZA_OPERATOR_KEY: key,
  });
  assert.deepEqual(config.paymentFees, { KES: 25_00n, USD: 50n, UGX: 500n });
  assert.equal(config.riskMode, 'monitor');
  assert.deepEqual(config.riskPolicy, { review: 40, decline: 80 });
  assert.deepEqual(config.riskRules, { amount: { review: { KES: '1000.00' } } });
  assert.equal(config.operatorKeyDigest, digest(key));
  assert.ok(!Object.values(config).includes(key), 'the key itself is not kept');
});

test('bad payment and risk settings stop the start, named', () => {
  for (const [env, value] of [
    ['WEKEZA_PAYMENT_FEES', 'KES=25.001'],
    ['WEKEZA_PAYMENT_FEES', 'KES:25'],
    ['WEKEZA_RISK_MODE', 'off'],
    ['WEKEZA_RISK_POLICY', 'review=90,decline=50'],
    ['WEKEZA_RISK_POLICY', 'review=0,decline=50'],
    ['WEKEZA_RISK_RULES', '[1]'],
    ['WEKEZA_RISK_RULES', '{nope'],
    ['WEKEZA_OPERATOR_KEY', 'short'],
    ['WEKEZA_IDEMPOTENCY_KEY_HOURS', '12'],
    ['WEKEZA_BANK_CODE', 'WKZ'],
  ] as const) {
    assert.throws(() => loadConfig({ [env]: value }), new RegExp(env), `${env}=${value}`);
  }
});
