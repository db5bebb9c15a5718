/**
 * What a reader carries into a sentence: the headline, the sentences before it in the same
 * article, and the publication date. Examples of each rule in docs/check.md ("Context").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAliases } from './actors.js';
import { extractClaims, newReadingContext, type ReadingContext } from './claims.js';

const read = (text: string, options: { published?: string; headline?: string; context?: ReadingContext } = {}) =>
  extractClaims(text, {
    published: options.published ?? '2024-03-15',
    lang: 'en',
    aliases: checkAliases(),
    ...(options.headline ? { headline: options.headline } : {}),
    ...(options.context ? { context: options.context } : {}),
  });
const period = (c: { period: { from: string; to: string } | null }) => [c.period?.from, c.period?.to];

test('the headline gives place and period to a sentence that names none, and is never a source of claims', () => {
  const claims = read('Civilians accounted for 1,132 of the deaths, according to the institute.', { headline: 'Chad Accounted for One in Four Terrorism Deaths in 2023 (Wire, via Example News)' });
  assert.deepEqual(
    claims.map((c) => c.quantity),
    [1132],
  );
  assert.deepEqual(claims[0]!.place?.countries, ['TCD']);
  assert.deepEqual(period(claims[0]!), ['2023-01-01', '2023-12-31']);
});

test('sentences of one article share one context: place, period and actors carry from line to line', () => {
  const context = newReadingContext();
  read('Between January and October 2023, 7,046 people were killed in Nigeria.', { published: '2023-11', context });
  const [c] = read('States in the North-East reported 2,691 deaths.', { published: '2023-11', context });
  // "North-East" is an area of several countries, none of them Nigeria: the article's country stands.
  assert.deepEqual(c!.place?.countries, ['NGA']);
  assert.deepEqual(period(c!), ['2023-01-01', '2023-10-31']);
});

test('a sentence without actors takes those of the headline', () => {
  const [c] = read('The drone strikes killed 21 civilians.', { headline: 'Rebels clash with Wagner and Malian army, 21 killed', published: '2024-08' });
  assert.ok(c!.actors.includes('Wagner Group'), JSON.stringify(c!.actors));
  assert.deepEqual(c!.place?.countries, ['MLI']);
});

test('"the year prior" is the year before the period the text talks about; a count of it takes that year', () => {
  const context = newReadingContext();
  read('Of the country’s 1,907 deaths in 2023, most occurred in Burkina Faso.', { context });
  const [change, baseline] = read('This is an increase of more than 56% when compared to the year prior, when 725 civilians were killed.', { context });
  assert.deepEqual(period(change!), ['2023-01-01', '2023-12-31']);
  assert.deepEqual([change!.comparison?.from_period.from, change!.comparison?.from_period.to], ['2022-01-01', '2022-12-31']);
  assert.deepEqual(period(baseline!), ['2022-01-01', '2022-12-31']);
  const claims = read('There were 18,900 deaths in Africa in 2024, down from the previous year’s 23,000.', { published: '2025' });
  assert.deepEqual(period(claims.find((c) => c.quantity === 23000)!), ['2023-01-01', '2023-12-31']);
});

test('"from 1 Nov. 2018 to 23 March 2019" is the stretch itself, not a baseline', () => {
  const [c] = read('ACLED recorded 4,776 fatalities in the Sahel from 1 Nov. 2018 to 23 March 2019.', { published: '2019-03' });
  assert.deepEqual(period(c!), ['2018-11-01', '2019-03-23']);
});

test('"since <day>" runs to publication, or to a later day that ends it', () => {
  const [open] = read('Since March 4, 2021, 300 people were killed in Niger.', { published: '2021-06-01' });
  assert.deepEqual(period(open!), ['2021-03-04', '2021-06-01']);
  const [closed] = read('Under the president, in office since September 4, 2013, who was ousted on August 18, 2020, Mali registered 3,420 violent incidents.', { published: '2024-08-13' });
  assert.deepEqual(period(closed!), ['2013-09-04', '2020-08-18']);
});

test('a share or count "accounted for" by a place is that place\'s, not the whole named after it', () => {
  const claims = read('Burkina Faso has been the Sahel’s locus of violence since 2019 and accounted for 61%, or 6,389, of fatalities in the Sahel last year.', { published: '2025' });
  for (const c of claims) assert.deepEqual(c.place?.countries, ['BFA'], c.span);
});

test('under a headline about civilian deaths, bare deaths are civilian deaths; not where the sentence names fighters', () => {
  const headline = 'Civilian Deaths due to Conflict Rise in Burkina Faso by 650%';
  assert.equal(read('The actual number in 2018 was 173 total deaths.', { headline })[0]!.unit, 'civilian_deaths');
  assert.equal(read('The army said 40 militants were killed in 2018.', { headline })[0]!.unit, 'deaths');
  assert.equal(read('The actual number in 2018 was 173 total deaths.')[0]!.unit, 'deaths');
});

test('"security forces", "soldiers" in a text about one country are that country\'s forces; a count of soldiers names no actor', () => {
  const [c] = read('Soldiers killed 44 people in the village in 2024.', { headline: 'Burkina Faso: army accused of massacre' });
  assert.deepEqual(c!.actors, ['Military Forces of Burkina Faso']);
  const [victims] = read('In Niger, 60 soldiers died in an ambush in 2024.');
  assert.deepEqual(victims!.actors, []);
});

test('a weekday is the latest such day not after publication', () => {
  const [c] = read('On Tuesday, 30 civilians were killed in Mali.', { published: '2023-04-29' });
  assert.deepEqual(period(c!), ['2023-04-25', '2023-04-25']);
});

test('under a publication known only to the month, days counted back start from its middle, and the whole month is where to look', () => {
  const [c] = read('On Tuesday, 30 civilians were killed in Mali.', { published: '2023-04' });
  assert.deepEqual(period(c!), ['2023-04-11', '2023-04-11']);
  assert.deepEqual(c!.period?.within, { from: '2023-04-01', to: '2023-04-30' });
  const [night] = extractClaims('Au moins 25 personnes ont été tuées dans la nuit de vendredi à samedi au Niger.', { published: '2023-04', lang: 'fr', aliases: checkAliases() });
  assert.deepEqual(period(night!), ['2023-04-14', '2023-04-15']);
  // An undated incident: the week before the middle of the month.
  const [attack] = read('The attack killed 30 people in Mali.', { published: '2023-04' });
  assert.deepEqual([...period(attack!), attack!.period?.assumed, attack!.period?.within?.to], ['2023-04-08', '2023-04-15', true, '2023-04-30']);
  // Known to the day: no guess, nothing wider to search.
  const [day] = read('The attack killed 30 people in Mali.', { published: '2023-04-20' });
  assert.deepEqual([...period(day!), day!.period?.within], ['2023-04-13', '2023-04-20', undefined]);
});

test('a weekday in a name ("Sunday Tribune") is no day', () => {
  const [c] = read('Checks by Sunday Tribune showed 1,901 events in Nigeria.', { published: '2024-01-07', headline: 'Over 8,000 people killed in Nigeria in 2023' });
  assert.deepEqual(period(c!), ['2023-01-01', '2023-12-31']);
});

test('an article about an attack gives its later figures the incident default; a tally headline does not', () => {
  const [c] = read('An official document put the toll at around 100 victims in Mali.', { published: '2024-09-20', headline: 'Attacks on Bamako leave dozens dead' });
  assert.deepEqual(period(c!), ['2024-09-13', '2024-09-20']);
  const [y] = read('An official document put the toll at around 100 victims in Mali.', { published: '2024-09-20', headline: 'Over 7,000 killed in ten months' });
  assert.deepEqual(period(y!), ['2024-01-01', '2024-09-20']);
});

test('"such operations" refers back to the actors named before — to the one the text is about when they were several', () => {
  const context = newReadingContext();
  read('The Wagner Group deployed to Mali in 2021. Wagner Group fighters were seen in Mopti.', { published: '2023-02-08', context });
  read('The UN called for investigations into war crimes by Malian soldiers and Wagner mercenaries.', { published: '2023-02-08', context });
  const [c] = read('Civilians died in greater numbers than militants in such operations in 2022.', { published: '2023-02-08', context });
  assert.equal(c!.kind, 'victims');
  assert.deepEqual(c!.actors, ['Wagner Group']);
  // Named as often as each other: both stay.
  const even = newReadingContext();
  read('Malian soldiers and the Wagner Group patrolled Mopti in 2022.', { published: '2023-02-08', context: even });
  const [both] = read('At least 30 people were killed in these operations in 2022.', { published: '2023-02-08', context: even });
  assert.deepEqual(both!.actors.sort(), ['Military Forces of Mali', 'Wagner Group']);
});

test('a count that refers back ("of these fatalities") takes the period the article states next, not a default', () => {
  const context = newReadingContext();
  const [early] = read('Over 2,100 of these reported fatalities resulted from attacks targeting civilians in Mali.', { published: '2019-03-28', context });
  assert.equal(early!.period?.assumed, true);
  read('ACLED recorded 4,776 fatalities in Mali from 1 Nov. 2018 to 23 March 2019.', { published: '2019-03-28', context });
  assert.deepEqual(period(early!), ['2018-11-01', '2019-03-23']);
  // Without a back-reference the default stands.
  const other = newReadingContext();
  const [plain] = read('Gunmen killed 12 people in Mali.', { published: '2019-03-28', context: other });
  read('ACLED recorded 4,776 fatalities in Mali from 1 Nov. 2018 to 23 March 2019.', { published: '2019-03-28', context: other });
  assert.deepEqual(period(plain!), ['2019-03-21', '2019-03-28']);
});

test('the dead of one incident the text names are marked as such; a tally of attacks is not', () => {
  assert.equal(read('The incident caused the death of at least 20 civilians in Moura, Mali.', { published: '2023-05' })[0]!.incident, true);
  const [toll] = read('At least 500 people are believed to have been summarily executed, the report says.', {
    published: '2023-05-12',
    headline: 'UN report says 500 died in Mali village massacre last year',
  });
  assert.deepEqual([toll!.incident, ...period(toll!)], [true, '2022-01-01', '2022-12-31']);
  assert.equal(read('In 2023, 7,046 people were killed in violent attacks across Nigeria.', { published: '2023-11' })[0]!.incident, undefined);
});

test('a force named as the target is not who did it: the headline’s other actor is', () => {
  const [c] = read('In March 2020, the Chadian army suffered its biggest losses, when around 100 troops died in a raid.', {
    published: '2024-10-28',
    headline: 'Boko Haram attack on Chadian army garrison kills dozens',
  });
  assert.deepEqual(c!.actors, ['Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad']);
  const [own] = read('The Chadian army killed 40 militants near the lake in March 2020.', { published: '2024-10-28' });
  assert.deepEqual(own!.actors, ['Military Forces of Chad']);
});
