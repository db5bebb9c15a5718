/** ACLED-style query parameters → the one Filter model: what each form of a parameter means. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CrisisError } from '../model/errors.js';
import { wordError } from '../model/param.js';
import { HTTP_NAMES } from './wording.js';
import { FilterQuery, filterOf, isDate } from './params.js';

const filter = (query: Record<string, string>) => filterOf(FilterQuery.parse(query));

test('| separates alternatives; each parameter becomes its Filter key', () => {
  assert.deepEqual(filter({ country: 'Mali|Niger', year: '2021|2022', event_type: 'Battles', actor: 'Wagner', actor_exact: '1', civilian_targeting: '1', dataset: 'acled' }), {
    country: ['Mali', 'Niger'],
    year: [2021, 2022],
    eventType: ['Battles'],
    actor: ['Wagner'],
    actorExact: true,
    civilianTargeting: true,
    dataset: ['acled'],
  });
  assert.deepEqual(filter({ country: ' Mali | Niger |', admin1: '', sub_event_type: 'Attack', disorder_type: 'Political violence', interaction: '17', admin2: 'Djenne', location: 'Moura' }), {
    country: ['Mali', 'Niger'],
    admin2: ['Djenne'],
    location: ['Moura'],
    subEventType: ['Attack'],
    disorderType: ['Political violence'],
    interaction: ['17'],
  });
  assert.deepEqual(filter({ actor: 'Wagner', actor_exact: '0' }), { actor: ['Wagner'] });
  assert.deepEqual(filter({ civilian_targeting: 'Civilian targeting' }), { civilianTargeting: true });
});

test('event_date and event_date_where, as ACLED reads them, give the first and last day', () => {
  assert.deepEqual(filter({ event_date: '2021-01-01|2022-12-31', event_date_where: 'BETWEEN' }), { from: '2021-01-01', to: '2022-12-31' });
  assert.deepEqual(filter({ event_date: '2021-01-01|2022-12-31', event_date_where: 'between' }), { from: '2021-01-01', to: '2022-12-31' });
  assert.deepEqual(filter({ event_date: '2022-03-27' }), { from: '2022-03-27', to: '2022-03-27' });
  assert.deepEqual(filter({ event_date: '2022-03-27', event_date_where: '=' }), { from: '2022-03-27', to: '2022-03-27' });
  assert.deepEqual(filter({ event_date: '2022-03-27', event_date_where: '>=' }), { from: '2022-03-27' });
  assert.deepEqual(filter({ event_date: '2022-03-27', event_date_where: '<=' }), { to: '2022-03-27' });
  assert.deepEqual(filter({ event_date: '2022-12-31', event_date_where: '>' }), { from: '2023-01-01' });
  assert.deepEqual(filter({ event_date: '2024-03-01', event_date_where: '<' }), { to: '2024-02-29' });
});

test('combinations one value cannot check alone are refused with an example', () => {
  const refused = (query: Record<string, string>, message: RegExp) =>
    // Worded as the API words it (the library names parameters by key).
    assert.throws(
      () => filter(query),
      (e: unknown) => e instanceof CrisisError && message.test(wordError(e, HTTP_NAMES).message) && e.details.length > 0,
    );
  refused({ event_date: '2022-01-01', event_date_where: 'BETWEEN' }, /BETWEEN needs two dates, not 1/);
  // A third date is past the parameter's declared bound, refused by its schema before BETWEEN reads it.
  assert.throws(() => filter({ event_date: '2022-01-01|2022-02-01|2022-03-01', event_date_where: 'BETWEEN' }), /event_date: 3 values, at most 2/);
  refused({ event_date: '2022-02-01|2022-01-01', event_date_where: 'BETWEEN' }, /2022-02-01 is after 2022-01-01/);
  refused({ event_date: '2022-01-01|2022-02-01' }, /has 2 dates/);
  refused({ event_date_where: '>=' }, /needs an event_date/);
});

test('a date is a real day written YYYY-MM-DD', () => {
  assert.deepEqual(['2022-03-27', '2024-02-29', '2023-02-29', '2022-13-01', '27/03/2022', '2022-3-27', ''].map(isDate), [true, true, false, false, false, false, false]);
  assert.throws(() => filterOf({ event_date: '2022-01-01|2023-02-29', event_date_where: 'BETWEEN' }), /2023-02-29.*no such day/);
  assert.equal(FilterQuery.safeParse({ year: '2022|22' }).success, false);
  assert.equal(FilterQuery.safeParse({ civilian_targeting: 'no' }).success, false);
});
