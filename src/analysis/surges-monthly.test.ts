/**
 * Surges in ACLED's country-level aggregated files: by whole months (fatalities where the file
 * has them, events where it counts only events), said in the sentence; refused on yearly files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { surges } from './surges.js';
import { count } from '../query/count.js';
import { importFiles } from '../sources/import.js';
import { CLI_NAMES } from '../cli/wording.js';
import { CrisisError } from '../model/errors.js';
import { wordError } from '../model/param.js';
import { memoryStore, NEEDS_SHARED, shared, writeScratch } from '../../test/testing.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Rows for 2021-01 to 2022-12, one per country and month, with `figures(year, month)` as the measures. */
function monthly(header: string, countries: Record<string, (year: number, month: number) => number[]>): string {
  const rows = [header];
  for (const [country, figures] of Object.entries(countries)) for (const year of [2021, 2022]) for (let m = 1; m <= 12; m++) rows.push([country, MONTHS[m - 1], year, ...figures(year, m)].join(','));
  return `${rows.join('\n')}\n`;
}

const march2022 = (y: number, m: number) => y === 2022 && m === 3;

async function civilianStore() {
  const store = await memoryStore();
  // Mali: 10 killed a month (25 in June 2021), then 300 in March 2022. Niger: 150 every month, high but no higher than before.
  const csv = monthly('COUNTRY,MONTH,YEAR,EVENTS,FATALITIES', {
    Mali: (y, m) => (march2022(y, m) ? [40, 300] : y === 2021 && m === 6 ? [5, 25] : [3, 10]),
    Niger: () => [20, 150],
  });
  await importFiles(store, [writeScratch('number_of_civilian_targeting_events_and_fatalities_by_country-month-year_as-of-24Oct2025.csv', csv)]);
  return store;
}

test('monthly fatalities: the month above every month of the year before surges, in whole months', async () => {
  const store = await civilianStore();
  const answer = await surges(store, {}, { at: '2022-03-15' });
  assert.equal(answer.figures.at, '2022-03-31', 'the window is the whole month holding --at');
  assert.deepEqual([answer.figures.unit, answer.figures.periods, answer.figures.window, answer.figures.measure], ['month', 1, 31, 'fatalities']);
  assert.deepEqual(
    answer.figures.surges.map((s) => [s.level, s.country, s.window, s.value, s.fatalities, s.events, s.previous1y, s.highestIn]),
    [['country', 'Mali', { first: '2022-03-01', last: '2022-03-31' }, 300, 300, 40, { fatalities: 25, windowEnd: '2021-06-30' }, 1]],
  );
  // The window's figure is the month's row, as count() gives it.
  const inMarch = await count(store, { country: ['Mali'], from: '2022-03-01', to: '2022-03-31' });
  assert.deepEqual(inMarch.total, { events: 40, fatalities: 300 });
  assert.equal(
    answer.sentence,
    'One area is surging in March 2022 (acled-civilian-targeting: civilian targeting events per country × month): Mali, 300 killed, the most in a year (previous high 25).',
  );
  const caveats = answer.caveats.join('\n');
  assert.match(caveats, /acled-civilian-targeting counts whole months: the window is 1 month \(31 days, for the 30 asked\), March 2022/);
  assert.match(caveats, /a surge is 1-month fatalities above every 1-month total of the year before the window began, and at least 100 for a country$/m);
  assert.match(caveats, /data covers 424 days before the window: no surge can be called the highest in three years/);
  assert.deepEqual(answer.eventIds, [], 'aggregated data has no events behind its numbers');

  // A month later, April is no surge: March is now in the year before it.
  const april = await surges(store, {}, { at: '2022-04-30' });
  assert.deepEqual(april.figures.surges, []);
  assert.match(april.sentence, /^No area had more fatalities in April 2022 \(acled-civilian-targeting: .*\) than in any month of the year before \(and at least 100 for a country\)\.$/);
  store.close();
});

