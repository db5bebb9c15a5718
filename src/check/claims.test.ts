/** Reading claims out of news text, English and French: examples of each rule in docs/check.md. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAliases } from './actors.js';
import { extractClaims } from './claims.js';
import { findNumbers } from './numbers.js';

const read = (text: string, published = '2023-02-08', lang: 'en' | 'fr' | 'auto' = 'auto') => extractClaims(text, { published, lang, aliases: checkAliases() });
/** A claim's period as "from..to". */
const p = (text: string, published: string) => {
  const c = one(text, published);
  return `${c.period?.from}..${c.period?.to}`;
};
const one = (text: string, published?: string) => {
  const claims = read(text, published);
  assert.equal(claims.length, 1, JSON.stringify(claims.map((c) => c.span)));
  return claims[0]!;
};

test('numbers as each language writes them: separators, words, suffixes, ranges', () => {
  const values = (t: string, lang: 'en' | 'fr') => findNumbers(t, lang).map((n) => (n.high !== undefined ? [n.value, n.high] : n.value));
  assert.deepEqual(values('1,913 and 4.8k and seven hundred', 'en'), [1913, 4800, 700]);
  assert.deepEqual(values('1 913 morts, 1.913 tués, 4,5 millions, trois cents', 'fr'), [1913, 1913, 4500000, 300]);
  assert.deepEqual(values('between 350 and 380', 'en'), [[350, 380]]);
  assert.deepEqual(values('entre 350 et 380', 'fr'), [[350, 380]]);
  assert.deepEqual(values('100 to 400', 'en'), [[100, 400]]);
});

test('qualifiers: over, at least, nearly, a dozen; plus de, au moins, près de', () => {
  assert.equal(one('Over 2,100 people were killed in Mali in 2022.').qualifier, 'more_than');
  assert.equal(one('At least 137 people were killed in Niger last year.').qualifier, 'at_least');
  assert.equal(one('Nearly 500 people died in Burkina Faso in 2021.').qualifier, 'about');
  assert.equal(one('Au moins 79 personnes sont mortes au Burkina Faso en 2022.').qualifier, 'at_least');
  assert.equal(one('Plus de 300 civils ont été tués au Mali en 2022.').qualifier, 'more_than');
  assert.equal(one('Près de 200 morts au Niger en 2021.').qualifier, 'about');
});

test('units: deaths, civilian deaths, events, attacks; displaced and wounded are not checkable', () => {
  assert.equal(one('In Mali, 547 civilians were killed in 2022.').unit, 'civilian_deaths');
  assert.equal(one('ACLED recorded 1,315 violent incidents in Burkina Faso in 2021.').unit, 'events');
  assert.equal(one('There were 258 attacks in Niger in 2023.').unit, 'attacks');
  const displaced = one('Près de deux millions de déplacés au Burkina Faso en 2022.');
  assert.deepEqual([displaced.unit, displaced.quantity, displaced.checkable], ['displaced', 2000000, false]);
  const [dead, wounded] = read('In Mali, at least 30 civilians were killed and 20 wounded on 3 May 2021.');
  assert.deepEqual([dead!.unit, wounded!.unit, wounded!.checkable], ['civilian_deaths', 'other', false]);
});

test('not claims: years, dates, ages, durations, soldiers deployed, money', () => {
  assert.deepEqual(
    read('In 2022, the 10-year conflict saw a two-day visit on 3 May by 3,000 soldiers, aged 20, costing $10m.').map((c) => c.span),
    [],
  );
  assert.deepEqual(
    read('This is the second visit to Africa in two weeks.').map((c) => c.span),
    [],
  );
});

