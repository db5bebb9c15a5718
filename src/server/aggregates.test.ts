/** The API on aggregated data: the same answers as the library, and plain refusals where events are needed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testServer } from '../../test/server.js';
import { acledCsv, writeScratch } from '../../test/testing.js';

const HEADER = 'WEEK,REGION,COUNTRY,ADMIN1,EVENT_TYPE,SUB_EVENT_TYPE,EVENTS,FATALITIES,POPULATION_EXPOSURE,DISORDER_TYPE,ID,CENTROID_LATITUDE,CENTROID_LONGITUDE';

test('/api/count, /api/trend and /api/events with an aggregated dataset beside events', async () => {
  const server = await testServer([
    writeScratch(
      'Africa_aggregated_data_up_to-2022-04-02.csv',
      `${HEADER}\n2022-03-26,Western Africa,Mali,Mopti,Battles,Armed clash,5,300,,Political violence,1,14,-4\n2022-03-19,Western Africa,Mali,Gao,Protests,Peaceful protest,2,0,,Demonstrations,2,16,0\n`,
    ),
    writeScratch('mali.csv', acledCsv([{ event_id_cnty: 'MLI1', event_date: '2022-03-27', fatalities: 30 }])),
  ]);
  try {
    const events = await server.json('/api/count?country=Mali');
    assert.deepEqual([events.status, events.body.total], [200, { events: 1, fatalities: 30 }]);
    const weekly = await server.json('/api/count?country=Mali&dataset=acled-weekly&by=admin1');
    assert.equal(weekly.status, 200);
    assert.deepEqual(
      weekly.body.rows.map((r: { admin1: string; events: number; fatalities: number }) => [r.admin1, r.events, r.fatalities]),
      [
        ['Mopti', 5, 300],
        ['Gao', 2, 0],
      ],
    );
    assert.equal(weekly.body.aggregate.resolution, 'week × admin1 × event type × sub-event type');
    assert.deepEqual(
      weekly.body.datasets.map((d: { dataset: string }) => d.dataset),
      ['acled-weekly'],
    );
    const trend = await server.json('/api/trend?dataset=acled-weekly&by=month');
    assert.equal(trend.status, 200);
    assert.deepEqual(trend.body.eventIds, []);
    const refused = await server.json('/api/events?dataset=acled-weekly');
    assert.equal(refused.status, 400);
    assert.match(JSON.stringify(refused.body), /acled-weekly is aggregated data: it has no events behind its numbers/);
    const mixed = await server.json('/api/count?dataset=acled|acled-weekly');
    assert.equal(mixed.status, 400);
    assert.match(JSON.stringify(mixed.body), /mixes aggregated data/);
  } finally {
    await server.close();
  }
});

test('/api/surges on monthly and yearly aggregates: whole months said in the sentence; years refused, saying why', async () => {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  // Mali, 2021-01 to 2022-06: 10 killed a month, then 300 in March 2022.
  const rows = [2021, 2022].flatMap((y) => months.slice(0, y === 2022 ? 6 : 12).map((m, i) => `Mali,${m},${y},3,${y === 2022 && i === 2 ? 300 : 10}`));
  const server = await testServer([
    writeScratch('number_of_civilian_targeting_events_and_fatalities_by_country-month-year_as-of-24Oct2025.csv', ['COUNTRY,MONTH,YEAR,EVENTS,FATALITIES', ...rows].join('\n')),
    writeScratch('number_of_reported_fatalities_by_country-year_as-of-24Oct2025.csv', 'COUNTRY,YEAR,FATALITIES\nMali,2021,1909\nMali,2022,4858\n'),
  ]);
  try {
    const monthly = await server.json('/api/surges?dataset=acled-civilian-targeting&at=2022-03-10');
    assert.equal(monthly.status, 200);
    assert.deepEqual(
      monthly.body.figures.surges.map((s: { country: string; value: number; window: { first: string; last: string } }) => [s.country, s.value, s.window.first, s.window.last]),
      [['Mali', 300, '2022-03-01', '2022-03-31']],
    );
    assert.match(monthly.body.sentence, /in March 2022 \(acled-civilian-targeting: civilian targeting events per country × month\): Mali, 300 killed/);
    assert.deepEqual(monthly.body.eventIds, []);
    const yearly = await server.json('/api/surges?dataset=acled-fatalities');
    assert.equal(yearly.status, 400);
    assert.match(JSON.stringify(yearly.body), /surges cannot be found in acled-fatalities: it holds one figure per country × year/);
    assert.match(JSON.stringify(yearly.body), /dataset=acled-fatalities/, 'the hint, worded for the API, names the dataset to look at by year');
  } finally {
    await server.close();
  }
});
