import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../errors/index.ts';
import {
  exponentOf,
  formatAmount,
  fromDto,
  MAX_AMOUNT_MINOR,
  minorFromDb,
  parseAmount,
  toDto,
} from './index.ts';

const rejects = (fn: () => unknown, code: string, path?: string) => {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof AppError);
    assert.equal(err.code, code);
    if (path) assert.equal(err.errors?.[0]?.path, path);
    return true;
  });
};

test('decimal strings become exact minor units in the currency scale', () => {
  assert.equal(parseAmount('1500.00', 'KES'), 150000n);
  assert.equal(parseAmount('1500', 'KES'), 150000n);
  assert.equal(parseAmount('0.5', 'USD'), 50n);
  assert.equal(parseAmount('1500', 'UGX'), 1500n);
  assert.equal(parseAmount('1.234', 'KWD'), 1234n);
  assert.equal(parseAmount('9999999999999.99', 'KES'), MAX_AMOUNT_MINOR, 'the largest amount, exact');
  assert.equal(parseAmount('-3.10', 'KES', { allowNegative: true }), -310n);
  assert.equal(parseAmount('0', 'KES', { allowZero: true }), 0n);
});

test('wrong scale, negatives, zero, non-numbers and unknown currencies are refused with the field path', () => {
  rejects(
    () => parseAmount('10.001', 'KES', { path: '/body/amount/amount' }),
    'INVALID_AMOUNT',
    '/body/amount/amount',
  );
  rejects(() => parseAmount('10.5', 'UGX'), 'INVALID_AMOUNT');
  rejects(() => parseAmount('-1.00', 'KES'), 'INVALID_AMOUNT');
  rejects(() => parseAmount('0.00', 'KES'), 'INVALID_AMOUNT');
  for (const bad of ['', ' 1', '1e3', '1,000.00', '01.00', '.5', '5.', 'NaN', 'Infinity', '0x10', '1.0.0']) {
    rejects(() => parseAmount(bad, 'KES'), 'INVALID_AMOUNT');
  }
  rejects(() => parseAmount(1500 as unknown as string, 'KES'), 'INVALID_AMOUNT');
  // Above the largest amount: refused before any 64-bit column or sum could overflow.
  for (const big of ['10000000000000.00', '99999999999999999.00', '123456789012345678.99']) {
    rejects(
      () => parseAmount(big, 'KES', { path: '/body/amount/amount' }),
      'INVALID_AMOUNT',
      '/body/amount/amount',
    );
  }
  rejects(() => parseAmount('-10000000000000.00', 'KES', { allowNegative: true }), 'INVALID_AMOUNT');
  rejects(() => parseAmount('1000000000000000', 'UGX'), 'INVALID_AMOUNT');
  rejects(
    () => parseAmount('1.00', 'XYZ', { path: '/body/amount/amount' }),
    'UNSUPPORTED_CURRENCY',
    '/body/amount/currency',
  );
  rejects(() => exponentOf('kes'), 'UNSUPPORTED_CURRENCY');
  rejects(() => exponentOf('__proto__'), 'UNSUPPORTED_CURRENCY');
});

test('minor units print with exactly the currency scale', () => {
  assert.equal(formatAmount(150000n, 'KES'), '1500.00');
  assert.equal(formatAmount(5n, 'KES'), '0.05');
  assert.equal(formatAmount(-5n, 'USD'), '-0.05');
  assert.equal(formatAmount(0n, 'KES'), '0.00');
  assert.equal(formatAmount(1500n, 'UGX'), '1500');
  assert.equal(formatAmount(1n, 'BHD'), '0.001');
  assert.deepEqual(toDto({ minor: 12345n, currency: 'USD' }), { amount: '123.45', currency: 'USD' });
  assert.deepEqual(fromDto({ amount: '123.45', currency: 'USD' }), { minor: 12345n, currency: 'USD' });
});

test('format and parse are exact inverses for any amount (property)', () => {
  fc.assert(
    fc.property(
      fc.bigInt({ min: -MAX_AMOUNT_MINOR, max: MAX_AMOUNT_MINOR }),
      fc.constantFrom('KES', 'UGX', 'KWD', 'USD'),
      (minor, ccy) => {
        assert.equal(
          parseAmount(formatAmount(minor, ccy), ccy, { allowNegative: true, allowZero: true }),
          minor,
        );
      },
    ),
  );
});

test('integers from either database driver are read exactly', () => {
  assert.equal(minorFromDb(42), 42n);
  assert.equal(minorFromDb(9007199254740993n), 9007199254740993n);
  assert.equal(minorFromDb('-9007199254740993'), -9007199254740993n);
  assert.throws(() => minorFromDb(1.5));
  assert.throws(() => minorFromDb('1.5'));
});