test('changes and shares: up 40%, more than fourfold, a third of, hausse de 40 %, la moitié', () => {
  const up = one('Deaths in Mali rose by 40% in 2022 compared to 2021.');
  assert.deepEqual([up.metric, up.quantity, up.comparison?.from_period.from, up.period?.from], ['change_pct', 40, '2021-01-01', '2022-01-01']);
  const [, ratio] = read('In Mali, ACLED documented 547 fatalities in attacks on civilians in the last five months, a more than fourfold increase on the same period a year earlier.', '2019-03');
  assert.deepEqual([ratio!.metric, ratio!.quantity, ratio!.qualifier, ratio!.unit], ['change_ratio', 4, 'more_than', 'civilian_deaths']);
  assert.deepEqual([ratio!.comparison?.from_period.from, ratio!.comparison?.from_period.to], ['2017-11-01', '2018-03-31']);
  assert.equal(one('Les décès ont augmenté de 20% par rapport à 2019 au Mali.', '2020').metric, 'change_pct');
  const share = one('La région de Mopti a concentré plus de 60% des décès dans tout le pays.', '2020');
  assert.deepEqual([share.metric, share.unit, share.place?.countries, share.place?.admin1], ['share', 'deaths', ['MLI'], ['Mopti']]);
});

test('places: countries with aliases and demonyms, the Sahel, admin1 areas, borders as references, carried over', () => {
  assert.deepEqual(one('ACLED recorded 4,776 fatalities in the Sahel from 1 Nov. 2018 to 23 March 2019').place?.countries, ['BFA', 'MLI', 'NER']);
  assert.deepEqual(one('Les opérations des forces de sécurité nigériennes ont augmenté de 32% en 2023.').place?.countries, ['NER']);
  const [, border] = read('Of the country’s 1 907 deaths in 2023, 1 000 occurred along the Niger border in Centre-Nord and Est.', '2024-03');
  assert.deepEqual([border?.quantity, border?.place?.countries, border?.place?.admin1], [1000, ['BFA'], ['Centre-Nord', 'Est']]);
  const [, later] = read('Violence rose in Mali last year. In 2022 there were 4,803 deaths.');
  assert.deepEqual(later?.place?.countries ?? read('Violence rose in Mali last year. In 2022 there were 4,803 deaths.')[0]?.place?.countries, ['MLI']);
});

test('periods: resolved against publication, and carried over as a reader would', () => {
  assert.equal(p('In Burkina Faso, 1,132 civilians were killed last year.', '2024-03-01'), '2023-01-01..2023-12-31');
  assert.equal(p('More than 6,000 people were killed in Burkina Faso since January this year.', '2024-09'), '2024-01-01..2024-09-30');
  assert.equal(p('More than 26,000 people have been killed in Burkina Faso since 2016.', '2024-09'), '2016-01-01..2024-09-30');
  assert.equal(p('Au Mali, 132 morts l’an dernier.', '2023-06-01'), '2022-01-01..2022-12-31');
  assert.equal(p('Between January and October 2023, 7,046 people were killed across Nigeria.', '2023-11'), '2023-01-01..2023-10-31');
  assert.equal(p('On April 20, soldiers killed 150 civilians in Karma, Burkina Faso.', '2023-04-29'), '2023-04-20..2023-04-20');
});

test('actors through the alias table, extended: Russian mercenaries, the al-Qaeda affiliate, l’armée malienne', () => {
  assert.deepEqual(one('Russian mercenaries killed 300 people in Moura, Mali in March 2022.').actors, ['Wagner Group']);
  assert.deepEqual(one('The al-Qaeda affiliate killed 50 soldiers in Mali in 2022.').actors, ['JNIM: Group for Support of Islam and Muslims']);
  assert.deepEqual(one('L’armée malienne a tué 40 civils au Mali en 2022.').actors, ['Military Forces of Mali']);
  assert.deepEqual(one('EIGS killed 60 people in Niger in 2021.').actors, ['Islamic State (Sahel)', 'Islamic State (Greater Sahara)']);
});

test('attribution: according to ACLED, X said, selon', () => {
  assert.equal(one('According to ACLED, 4,803 people were killed in Mali in 2022.').source?.name, 'ACLED');
  assert.equal(one('Some 1,900 terrorism deaths were recorded in Burkina Faso in 2022, the Global Terrorism Index said.').source?.name, 'Global Terrorism Index');
  assert.equal(one('Selon le gouvernement, 79 personnes ont été tuées au Burkina Faso en 2022.').attributed_to, 'le gouvernement');
});

test('statements without a number: denials of activity', () => {
  const [c] = read('Lavrov said that the Wagner Group was present in Mali, but that they were not taking part in the fighting.').filter((x) => x.kind === 'activity');
  assert.deepEqual([c!.negated, c!.actors, c!.place?.countries, c!.period?.from], [true, ['Wagner Group'], ['MLI'], '2022-02-08']);
});

