/** Periods labelled as count --by labels them, and the days each covers. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePeriod, periodBounds, periodOf, periodsBetween } from './periods.js';

test('a date falls in one year, quarter, month and ISO week (weeks start on Monday)', () => {
  assert.deepEqual(
    ['year', 'quarter', 'month', 'week'].map((k) => periodOf('2022-03-27', k as 'year')),
    ['2022', '2022-Q1', '2022-03', '2022-03-21'],
  );
  assert.equal(periodOf('2022-03-28', 'week'), '2022-03-28');
  assert.equal(periodOf('2023-01-01', 'week'), '2022-12-26');
});

test('bounds of each kind of period, leap years and month ends included', () => {
  assert.deepEqual(periodBounds('2024-02', 'month'), { first: '2024-02-01', last: '2024-02-29' });
  assert.deepEqual(periodBounds('2022-Q4', 'quarter'), { first: '2022-10-01', last: '2022-12-31' });
  assert.deepEqual(periodBounds('2022-12-26', 'week'), { first: '2022-12-26', last: '2023-01-01' });
  assert.deepEqual(periodsBetween('2021-Q3', '2022-Q2', 'quarter'), ['2021-Q3', '2021-Q4', '2022-Q1', '2022-Q2']);
});

test('periods as users type them are checked; any day names its week', () => {
  assert.equal(parsePeriod('2022-q1', 'quarter'), '2022-Q1');
  assert.equal(parsePeriod('2022-03-30', 'week'), '2022-03-28');
  assert.throws(() => parsePeriod('2022-13', 'month'), /"2022-13" is not a month/);
});
