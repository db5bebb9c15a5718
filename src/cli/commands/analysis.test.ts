/** The analysis commands as scripts use them: --json answers, flags, and messages for bad input. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratch } from '../../../test/testing.js';
import { runCli } from '../../../test/cli.js';
import { smallAcledFile } from '../../../test/server.js';

const run = (...argv: string[]) => runCli(argv);

let db: Promise<string> | undefined;
function store(): Promise<string> {
  db ??= (async () => {
    const path = join(scratch(), 'analysis.duckdb');
    // The API tests' four events: two years of Mali, Wagner in both 2022 events, one in Niger without coordinates.
    const csv = smallAcledFile();
    const imported = await run('import', csv, '--db', path);
    assert.equal(imported.code, 0, imported.err);
    return path;
  })();
  return db;
}

const SHAPE = ['question', 'figures', 'sentence', 'filters', 'datasets', 'caveats', 'eventIds', 'eventCount'];

test('every analysis command answers in the one shape with --json', async () => {
  const path = await store();
  for (const argv of [
    ['trend', '--country', 'Mali', '--compare', '2021,2022'],
    ['victims', '--country', 'Mali'],
    ['actor', 'Wagner'],
    ['episodes'],
    ['spread', '--group', 'sahel=Mali,Niger'],
    ['surges', '--min', '1', '--min-admin1', '1'],
  ]) {
    const { code, out, err } = await run(...argv, '--db', path, '--json');
    assert.equal(code, 0, `${argv.join(' ')}: ${err}`);
    const answer = JSON.parse(out);
    for (const key of SHAPE) assert.ok(key in answer, `${argv[0]} --json has ${key}`);
    assert.equal(answer.datasets[0].dataset, 'acled');
  }
  const trend = JSON.parse((await run('trend', '--db', path, '--country', 'Mali', '--compare', '2021,2022', '--json')).out);
  // The file runs from 2021-03-01 to 2022-04-01: both years are partial, so only their common days are compared.
  assert.equal(trend.sentence, 'Fatalities in Mali rose from 4 in 2021 to 42 in 2022, between 1 March and 1 April of each year, 10.5 times as many.');
  const actor = JSON.parse((await run('actor', 'Wagner', '--db', path, '--json')).out);
  assert.deepEqual([actor.figures.total, actor.eventIds], [{ events: 2, fatalities: 42 }, ['acled:MLI2', 'acled:MLI3']]);
});

test('text output: the sentence first, then the figures, caveats, events, data and filters', async () => {
  const path = await store();
  const { out } = await run('episodes', '--db', path, '--days', '2');
  assert.match(out, /^The deadliest of 2 episodes was at Moura \(Djenne, Mopti, Mali\), 27–28 March 2022: 42 killed in 2 events involving /);
  assert.match(out, /\n {3}2 {2}1 March 2021 +Moura \(Djenne, Mopti, Mali\) +4 +1 /);
  assert.match(out, /Note: 1 event with 2 fatalities has no coordinates and is left out of episodes/);
  assert.match(out, /Events behind it: acled:MLI2, acled:MLI3, acled:MLI1\n/);
  assert.match(out, /Filters: no filters \(all events\)\n$/);
});

test('ids: capped by --max-ids, all with --max-ids all, the count and filter always complete', async () => {
  const path = await store();
  const one = JSON.parse((await run('victims', '--db', path, '--max-ids', '1', '--json')).out);
  assert.deepEqual([one.eventIds.length, one.eventCount, one.eventFilter], [1, 4, {}]);
  const all = JSON.parse((await run('victims', '--db', path, '--max-ids', 'all', '--json')).out);
  assert.equal(all.eventIds.length, 4);
});

test('brief writes Markdown or HTML to a file', async () => {
  const path = await store();
  const out = join(scratch(), 'mali.html');
  const { code, out: said } = await run('brief', '--db', path, '--country', 'Mali', '--actor', 'Wagner', '--out', out);
  assert.equal(code, 0);
  assert.match(said, /^wrote .*mali\.html: 6 sections, 3 events/);
  assert.match(readFileSync(out, 'utf8'), /<h2>Incidents involving Wagner Group<\/h2>/);
  const md = await run('brief', '--db', path, '--country', 'Mali');
  assert.match(md.out, /^# Situation report: Mali\n/);
});

test('bad input: one message naming the value, how to fix it, exit code 2', async () => {
  const path = await store();
  const cases: Array<[string[], RegExp]> = [
    [['trend', '--by', 'decade'], /--by "decade" is not one of year, quarter, month, week\n {2}e.g. --by year/],
    [['trend', '--compare', '2022'], /--compare "2022" needs two periods/],
    [['trend', '--metric', 'deaths'], /--metric "deaths" is not one of fatalities, events/],
    [['actor'], /NAME is required\n {2}e.g. crisismap actor Wagner/],
    [['actor', 'Wagner', '--actor', 'JNIM'], /Unknown option '--actor'/],
    [['episodes', '--km', 'far'], /--km "far" is not a number/],
    [['spread', '--by', 'month'], /--by "month" is not one of year, quarter/],
    [['spread', '--group', 'Mali'], /--group "Mali" needs a name and areas/],
    [['surges', '--at', '15/04/2022'], /--at "15\/04\/2022" is not a date/],
    [['brief', '--actor', 'Wagner', '--actor', 'JNIM'], /--actor: one actor, not 2/],
    [['actor', 'Wagner', '--aliases', '/nowhere.json'], /no alias file at \/nowhere.json/],
  ];
  for (const [argv, message] of cases) {
    const { code, err } = await run(...argv, '--db', path);
    assert.equal(code, 2, argv.join(' '));
    assert.match(err, message, argv.join(' '));
  }
});