test('numbers that belong to code are not claims: alert(1), items[2], x=3', () => {
  assert.deepEqual(
    read('The page ran alert(1), read items[2] and set x=3 before 12 people were killed in Mali in 2022.').map((c) => c.quantity),
    [12],
  );
});

test('a bare number after a count noun and a verb of change: "Fatalities in Mali rose from 1,913 in 2021 to 4,803 in 2022"', () => {
  const claims = read('Fatalities in Mali rose from 1,913 in 2021 to 4,803 in 2022.');
  assert.deepEqual(
    claims.map((c) => [c.quantity, c.unit, c.place?.countries, c.period?.from, c.period?.to]),
    [
      [1913, 'deaths', ['MLI'], '2021-01-01', '2021-12-31'],
      [4803, 'deaths', ['MLI'], '2022-01-01', '2022-12-31'],
    ],
  );
});

test('a share is of the noun phrase after "of": no claim when that counts no violence', () => {
  assert.deepEqual(read('About a third of 2022 propaganda statements by JNIM in Mali named Wagner as a target to justify attacks.'), []);
  assert.equal(one('Burkina Faso accounted for almost a quarter of people killed in terrorist attacks in 2023.').unit, 'deaths');
});

test('"both A and B rose by N%": one claim for each', () => {
  const claims = read('In Mali, both civilian targeting events and civilian fatalities increased by nearly 50% in 2018.', '2019-03');
  assert.deepEqual(
    claims.map((c) => [c.quantity, c.unit, c.metric]),
    [
      [50, 'events', 'change_pct'],
      [50, 'civilian_deaths', 'change_pct'],
    ],
  );
});

test('villages or markets named as the target make the dead civilians; a listed count shares the verb', () => {
  assert.equal(one('At least 137 people were killed in an attack against several villages in Niger last weekend.', '2021-03-23').unit, 'civilian_deaths');
  assert.equal(one('At least 14 people were killed in an attack on Friday evening in Burkina Faso.', '2021-06-06').unit, 'deaths');
  const claims = read('Other villages were also targeted on April 20, killing six in Dinguiri, two in Barga, and three on the road to Ouahigouya in Burkina Faso.', '2023-04-29');
  assert.deepEqual(
    claims.map((c) => [c.quantity, c.unit]),
    [
      [6, 'civilian_deaths'],
      [2, 'civilian_deaths'],
      [3, 'civilian_deaths'],
    ],
  );
});

test('superlatives are rank claims; "one of the deadliest" is none', () => {
  const c = one("It was the worst single atrocity of Mali's 10-year conflict.", '2022-04-05');
  assert.deepEqual([c.quantity, c.metric, c.unit, c.period?.from, c.period?.to], [1, 'rank', 'deaths', '2012-01-01', '2022-12-31']);
  const year = one('Au Mali, 2020 a déjà enregistré plus de décès que n’importe quelle année précédente.', '2020');
  assert.deepEqual([year.quantity, year.metric, year.period?.from, year.period?.to], [1, 'rank', '2020-01-01', '2020-12-31']);
  assert.equal(one('In Nigeria, the single event with the most killings happened on February 27, 2023.', '2024-01-07').period?.from, '2023-02-27');
  assert.deepEqual(read('It was one of the deadliest attacks in Mali in 2022.'), []);
});

test('open-ended periods are stated to the publication month; the last N years are calendar years', () => {
  assert.equal(p('It was the fourth attack in Togo since last year.', '2022-07-17'), '2021-01-01..2022-07-31');
  assert.equal(p('In the Sahel, 10,500 people were killed in the last three years.', '2025-08'), '2022-01-01..2025-12-31');
});

test('numbers in apposition share their clause: "61%, or 6,389, … last year"', () => {
  const claims = read('Burkina Faso has been the locus of violence since 2019 and accounted for 61%, or 6,389, of fatalities in the Sahel last year.', '2025');
  assert.deepEqual(
    claims.map((c) => [c.quantity, c.metric, c.period?.from, c.period?.to]),
    [
      [61, 'share', '2024-01-01', '2024-12-31'],
      [6389, 'total', '2024-01-01', '2024-12-31'],
    ],
  );
});

