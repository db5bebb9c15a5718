// The demo data set's promises, checked by summing the generated rows the way
// an analyst would. Each test reads as an example of how to query the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACLED_COLUMNS, DEMO_DATASET, demoRows, writeDemoCsv } from './index.js';
import { csvField } from './csv.js';
import { distanceKm, findPlace } from './gazetteer.js';
import { SUB_EVENTS, type SubEventType } from './taxonomy.js';

type Row = Record<string, string>;

const toRecord = (values: string[]): Row => Object.fromEntries(ACLED_COLUMNS.map((c, i) => [c, values[i] ?? '']));
const RAW = [...demoRows()];
const ROWS = RAW.map(toRecord);
const fatalities = (rows: Row[]): number => rows.reduce((n, r) => n + Number(r.fatalities), 0);
const inYear = (r: Row, year: number): boolean => r.year === String(year);

/** The involvement rule: any actor or associated actor naming Wagner. */
function involvesWagner(r: Row): boolean {
  const names = [r.actor1 ?? '', r.actor2 ?? '', ...`${r.assoc_actor_1};${r.assoc_actor_2}`.split(';')];
  return names.some((n) => n.trim().toLowerCase().includes('wagner'));
}

const point = (r: Row): { latitude: number; longitude: number } => ({ latitude: Number(r.latitude), longitude: Number(r.longitude) });
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 86400000;

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, LF or CRLF line ends. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

test('the dataset id and the 31 ACLED columns, in export order', () => {
  assert.equal(DEMO_DATASET, 'demo-synthetic');
  assert.equal(ACLED_COLUMNS.length, 31);
  assert.equal(ACLED_COLUMNS[0], 'event_id_cnty');
  assert.equal(ACLED_COLUMNS[27], 'notes');
  assert.equal(ACLED_COLUMNS[30], 'timestamp');
  for (const row of RAW) assert.equal(row.length, 31);
});

test('scale 1 gives 10,000-20,000 events over 2019-2023', () => {
  assert.ok(RAW.length >= 10000 && RAW.length <= 20000, `${RAW.length} events`);
});

test('same seed, same rows; another seed, other rows', () => {
  const first = (seed: number): string[][] => {
    const out: string[][] = [];
    for (const row of demoRows({ seed })) {
      out.push(row);
      if (out.length === 1000) break;
    }
    return out;
  };
  assert.deepEqual(first(42), first(42));
  assert.notDeepEqual(first(42), first(43));
  assert.deepEqual(RAW.slice(0, 1000), first(20220327), 'default seed is 20220327');
});

