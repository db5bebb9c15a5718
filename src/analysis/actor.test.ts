/** Actor profiles: involvement, partners and opponents, aliases, and names that match nothing. */
import { CLI_NAMES } from '../cli/wording.js';
import type { CrisisError } from '../model/errors.js';
import { wordError, wordText } from '../model/param.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { count } from '../query/count.js';
import { NEEDS_SHARED, writeScratch } from '../../test/testing.js';
import { actorProfile } from './actor.js';
import { loadAliases, resolveActor } from './aliases.js';
import { demoStore, realStore, smallStore } from '../../test/analysis-stores.js';

test('real ACLED sample: five events involve Wagner, 37 killed, in Mali and the Central African Republic', { skip: NEEDS_SHARED }, async () => {
  const store = await realStore('acled/acled_sample_2022h1.csv');
  const answer = await actorProfile(store, 'Wagner', {});
  assert.deepEqual(answer.figures.total, { events: 5, fatalities: 37 });
  assert.deepEqual([...answer.eventIds].sort(), ['acled:CEN48850', 'acled:CEN48942', 'acled:CEN48963', 'acled:MLI6437', 'acled:MLI6442']);
  assert.deepEqual(answer.figures.matched, [{ actor: 'Wagner Group', events: 5 }]);
  // CEN48850: Wagner is actor2, so the CPC (actor1) is an opponent; in the other four it fights beside state forces.
  assert.ok(answer.figures.opponents.some((o) => o.actor === 'CPC: Coalition of Patriots for Change'));
  assert.ok(answer.figures.partners.some((p) => p.actor === 'Military Forces of Mali (2021-)'));
  assert.ok(!answer.figures.partners.some((p) => p.actor === 'Wagner Group'));
  assert.equal(answer.figures.deadliest[0]!.id, 'acled:CEN48963');
  assert.equal(answer.figures.civilianTargeting.fatalities, 37);
  assert.equal(answer.sentence, '37 people were killed in 5 incidents involving Wagner Group from January 2022 to May 2022; 100% of those deaths were in events that targeted civilians.');
  assert.doesNotMatch(answer.sentence, /killed by/);
});

test('demo: at least 700 killed in incidents involving the Wagner Group by the end of 2022, none before December 2021', async () => {
  const store = await demoStore();
  const answer = await actorProfile(store, 'Wagner', { to: '2022-12-31' });
  const f = answer.figures;
  assert.ok(f.total.fatalities >= 700, `${f.total.fatalities}`);
  assert.equal(f.byMonth[0]!.month, '2021-12');
  assert.deepEqual(
    f.byYear.map((r) => r.year),
    [2021, 2022],
  );
  assert.equal(
    f.byYear.reduce((n, r) => n + r.fatalities, 0),
    f.total.fatalities,
  );
  assert.equal(f.byAdmin1[0]!.admin1, 'Mopti');
  assert.ok(f.partners.some((p) => p.actor.startsWith('Military Forces of Mali')));
  assert.ok(f.opponents.some((o) => o.actor === 'Civilians (Mali)'));
  assert.equal(f.deadliest[0]!.location, 'Moura');
  assert.equal(f.civilianTargeting.fatalities, (await count(store, { actor: ['Wagner Group'], to: '2022-12-31', civilianTargeting: true })).total.fatalities);
  assert.match(answer.sentence, new RegExp(`^${f.total.fatalities.toLocaleString('en-US')} people were killed in \\d+ incidents involving Wagner Group up to 2022-12-31; \\d+% of those deaths`));
  assert.ok(answer.caveats.some((c) => /left out; include them with --successors/.test(wordText(c, CLI_NAMES))));
});

test('an alias can bring in the names an actor took later, when asked', async () => {
  const store = await smallStore([
    { event_id_cnty: 'MLI1', event_date: '2022-03-01', actor1: 'Wagner Group', assoc_actor_1: '', fatalities: 4 },
    { event_id_cnty: 'MLI2', event_date: '2024-03-01', year: 2024, actor1: 'Africa Corps', assoc_actor_1: 'Military Forces of Mali (2021-)', fatalities: 6 },
  ]);
  assert.deepEqual((await actorProfile(store, 'wagner', {})).figures.total, { events: 1, fatalities: 4 });
  const both = await actorProfile(store, 'Wagner', {}, { successors: true });
  assert.deepEqual(both.figures.total, { events: 2, fatalities: 10 });
  assert.deepEqual(both.figures.matched.map((m) => m.actor).sort(), ['Africa Corps', 'Wagner Group']);
});

test('users extend the alias table with a JSON file; a bad file says what to write', () => {
  const table = loadAliases(writeScratch('aliases.json', JSON.stringify({ Moura: ['Military Forces of Mali'], wagner: { names: ['Wagner'], successors: ['Africa Corps'] } })));
  assert.deepEqual(resolveActor('MOURA', table).names, ['Military Forces of Mali']);
  assert.deepEqual(resolveActor('wagner', table, true).names, ['Wagner', 'Africa Corps']);
  assert.deepEqual(resolveActor('JNIM', table).names, ['JNIM: Group for Support of Islam and Muslims'], 'defaults stay');
  assert.deepEqual(resolveActor('Katiba Macina', table).names, ['Katiba Macina'], 'a name without alias is used as typed');
  assert.throws(() => loadAliases(writeScratch('bad.json', '{"wagner": "Wagner Group"}')), /alias "wagner" needs a list of names/);
  assert.throws(() => loadAliases('/nowhere/aliases.json'), /no alias file at/);
});

test('an actor that matches nothing: zero, said so, with the closest names', async () => {
  const store = await demoStore();
  const answer = await actorProfile(store, 'Wagnr', { country: ['Mali'] });
  assert.equal(answer.eventCount, 0);
  assert.equal(answer.sentence, 'No event in Mali involves an actor matching "Wagnr"; closest names: Wagner Group.');
  await assert.rejects(actorProfile(store, 'Wagner', { actor: ['JNIM'] }), (e: CrisisError) => /takes one actor, as its NAME/.test(wordError(e, CLI_NAMES).message));
});