test('monthly: with no date, the most recent surge; a 90-day window is three whole months', async () => {
  const store = await civilianStore();
  const latest = await surges(store, {});
  assert.equal(latest.figures.latest, true);
  assert.deepEqual([latest.figures.at, latest.figures.dataEnd], ['2022-03-31', '2022-12-31']);
  assert.match(
    latest.sentence,
    /^The most recent surge in the data was in March 2022 \(acled-civilian-targeting: civilian targeting events per country × month\) \(the data runs to 31 December 2022\): Mali, 300 killed\.$/,
  );

  const quarter = await surges(store, {}, { at: '2022-03-31', window: 90 });
  const mali = quarter.figures.surges.find((s) => s.country === 'Mali')!;
  assert.deepEqual([quarter.figures.periods, mali.window.first, mali.value, mali.previous1y.fatalities], [3, '2022-01-01', 320, 45]);
  assert.match(quarter.sentence, /in the 3 months January 2022 to March 2022 \(acled-civilian-targeting/);
  store.close();
});

test('monthly event counts (political violence): surges in events, fatalities unknown', async () => {
  const store = await memoryStore();
  const csv = monthly('COUNTRY,MONTH,YEAR,EVENTS', { Mali: (y, m) => [march2022(y, m) ? 180 : 50] });
  await importFiles(store, [writeScratch('number_of_political_violence_events_by_country-month-year_as-of-24Oct2025.csv', csv)]);
  const answer = await surges(store, { country: ['Mali'] }, { at: '2022-03-01' });
  assert.equal(answer.figures.measure, 'events');
  assert.deepEqual(
    answer.figures.surges.map((s) => [s.country, s.value, s.events, s.fatalities, s.previous1y.fatalities]),
    [['Mali', 180, 180, null, 50]],
  );
  assert.match(
    answer.sentence,
    /surging in Mali in March 2022 \(acled-political-violence: political violence events per country × month\): Mali, 180 political violence events, the most in a year \(previous high 50\)/,
  );
  assert.match(answer.caveats.join('\n'), /a surge is 1-month political violence events above every 1-month total/);
  store.close();
});

const saidAtCli = (e: unknown) => (e instanceof CrisisError ? [wordError(e, CLI_NAMES).message, ...(wordError(e, CLI_NAMES).hints ?? [])].join('\n') : String(e));

test('yearly files are refused, saying why and what to run instead', async () => {
  const store = await memoryStore();
  const rows = ['COUNTRY,YEAR,FATALITIES', ...[2019, 2020, 2021, 2022].map((y, i) => `Mali,${y},${[500, 600, 1909, 4858][i]}`)];
  await importFiles(store, [writeScratch('number_of_reported_fatalities_by_country-year_as-of-24Oct2025.csv', rows.join('\n'))]);
  await assert.rejects(surges(store, {}), (e) => {
    const text = saidAtCli(e);
    assert.match(text, /^surges cannot be found in acled-fatalities: it holds one figure per country × year/);
    assert.match(text, /the year before a whole year holds one figure/);
    assert.match(text, /crisismap trend --dataset acled-fatalities --by year/);
    return true;
  });
  store.close();
});

test('real files: the fatalities-by-country-year workbook is refused; the weekly file surges as count() counts', { skip: NEEDS_SHARED }, async () => {
  const store = await memoryStore();
  await importFiles(store, [
    shared('acled', 'aggregated', 'number_of_reported_fatalities_by_country-year_as-of-24Oct2025.xlsx'),
    shared('acled', 'aggregated', 'US-and-Canada_aggregated_data_up_to_week_of-2026-03-28.csv'),
  ]);
  await assert.rejects(surges(store, { dataset: ['acled-fatalities'], country: ['Mali'] }), /surges cannot be found in acled-fatalities: it holds one figure per country × year/);
  const weekly = await surges(store, { dataset: ['acled-weekly'] }, { min: 1, minAdmin1: 1 });
  assert.ok(weekly.figures.surges.length > 0, weekly.sentence);
  assert.match(weekly.sentence, /\(acled-weekly: all events per week × admin1 × event type × sub-event type\)/);
  for (const s of weekly.figures.surges) {
    const where = { dataset: ['acled-weekly'], country: [s.country], ...(s.admin1 ? { admin1: [s.admin1] } : {}), from: s.window.first, to: s.window.last };
    const inWindow = await count(store, where);
    assert.deepEqual([s.value, s.events], [inWindow.total.fatalities, inWindow.total.events], `${s.country} ${s.admin1 ?? ''}`);
  }
  store.close();
});
