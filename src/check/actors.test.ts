/** Armed actors as journalists name them, resolved through the alias table: examples of the rules in docs/check.md. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAliases, findActors, storeAliases } from './actors.js';

const keys = (text: string, countries: string[] = [], storeActors: string[] = []) => findActors(text, checkAliases(undefined, storeActors), countries).map((a) => a.key);

test('JNIM under the spellings of its Arabic name, with or without its acronym', () => {
  for (const name of ["Jama'at Nasr al-Islam wal Muslimin", 'Jamaat Nusrat ul-Islam wa al-Muslimin', "Jama'a Nusrat al-Islam wal-Muslimeen", 'Jamaat Nusrat al Islam'])
    assert.deepEqual(keys(`Fighters of ${name} ambushed a convoy.`), ['jnim'], name);
  assert.deepEqual(keys('The Group for Support of Islam and Muslims (JNIM) claimed the raid.'), ['jnim', 'jnim']);
});

test('the Islamic State under its other names: ISIS, ISIL, ISSP, IS-linked, ISWA', () => {
  assert.deepEqual(keys('ISIS-linked gunmen stormed the market.', ['NER']), ['is sahel']);
  assert.deepEqual(keys('An ISIL cell was blamed.', ['MLI']), ['is sahel']);
  assert.deepEqual(keys('The ISSP claimed the ambush near Menaka.'), ['is sahel']);
  assert.deepEqual(keys('IS-allied fighters raided the camp near Lake Chad.', ['NGA']), ['iswap']);
  assert.deepEqual(keys('ISWA fighters overran the base.'), ['iswap']);
});

test('Russian fighters not named as the Wagner Group, in a text about the Sahel but not about Russia', () => {
  assert.deepEqual(keys('Witnesses described white soldiers going door to door.', ['MLI']), ['wagner']);
  assert.deepEqual(keys('Foreign military personnel took part in the operation.', ['MLI']), ['wagner']);
  assert.deepEqual(keys('Des soldats russes ont participé au ratissage.', ['MLI']), ['wagner']);
  assert.deepEqual(keys('Russian troops shelled the city.', ['UKR']), []);
  assert.deepEqual(keys('Russian troops shelled the city.', []), []);
});

test('Tuareg-led rebels, whatever the coalition is called that year', () => {
  assert.deepEqual(keys('Tuareg rebels said they shot down a drone.', ['MLI']), ['tuareg rebels']);
  assert.deepEqual(keys('Les rebelles touaregs ont repris la ville.', ['MLI']), ['tuareg rebels']);
  const t = checkAliases()['tuareg rebels']!;
  assert.ok(t.names.some((n) => n.startsWith('CSP-PSD')) && t.names.some((n) => n.startsWith('CMA')));
});

test("armed groups the store names and the alias table does not: their acronym, long name, and the word before 'Militia'", () => {
  const store = [
    'GATIA: Imghad Tuareg and Allies Self-Defense Group',
    'Koglweogo Militia',
    'Dan Na Ambassagou',
    'Civilians (Mali)',
    'Fulani Ethnic Group (Mali)',
    'Military Forces of Mali (2021-)',
    'Katiba Macina',
    'Wagner Group',
  ];
  const table = storeAliases(store);
  assert.deepEqual(table.gatia?.names, ['GATIA: Imghad Tuareg and Allies Self-Defense Group']);
  assert.deepEqual(table.koglweogo?.names, ['Koglweogo Militia']);
  assert.deepEqual(table['dan na ambassagou']?.names, ['Dan Na Ambassagou']);
  // Civilians, ethnic groups and state forces are no armed group; names the phrases read keep their reading.
  for (const k of ['civilians', 'fulani ethnic group', 'military forces of mali', 'katiba macina', 'wagner group']) assert.equal(table[k], undefined, k);
  assert.deepEqual(keys('The Koglweogo and GATIA fighters were accused of reprisals.', ['BFA'], store), ['koglweogo', 'gatia']);
  assert.deepEqual(keys('Katiba Macina fighters attacked.', ['MLI'], store), ['jnim']);
  // The project's own aliases win over a store name.
  assert.equal(checkAliases(undefined, ['JNIM: Group for Support of Islam and Muslims']).jnim?.names.length, 1);
});
