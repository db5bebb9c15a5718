/** Surges in ACLED's weekly aggregated data: the same rule as for events, over whole weeks. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { surges } from './surges.js';
import { importFiles } from '../sources/import.js';
import { memoryStore, writeScratch } from '../../test/testing.js';
import { addDays } from './periods.js';

test('a weekly file surges when its last weeks outdo every window of the year before', async () => {
  const header = 'WEEK,REGION,COUNTRY,ADMIN1,EVENT_TYPE,SUB_EVENT_TYPE,EVENTS,FATALITIES,POPULATION_EXPOSURE,DISORDER_TYPE,ID,CENTROID_LATITUDE,CENTROID_LONGITUDE';
  // 60 quiet weeks (2 killed a week in Mopti), then 120 killed in the last week.
  const weeks = Array.from({ length: 61 }, (_, i) => addDays('2021-01-02', 7 * i));
  const rows = weeks.map((w, i) => `${w},Western Africa,Mali,Mopti,Battles,Armed clash,1,${i === 60 ? 120 : 2},,Political violence,${i},14,-4`);
  const store = await memoryStore();
  await importFiles(store, [writeScratch('Africa_aggregated_data_up_to-2022-02-26.csv', [header, ...rows].join('\n'))]);
  const answer = await surges(store, {}, { window: 28 });
  assert.equal(answer.figures.at, addDays(weeks[60]!, 6), 'the window ends with the last week');
  assert.deepEqual(
    answer.figures.surges.map((s) => [s.level, s.country, s.admin1, s.fatalities, s.previous1y.fatalities, s.window.first]),
    [
      ['country', 'Mali', null, 126, 8, weeks[57]],
      ['admin1', 'Mali', 'Mopti', 126, 8, weeks[57]],
    ],
  );
  assert.deepEqual(answer.eventIds, [], 'aggregated data has no events behind its numbers');
  assert.match(answer.caveats.join('\n'), /the window is 4 weeks \(28 days\)/);
  store.close();
});
