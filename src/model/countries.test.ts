/** The one country table: every spelling of a country gives one ISO code and one name. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DuckDBInstance } from '@duckdb/node-api';
import { COUNTRIES, countryKey, countryKeySql, findCountry } from './countries.js';

test('ACLED and UCDP spellings and common aliases name one country', () => {
  const same: Array<[string, string[]]> = [
    ['COD', ['Democratic Republic of Congo', 'DR Congo (Zaire)', 'DR Congo', 'DRC', 'Congo-Kinshasa']],
    ['MMR', ['Myanmar', 'Myanmar (Burma)', 'Burma']],
    ['RUS', ['Russia', 'Russia (Soviet Union)']],
    ['KHM', ['Cambodia', 'Cambodia (Kampuchea)']],
    ['YEM', ['Yemen', 'Yemen (North Yemen)']],
    ['SRB', ['Serbia', 'Serbia (Yugoslavia)']],
    ['BIH', ['Bosnia and Herzegovina', 'Bosnia-Herzegovina']],
    ['MKD', ['North Macedonia', 'Macedonia, FYR']],
    ['SWZ', ['eSwatini', 'Kingdom of eSwatini (Swaziland)', 'Swaziland', 'Eswatini']],
    ['CIV', ['Ivory Coast', "Côte d'Ivoire", "Cote d'Ivoire", 'côte d’ivoire', 'COTE D IVOIRE']],
    ['TUR', ['Turkey', 'Türkiye']],
    ['CZE', ['Czech Republic', 'Czechia']],
    ['COG', ['Republic of Congo', 'Congo', 'Congo-Brazzaville']],
  ];
  for (const [code, names] of same) {
    for (const name of names) assert.equal(findCountry(name)?.code, code, name);
  }
  assert.equal(findCountry('DRC')?.name, 'Democratic Republic of Congo');
  assert.equal(findCountry('mli')?.name, 'Mali', 'an ISO code names its country');
  assert.equal(findCountry('Atlantis'), undefined);
});

test('codes are ISO alpha-3 shaped and every name is unique to one code', () => {
  assert.ok(COUNTRIES.length > 240);
  for (const c of COUNTRIES) assert.match(c.code, /^[A-Z]{3}$/, c.name);
  assert.equal(new Set(COUNTRIES.map((c) => c.code)).size, COUNTRIES.length);
});

test('the SQL key is the same as the JavaScript key, so imports and filters agree', async () => {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const names = COUNTRIES.flatMap((c) => [c.name, ...c.aliases]).concat(['  Côte d’Ivoire ', 'Antigua & Barbuda', 'São Tomé and Príncipe', 'Curaçao']);
  for (const name of names) {
    const reader = await connection.runAndReadAll(`SELECT ${countryKeySql('?')} AS k`, [name]);
    assert.equal(reader.getRowObjectsJS()[0]!.k, countryKey(name), name);
  }
  connection.closeSync();
  instance.closeSync();
});