test('a one-word place name misspelt with its letters out of order is still found: "Tiballeri" is Tillabéri', () => {
  assert.deepEqual(one('La région de Tiballeri a concentré plus de 63% des décès en 2020.', '2020').place?.countries, ['NER']);
});

test('"attacks in N incidents" counts attacks; averages are rates', () => {
  const gti = read('About 2,000 people were killed from terrorist attacks in 258 incidents in Burkina Faso in 2023.', '2024-03');
  assert.deepEqual(
    gti.map((c) => [c.quantity, c.unit]),
    [
      [2000, 'deaths'],
      [258, 'attacks'],
    ],
  );
  const [annual, perYear] = read('In the Sahel, 10 500 average annual deaths in the last three years, up from 4 900 a year between 2020 and 2023.', '2025-08');
  assert.deepEqual([annual!.per, perYear!.per], ['year', 'year']);
  assert.equal(one('In Nigeria, 29 deaths were recorded daily in 2022.').per, 'day');
  assert.equal(one('In Mali, 12 people were killed a day after the coup in 2022.').per, undefined);
  assert.equal(one('In Mali, 300 people were killed in a year, by 2022.').per, undefined);
  assert.equal(one('In Mali, 40 people were killed a week ago.').per, undefined);
});

test('a nationality or people between the number and its noun changes nothing: "70 Nigerien soldiers", "20 Fulani herders"', () => {
  const soldiers = one('Some 70 Nigerien soldiers were killed in an ambush near Tillia in December.', '2020-01-15');
  assert.deepEqual([soldiers.quantity, soldiers.unit, soldiers.qualifier], [70, 'deaths', 'about']);
  assert.equal(one('Gunmen killed 20 Fulani herders near Djibo.', '2021-03-02').unit, 'civilian_deaths');
});

test('the forces counted among the dead are not who killed them; a group named after the Sahel is not the Sahel', () => {
  const c = one('Some 70 Nigerien soldiers were killed in an ambush by IS-Sahel fighters near Tillia in December.', '2020-01-15');
  assert.deepEqual(c.place?.countries, ['NER']);
  assert.ok(
    c.actors.every((a) => a.startsWith('Islamic State')),
    c.actors.join('; '),
  );
  const fr = read("Le JNIM a revendiqué l'attaque qui a fait 42 morts parmi les soldats burkinabè.", '2022-09-28', 'fr')[0]!;
  assert.deepEqual(fr.actors, ['JNIM: Group for Support of Islam and Muslims']);
  // Forces that did the killing stay its authors.
  assert.deepEqual(one('Malian troops killed 30 people near Gao.', '2022-09-28').actors, ['Military Forces of Mali']);
});

test('"attacks on civilians rose by 40%": a change in the events that target civilians, not a claim lost', () => {
  const attacks = one('Attacks on civilians in Niger rose by 40% in 2023 compared with 2022.', '2024-02-01');
  assert.deepEqual([attacks.quantity, attacks.unit, attacks.targets, attacks.metric], [40, 'attacks', 'civilians', 'change_pct']);
  const fr = read('Les violences contre les civils ont augmenté de 25 % au Burkina Faso en 2022.', '2023-01-20', 'fr')[0]!;
  assert.deepEqual([fr.unit, fr.targets], ['events', 'civilians']);
  // With a noun of its own, the phrase only says whose deaths: civilian deaths, no target field.
  const deaths = one('Fatalities from attacks on civilians in Mali rose by 30% in 2022.', '2023-01-20');
  assert.deepEqual([deaths.unit, deaths.targets], ['civilian_deaths', undefined]);
});

test('groups "linked to al-Qaeda" in the Sahel are JNIM; a French incident verb gives the incident default', () => {
  assert.deepEqual(one('Militants linked to al-Qaeda killed 22 people in Mali.', '2021-02-20').actors, ['JNIM: Group for Support of Islam and Muslims']);
  const fr = read('Des hommes armés ont tué une vingtaine de personnes au Niger.', '2022-11-03', 'fr')[0]!;
  assert.deepEqual([fr.period?.from, fr.period?.to, fr.period?.assumed], ['2022-10-27', '2022-11-03', true]);
});
