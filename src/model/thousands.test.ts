import { test } from 'node:test';
import assert from 'node:assert/strict';
import { thousands } from './thousands.js';

test('numbers are written exactly as en-US toLocaleString writes them', () => {
  const numbers = [0, -0, 1, -1, 12, 999, 1000, -1000, 12_345, 999_999, 1_000_000, -98_765_432, 2 ** 53, 1e20, 1e21, 1.5, -2.25, 0.0004, 1234.5678, NaN, Infinity, -Infinity];
  for (let k = 1; k < 1e16; k *= 7) numbers.push(k, -k, k + 0.5);
  for (const n of numbers) assert.equal(thousands(n), n.toLocaleString('en-US'), String(n));
});
