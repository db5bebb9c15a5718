/** Surges: rolling-window fatalities at a level not seen in the previous year or three. */
import { CLI_NAMES } from '../cli/wording.js';
import type { CrisisError } from '../model/errors.js';
import { wordError, wordText } from '../model/param.js';

// The library names parameters by token; as the command line words them:
const said = (pattern: RegExp) => (e: CrisisError) => pattern.test(wordError(e, CLI_NAMES).message);
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { count } from '../query/count.js';
import { listEvents } from '../query/events.js';
import { NEEDS_SHARED } from '../../test/testing.js';
import { demoStore, realStore } from '../../test/analysis-stores.js';
import { addDays, dayOf } from './periods.js';
import { surges } from './surges.js';

/** The highest 30-day total among windows ending from `from` to `to`, by brute force over the events. */
async function bruteMax(store: Awaited<ReturnType<typeof demoStore>>, admin1: string, from: string, to: string): Promise<number> {
  const list = await listEvents(store, { admin1: [admin1], from: addDays(from, -29), to }, { fields: ['event_date', 'fatalities'] });
  let best = 0;
  for (let end = dayOf(from); end <= dayOf(to); end++) {
    const total = list.events.filter((e) => dayOf(String(e.event_date)) > end - 30 && dayOf(String(e.event_date)) <= end).reduce((n, e) => n + Number(e.fatalities), 0);
    best = Math.max(best, total);
  }
  return best;
}

test('demo: two weeks after Moura, Mopti and Mali are surging, the highest in three years', async () => {
  const store = await demoStore();
  const answer = await surges(store, { country: ['Mali'] }, { at: '2022-04-15' });
  const mopti = answer.figures.surges.find((s) => s.admin1 === 'Mopti')!;
  const mali = answer.figures.surges.find((s) => s.level === 'country' && s.country === 'Mali')!;
  assert.ok(mopti && mali, answer.sentence);
  assert.deepEqual(mopti.window, { first: '2022-03-17', last: '2022-04-15' });
  const inWindow = await count(store, { country: ['Mali'], admin1: ['Mopti'], from: '2022-03-17', to: '2022-04-15' });
  assert.deepEqual([mopti.fatalities, mopti.events], [inWindow.total.fatalities, inWindow.total.events]);
  assert.equal(mopti.highestIn, 3);
  assert.equal(mopti.previous1y.fatalities, await bruteMax(store, 'Mopti', '2021-03-17', '2022-03-16'));
  assert.equal(mopti.previous3y.fatalities, await bruteMax(store, 'Mopti', '2019-03-18', '2022-03-16'));
  assert.ok(mopti.value === mopti.fatalities && mopti.value > mopti.previous3y.fatalities && mopti.value >= 25);
  assert.equal(mopti.eventIds.length, inWindow.total.events);
  assert.deepEqual(mopti.eventFilter, { country: ['Mali'], admin1: ['Mopti'], from: '2022-03-17', to: '2022-04-15' });
  // Mopti's events are Mali's too: the answer counts each once.
  assert.equal(answer.eventCount, (await count(store, { country: ['Mali'], from: '2022-03-17', to: '2022-04-15' })).total.events);
  assert.equal(answer.eventIds.length, answer.eventCount);
  assert.match(answer.sentence, /surging in Mali in the 30 days to 15 April 2022: Mali, [\d,]+ killed, the most in three years \(previous high [\d,]+\),( and)? Mopti \(Mali\), [\d,]+ killed/);
});

test('the minimum and the history decide: too few deaths, or too short a record, is no surge', async () => {
  const store = await demoStore();
  const strict = await surges(store, { country: ['Mali'] }, { at: '2022-04-15', min: 10_000, minAdmin1: 10_000 });
  assert.deepEqual(strict.figures.surges, []);
  assert.match(strict.sentence, /^No area in Mali had more fatalities in the 30 days to 15 April 2022 than in any 30 days of the year before/);

  // Ivory Coast's first attack was in June 2020: a year and a half of record by January 2021.
  const young = await surges(store, { country: ['Ivory Coast'] }, { at: '2020-07-01', min: 10, minAdmin1: 5 });
  assert.ok(young.figures.surges.every((s) => s.highestIn === 1));
  assert.ok(young.caveats.some((c) => /no surge can be called the highest in three years/.test(c)));
  const tooYoung = await surges(store, {}, { at: '2019-06-01' });
  assert.deepEqual(tooYoung.figures.surges, []);
  assert.ok(tooYoung.caveats.some((c) => /at least a year is needed/.test(c)));
});

test('by default the window ends at the most recent surge the data holds, or at --to', async () => {
  const store = await demoStore();
  const latest = await surges(store, {});
  assert.equal(latest.figures.at, '2023-12-22');
  assert.equal(latest.figures.latest, true);
  assert.equal(latest.figures.dataEnd, '2023-12-31');
  assert.ok(latest.figures.surges.length > 0);
  assert.match(latest.sentence, /^The most recent surge in the data was in the 30 days to 22 December 2023 \(the data runs to 31 December 2023\): /, latest.sentence);
  // The same day asked for: the same surges, called surging.
  const atThatDay = await surges(store, {}, { at: '2023-12-22' });
  assert.deepEqual(atThatDay.figures.surges, latest.figures.surges);
  assert.equal(atThatDay.figures.latest, false);
  // Not one day later: no window after it surges.
  for (const at of ['2023-12-23', '2023-12-31']) assert.deepEqual((await surges(store, {}, { at })).figures.surges, [], at);
  const toApril = await surges(store, { country: ['Mali'], to: '2022-04-15' });
  assert.equal(toApril.figures.at, '2022-04-15');
  assert.ok(toApril.figures.surges.some((s) => s.admin1 === 'Mopti'));
  const year = await surges(store, { country: ['Mali'], year: [2021] });
  assert.equal(year.figures.at, '2021-12-31');
  assert.ok(year.caveats.some((c) => /--from and --year do not limit surges/.test(wordText(c, CLI_NAMES))));
});

test('real ACLED sample: half a year of data is too short to call a surge', { skip: NEEDS_SHARED }, async () => {
  const store = await realStore('acled/acled_sample_2022h1.csv');
  const answer = await surges(store, {});
  assert.equal(answer.figures.at, '2022-06-30');
  assert.deepEqual(answer.figures.surges, []);
  assert.ok(answer.figures.areasWatched > 0);
});

test('no events: nothing to watch; bad options are refused', async () => {
  const store = await demoStore();
  assert.equal((await surges(store, { country: ['Ghana'], to: '2019-12-31' })).sentence, 'No events match in Ghana: nothing to watch.');
  await assert.rejects(surges(store, {}, { window: 0 }), said(/--window 0 is out of range: give a number from 1 to 366/));
});
