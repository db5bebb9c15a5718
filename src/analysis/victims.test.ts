/** Who died, as each source allows: UCDP by side, ACLED by kind of event and of parties. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { count } from '../query/count.js';
import { NEEDS_SHARED } from '../../test/testing.js';
import { demoStore, realStore, smallStore } from '../../test/analysis-stores.js';
import { partiesLabel } from './inter.js';
import { victims } from './victims.js';

test('real UCDP sample: side A, side B, civilians and unknown add up to best, 9,561', { skip: NEEDS_SHARED }, async () => {
  const store = await realStore('ucdp/ged231_sample.csv');
  const answer = await victims(store, {});
  const a = answer.figures.attributed!;
  assert.equal(answer.figures.unattributed, null);
  assert.deepEqual([a.events, a.best, a.civilians, a.mismatched], [1000, 9561, 2690, 0]);
  assert.equal(a.sideA + a.sideB + a.civilians + a.unknown, 9561);
  assert.equal(
    a.sideAActors.reduce((n, s) => n + s.deaths, 0),
    a.sideA,
  );
  assert.equal(
    a.sideBActors.reduce((n, s) => n + s.deaths, 0),
    a.sideB,
  );
  assert.match(answer.sentence, /^Of 9,561 deaths UCDP records \(best estimate\), 2,690 \(28%\) were civilians, /);
});

test('real ACLED sample: without a civilian_targeting column, Violence against civilians stands in (1,146 of 4,568)', { skip: NEEDS_SHARED }, async () => {
  const store = await realStore('acled/acled_sample_2022h1.csv');
  const answer = await victims(store, {});
  const u = answer.figures.unattributed!;
  assert.equal(u.civilianTargetingFrom, 'event type');
  assert.deepEqual([u.events, u.fatalities, u.civilianTargeting.fatalities], [9000, 4568, 1146]);
  assert.equal(u.civilianTargeting.fatalities + u.battles.fatalities + u.remoteViolence.fatalities + u.other.fatalities, 4568);
  assert.equal(u.battles.fatalities, (await count(store, { eventType: ['Battles'] })).total.fatalities);
  assert.equal(
    u.battles.byParties.reduce((n, p) => n + p.fatalities, 0),
    u.battles.fatalities,
  );
  assert.ok(answer.caveats.some((c) => /ACLED does not say who died/.test(c)));
  assert.ok(answer.caveats.some((c) => /no civilian_targeting column/.test(c)));
  assert.doesNotMatch(answer.sentence, /killed by/);
});

test('demo: civilian targeting comes from the column; the parts add up to the total', async () => {
  const store = await demoStore();
  const filter = { country: ['Mali'], year: [2022] };
  const answer = await victims(store, filter);
  const u = answer.figures.unattributed!;
  assert.equal(u.civilianTargetingFrom, 'column');
  assert.equal(u.fatalities, 4803);
  assert.equal(u.civilianTargeting.fatalities, (await count(store, { ...filter, civilianTargeting: true })).total.fatalities);
  assert.equal(u.civilianTargeting.fatalities + u.battles.fatalities + u.remoteViolence.fatalities + u.other.fatalities, 4803);
  assert.match(answer.sentence, /^Of 4,803 fatalities in Mali in 2022, [\d,]+ \(\d+%\) were in events that targeted civilians, /);
  assert.equal(answer.eventCount, (await count(store, filter)).total.events);
});

test('mixed ACLED and UCDP data are shown apart, each with its own categories', { skip: NEEDS_SHARED }, async () => {
  const store = await realStore('acled/acled_sample_2022h1.csv', 'ucdp/ged231_sample.csv');
  const answer = await victims(store, {});
  assert.equal(answer.figures.total.fatalities, 4568 + 9561);
  assert.equal(answer.figures.unattributed!.fatalities, 4568);
  assert.equal(answer.figures.attributed!.best, 9561);
  assert.ok(answer.caveats.some((c) => /shown apart/.test(c)));
  assert.ok(answer.caveats.some((c) => /several datasets/.test(c)));
});

test('battle parties are named by actor type, whichever side each was on', async () => {
  assert.equal(partiesLabel('2', '1'), 'State forces – Rebel groups');
  assert.equal(partiesLabel('Rebel groups', 'State forces'), 'State forces – Rebel groups');
  assert.equal(partiesLabel('6', null), 'Protesters alone');
  const store = await smallStore([
    { event_id_cnty: 'A1', event_type: 'Battles', inter1: 1, inter2: 2, interaction: 12, fatalities: 5 },
    { event_id_cnty: 'A2', event_type: 'Battles', inter1: 2, inter2: 1, interaction: 12, fatalities: 7 },
    { event_id_cnty: 'A3', event_type: 'Violence against civilians', sub_event_type: 'Attack', inter1: 2, inter2: 7, interaction: 27, fatalities: 9 },
  ]);
  const u = (await victims(store, {})).figures.unattributed!;
  assert.deepEqual(u.battles.byParties, [{ parties: 'State forces – Rebel groups', events: 2, fatalities: 12 }]);
  assert.deepEqual(u.civilianTargeting, { events: 1, fatalities: 9 });
});

test('no events: nothing to count, said plainly', async () => {
  const store = await demoStore();
  const answer = await victims(store, { country: ['Ghana'], year: [2019] });
  assert.deepEqual([answer.figures.attributed, answer.figures.unattributed, answer.eventCount], [null, null, 0]);
  assert.equal(answer.sentence, 'No events match in Ghana in 2019: there is no one to count.');
});