test('writeDemoCsv is byte-identical across runs and parses back to demoRows', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crisismap-demo-'));
  try {
    const a = await writeDemoCsv(join(dir, 'a.csv'));
    const b = await writeDemoCsv(join(dir, 'b.csv'));
    const bytesA = await readFile(join(dir, 'a.csv'));
    const bytesB = await readFile(join(dir, 'b.csv'));
    assert.ok(bytesA.equals(bytesB));
    assert.deepEqual(a, b);
    assert.equal(a.events, RAW.length);
    assert.equal(a.bytes, bytesA.length);

    const text = bytesA.toString('utf8');
    assert.ok(!text.includes('\r'), 'LF line ends');
    const records = parseCsv(text);
    assert.deepEqual(records[0], [...ACLED_COLUMNS]);
    assert.deepEqual(records.slice(1), RAW);
    assert.ok(
      RAW.some((r) => r[27]?.includes('"')),
      'some notes contain quotes, so quoting is exercised',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('csv quoting follows RFC 4180', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('Kidal, Kidal'), '"Kidal, Kidal"');
  assert.equal(csvField('called it "a tragedy"'), '"called it ""a tragedy"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
});

test('scale 5 writes about five times as many events', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crisismap-demo-'));
  try {
    const path = join(dir, 'x5.csv');
    const { events, bytes } = await writeDemoCsv(path, { scale: 5 });
    const ratio = events / RAW.length;
    assert.ok(ratio > 4.7 && ratio < 5.3, `ratio ${ratio}`);
    const text = await readFile(path, 'utf8');
    assert.equal(Buffer.byteLength(text), bytes);
    assert.equal(text.split('\n').length - 1, events + 1, 'one line per event plus the header');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('Mali: 1,913 deaths in 2021 and 4,803 in 2022 (ACLED via BBC)', () => {
  const mali = ROWS.filter((r) => r.country === 'Mali');
  assert.equal(fatalities(mali.filter((r) => inYear(r, 2021))), 1913);
  assert.equal(fatalities(mali.filter((r) => inYear(r, 2022))), 4803);
});

test('Wagner Group: from December 2021, in Mali, >= 700 killed by end 2022, mostly central Mali', () => {
  const wagner = ROWS.filter(involvesWagner);
  assert.ok(wagner.length > 0);
  for (const r of wagner) {
    assert.ok((r.event_date ?? '') >= '2021-12-01', `Wagner event on ${r.event_date}`);
    assert.equal(r.country, 'Mali');
  }
  assert.ok(wagner.some((r) => r.actor1 === 'Wagner Group' && r.assoc_actor_1 === 'Military Forces of Mali (2021-)'));
  assert.ok(wagner.some((r) => r.actor1 === 'Military Forces of Mali (2021-)' && r.assoc_actor_1 === 'Wagner Group'));
  assert.ok(wagner.every((r) => r.actor1 !== 'Wagner Group' || r.inter1 === '8'));

  const upTo2022 = wagner.filter((r) => (r.event_date ?? '') <= '2022-12-31');
  const total = fatalities(upTo2022);
  const central = fatalities(upTo2022.filter((r) => r.admin1 === 'Mopti' || r.admin1 === 'Segou'));
  assert.ok(total >= 700, `Wagner total ${total}`);
  assert.ok(central / total > 0.6, `central share ${central / total}`);
});

test('Moura, 27-31 March 2022: >300 killed by the army and Wagner, the deadliest cluster of 2022 by far', () => {
  const moura = findPlace('Mali', 'Moura');
  const episode = ROWS.filter(
    (r) => r.admin1 === 'Mopti' && r.admin2 === 'Djenne' && (r.event_date ?? '') >= '2022-03-27' && (r.event_date ?? '') <= '2022-03-31' && distanceKm(point(r), moura) <= 15,
  );
  const total = fatalities(episode);
  const byArmyOrWagner = episode.filter((r) => r.actor1?.startsWith('Military Forces of Mali') || r.actor1 === 'Wagner Group');
  assert.ok(fatalities(byArmyOrWagner) > 300, `Moura: ${fatalities(byArmyOrWagner)} killed by the army and Wagner`);
  assert.equal(new Set(byArmyOrWagner.map((r) => r.event_date)).size, 5, 'every day from 27 to 31 March');
  assert.ok(byArmyOrWagner.filter(involvesWagner).length >= byArmyOrWagner.length - 1, 'Wagner in (almost) every event');
  const againstCivilians = episode.filter((r) => r.event_type === 'Violence against civilians');
  assert.ok(fatalities(againstCivilians) > total / 2, 'mostly violence against civilians');
  assert.ok(againstCivilians.every((r) => r.civilian_targeting === 'Civilian targeting'));
  assert.ok(byArmyOrWagner.some((r) => r.event_type === 'Battles' && r.actor2?.startsWith('JNIM')));

  // Any other 5-day, 15-km window in Mali 2022 stays far below.
  const mali2022 = ROWS.filter((r) => r.country === 'Mali' && inYear(r, 2022));
  let worstElsewhere = 0;
  for (const anchor of mali2022) {
    if (episode.includes(anchor)) continue;
    const d0 = dayNumber(anchor.event_date ?? '');
    const window = mali2022.filter((r) => {
      const d = dayNumber(r.event_date ?? '') - d0;
      return d >= 0 && d < 5 && !episode.includes(r) && distanceKm(point(r), point(anchor)) <= 15;
    });
    worstElsewhere = Math.max(worstElsewhere, fatalities(window));
  }
  assert.ok(worstElsewhere < 150 && worstElsewhere * 2 < total, `next deadliest cluster ${worstElsewhere}`);
});

test('the conflict spreads: Burkina Faso and Niger grow, new regions appear, the centre moves south', () => {
  for (const country of ['Burkina Faso', 'Niger']) {
    const byYear = [2019, 2020, 2021, 2022].map((y) => fatalities(ROWS.filter((r) => r.country === country && inYear(r, y))));
    for (let i = 1; i < byYear.length; i++) assert.ok((byYear[i] ?? 0) > (byYear[i - 1] ?? 0), `${country} ${byYear.join(' ')}`);
    const regions = (y: number): Set<string> => new Set(ROWS.filter((r) => r.country === country && inYear(r, y) && r.disorder_type === 'Political violence').map((r) => r.admin1 ?? ''));
    const early = regions(2019);
    const late = regions(2022);
    assert.ok([...early].every((a) => late.has(a)) && late.size > early.size, `${country}: ${[...early]} -> ${[...late]}`);
  }
  const centre = (y: number): number => {
    const rows = ROWS.filter((r) => inYear(r, y));
    return rows.reduce((s, r) => s + Number(r.latitude) * Number(r.fatalities), 0) / fatalities(rows);
  };
  const centres = [2019, 2020, 2021, 2022, 2023].map(centre);
  for (let i = 1; i < centres.length; i++) assert.ok((centres[i] ?? 0) < (centres[i - 1] ?? 0), centres.join(' '));
});

test('coastal states: nothing before 2020; Ivory Coast first, then Togo and Benin, a few events in Ghana', () => {
  const coastal = ['Ivory Coast', 'Benin', 'Togo', 'Ghana'];
  const firstEvent = (country: string): Row | undefined => ROWS.find((r) => r.country === country);
  assert.ok(ROWS.filter((r) => coastal.includes(r.country ?? '')).every((r) => (r.event_date ?? '') >= '2020-01-01'));
  const civ = firstEvent('Ivory Coast');
  assert.ok(civ?.year === '2020' && ['Savanes', 'Zanzan'].includes(civ.admin1 ?? ''));
  for (const country of ['Benin', 'Togo']) {
    const first = firstEvent(country);
    assert.ok(first && (first.event_date ?? '') >= '2021-10-01' && (first.event_date ?? '') <= '2021-12-31', `${country} ${first?.event_date}`);
  }
  const ghana = ROWS.filter((r) => r.country === 'Ghana');
  assert.ok(ghana.length > 0 && ghana.length < 40);
  assert.ok(ghana.every((r) => r.year === '2022' || r.year === '2023'));
  // Capital protests exist, but never precede a country's first (borderland) event.
  for (const country of coastal) {
    const first = firstEvent(country);
    assert.ok(first && !['Abidjan', 'Cotonou', 'Lome', 'Accra'].includes(first.location ?? ''));
  }
  for (const capital of ['Bamako', 'Ouagadougou', 'Niamey', 'Abidjan', 'Cotonou', 'Lome']) {
    assert.ok(
      ROWS.some((r) => r.location === capital && (r.event_type === 'Protests' || r.event_type === 'Riots')),
      capital,
    );
  }
});

test('every row is well-formed ACLED: dates, codes, coordinates, taxonomy, ids', () => {
  const ids = new Set<string>();
  const prefixes: Record<string, string> = { Mali: 'MLI', 'Burkina Faso': 'BFO', Niger: 'NIR', Benin: 'BEN', Togo: 'TOG', Ghana: 'GHA', 'Ivory Coast': 'CIV' };
  const isos: Record<string, string> = { Mali: '466', 'Burkina Faso': '854', Niger: '562', Benin: '204', Togo: '768', Ghana: '288', 'Ivory Coast': '384' };
  for (const r of ROWS) {
    const date = r.event_date ?? '';
    assert.match(date, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10), date, 'a real calendar date');
    assert.ok(date >= '2019-01-01' && date <= '2023-12-31');
    assert.equal(r.year, date.slice(0, 4));
    const eventTime = Date.parse(`${date}T00:00:00Z`) / 1000;
    const stamp = Number(r.timestamp);
    assert.ok(stamp > eventTime && stamp < eventTime + 15 * 86400, 'timestamp a few days after the event');

    const lat = Number(r.latitude);
    const lon = Number(r.longitude);
    assert.ok(lat >= 4 && lat <= 21 && lon >= -12 && lon <= 14, `${r.location} ${lat} ${lon}`);
    assert.match(r.latitude ?? '', /^-?\d+\.\d{4}$/);

    assert.ok(['1', '2', '3'].includes(r.time_precision ?? '') && ['1', '2', '3'].includes(r.geo_precision ?? ''));
    const info = SUB_EVENTS[r.sub_event_type as SubEventType];
    assert.ok(info, r.sub_event_type);
    assert.equal(r.event_type, info.eventType);
    assert.equal(r.disorder_type, info.disorder);
    if (r.event_type === 'Violence against civilians') assert.equal(r.civilian_targeting, 'Civilian targeting');
    if (r.event_type === 'Protests' || r.event_type === 'Strategic developments') assert.equal(r.civilian_targeting, '');

    const inter1 = Number(r.inter1);
    const inter2 = r.inter2 === '' ? 0 : Number(r.inter2);
    const expected = inter2 === 0 ? inter1 * 10 : Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2);
    assert.equal(r.interaction, String(expected));
    assert.equal(r.actor2 === '', r.inter2 === '');

    assert.ok(Number.isInteger(Number(r.fatalities)) && Number(r.fatalities) >= 0);
    assert.equal(r.iso, isos[r.country ?? '']);
    assert.ok(r.event_id_cnty?.startsWith(prefixes[r.country ?? ''] ?? '?'));
    assert.ok(!ids.has(r.event_id_cnty ?? ''), `duplicate ${r.event_id_cnty}`);
    ids.add(r.event_id_cnty ?? '');

    assert.equal(r.tags, 'synthetic demo data');
    assert.ok(r.source?.includes('synthetic'));
    assert.ok(r.notes?.startsWith('[SYNTHETIC] '));
  }
});

test('fatalities are skewed: mostly none or few, a handful of large events; protests stay at zero', () => {
  const counts = ROWS.map((r) => Number(r.fatalities));
  const share = (pred: (n: number) => boolean): number => counts.filter(pred).length / counts.length;
  assert.ok(share((n) => n <= 5) > 0.75);
  assert.ok(share((n) => n >= 30) < 0.02 && share((n) => n >= 30) > 0);
  const peaceful = ROWS.filter((r) => r.sub_event_type === 'Peaceful protest');
  assert.equal(fatalities(peaceful), 0);
});

test('notes are built from the event itself', () => {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  for (const r of ROWS.slice(0, 3000)) {
    const notes = r.notes ?? '';
    const month = months[Number(r.event_date?.slice(5, 7)) - 1] ?? '';
    assert.ok(notes.includes(`${month} ${r.year}`), notes);
    assert.ok(notes.includes(r.location ?? ''), notes);
  }
  const avg = ROWS.reduce((n, r) => n + (r.notes?.length ?? 0), 0) / ROWS.length;
  assert.ok(avg > 300 && avg < 450, `average note length ${avg}`);
});
