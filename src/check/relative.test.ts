/** Periods counted back from publication that chrono-node leaves without a day: examples of the rules in docs/check.md ("Periods"). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAliases } from './actors.js';
import { extractClaims } from './claims.js';

/** The one claim's period as [from, to]. */
const period = (text: string, published: string, lang: 'en' | 'fr' = 'en') => {
  const claims = extractClaims(text, { published, lang, aliases: checkAliases() });
  assert.equal(claims.length, 1, JSON.stringify(claims.map((c) => c.span)));
  return [claims[0]!.period?.from, claims[0]!.period?.to];
};

test('last week, the weekend and days ago count back from publication (a Thursday here)', () => {
  assert.deepEqual(period('Last week, gunmen killed 12 herders in Niger.', '2024-10-17'), ['2024-10-07', '2024-10-13']);
  assert.deepEqual(period('La semaine dernière, 12 personnes ont été tuées au Niger.', '2024-10-17', 'fr'), ['2024-10-07', '2024-10-13']);
  assert.deepEqual(period('Over the weekend, 9 villagers were killed in Burkina Faso.', '2024-10-17'), ['2024-10-12', '2024-10-13']);
  assert.deepEqual(period('Le week-end dernier, 9 villageois ont été tués au Burkina Faso.', '2024-10-17', 'fr'), ['2024-10-12', '2024-10-13']);
  assert.deepEqual(period('Three days ago, 15 soldiers died in an ambush in Mali.', '2024-10-17'), ['2024-10-14', '2024-10-14']);
  assert.deepEqual(period('Il y a deux jours, 15 soldats sont morts dans une embuscade au Mali.', '2024-10-17', 'fr'), ['2024-10-15', '2024-10-15']);
  assert.deepEqual(period('On the night of Friday to Saturday, 21 people were killed in Niger.', '2024-10-17'), ['2024-10-11', '2024-10-12']);
});

test('last month and this month are calendar months; under a month-only publication, days count from its middle', () => {
  assert.deepEqual(period('Last month, 70 civilians were killed in Mali.', '2024-01-09'), ['2023-12-01', '2023-12-31']);
  assert.deepEqual(period('Le mois dernier, 70 civils ont été tués au Mali.', '2024-03', 'fr'), ['2024-02-01', '2024-02-29']);
  assert.deepEqual(period('Earlier this month, 70 civilians were killed in Mali.', '2024-03-20'), ['2024-03-01', '2024-03-20']);
  // 2024-03-15 is a Friday: last week is 4 to 10 March.
  assert.deepEqual(period('Last week, 12 herders were killed in Niger.', '2024-03'), ['2024-03-04', '2024-03-10']);
});

test('parts of a year: halves, semesters and the first months', () => {
  assert.deepEqual(period('In the first half of 2023, 1,200 people were killed in Burkina Faso.', '2023-09-01'), ['2023-01-01', '2023-06-30']);
  assert.deepEqual(period('Au second semestre 2022, 1 200 personnes ont été tuées au Burkina Faso.', '2023-03-01', 'fr'), ['2022-07-01', '2022-12-31']);
  assert.deepEqual(period('In the first nine months of the year, 1,200 people were killed in Burkina Faso.', '2023-11-01'), ['2023-01-01', '2023-09-30']);
  assert.deepEqual(period('Durant les six premiers mois de 2021, 900 personnes ont été tuées au Niger.', '2021-08-01', 'fr'), ['2021-01-01', '2021-06-30']);
  assert.deepEqual(period('Since the start of the year, 900 people have been killed in Niger.', '2021-08-01'), ['2021-01-01', '2021-08-01']);
});
