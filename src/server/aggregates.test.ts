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
