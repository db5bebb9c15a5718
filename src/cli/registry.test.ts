/**
 * Every declared parameter — each filter and each analysis's options — is taken alike by the
 * command line, the API (its OpenAPI document and its checks) and the dashboard's filter
 * model, with the same names, range, default and bounds: they are all derived from the one
 * declaration, and this checks that nothing on the way lost or changed it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ANALYSES } from '../analysis/registry.js';
import { isList, ParamError, type Param } from '../model/param.js';
import { COUNT_PARAMS } from '../query/count.js';
import { EVENTS_PARAMS } from '../query/events.js';
import { DATE_WHERE, FILTERS } from '../query/filter.js';
import { CHART_PARAMS, MAP_PARAMS } from '../render/params.js';
import { IMPORT_PARAMS } from '../sources/params.js';
import { CHECK_PARAMS } from '../check/params.js';
import { smallAcledFile, testServer, type TestServer } from '../../test/server.js';
import { runCli } from '../../test/cli.js';
import { valuesOf } from './options.js';

interface Parameter {
  name: string;
  required: boolean;
  schema: Record<string, unknown>;
}

/**
 * Each parameter with a command and a route that take it: `route` is asked, `doc` is its
 * path in OpenAPI (the chart's kind and format are in its path), `args` come before the flags.
 */
const DECLARED: Array<{ p: Param; command: string; route: string; doc?: string; args?: string[]; method?: 'post'; body?: unknown }> = [
  ...FILTERS.map((p) => ({ p, command: 'count', route: '/api/count' })),
  ...Object.values(COUNT_PARAMS).map((p) => ({ p, command: 'count', route: '/api/count' })),
  ...Object.values(EVENTS_PARAMS).map((p) => ({ p, command: 'events', route: '/api/events' })),
  ...Object.values(CHART_PARAMS).map((p) => ({ p, command: 'chart', route: '/api/chart/bar.svg', doc: '/api/chart/{kind}.{format}', args: ['bar'] })),
  ...Object.values(MAP_PARAMS).map((p) => ({ p, command: 'map', route: '/api/map.svg' })),
  ...Object.values(IMPORT_PARAMS).map((p) => ({ p, command: 'import', route: '/api/import', method: 'post' as const })),
  ...Object.values(CHECK_PARAMS).map((p) => ({ p, command: 'check', route: '/api/check', method: 'post' as const, body: { text: 'Twelve people were killed in Mali in 2022.' } })),
  ...ANALYSES.flatMap((a) => a.params.map((p) => ({ p, command: a.name, route: `/api/${a.name}` }))),
];

let server: TestServer;
let paths: Record<string, Partial<Record<'get' | 'post', { parameters: Parameter[] }>>>;
let model: { filters: Array<Record<string, unknown>>; eventDate: { where: { means: Record<string, unknown> } }; options: Record<string, Array<Record<string, unknown>>> };

before(async () => {
  server = await testServer([smallAcledFile()]);
  paths = (await server.json('/api/openapi.json')).body.paths;
  model = (await server.json('/api/filters.json')).body;
});
after(() => server?.close());

const cli = (...argv: string[]) => runCli(argv);

/** What a route needs beside the parameter tried: the actor profile, its actor. */
const needs = (route: string, p: Param) => (route === '/api/actor' && p.http !== 'actor' ? '&actor=Wagner' : '');

test('every parameter has the same names, range and default on the command line, in OpenAPI and in the dashboard model', async () => {
  for (const { p, command, route, doc, method = 'get' } of DECLARED) {
    const where = `${command} ${p.key}`;
    const help = (await (await import('./main.js')).COMMANDS.find((c) => c.name === command)!.load()).help;
    if (p.flag) assert.match(help, new RegExp(`--${p.flag}\\b`), `${where}: --${p.flag} in --help`);
    for (const [short, value] of Object.entries(p.shorthands ?? {})) assert.match(help, new RegExp(`--${short} +the same as --${p.flag} ${value}\n`), `${where}: --${short}`);
    if (p.positional) assert.match(help, new RegExp(`crisismap ${command} ${p.positional}`), `${where}: ${p.positional} in --help`);
    // The help may go on the next line, under the others, when the flag is long.
    if (p.flag && p.default !== undefined && p.kind !== 'boolean')
      assert.match(help, new RegExp(`--${p.flag} [^\n]*(\n {26}[^\n]*)?\\(default ${String(p.default)}`), `${where}: its default in --help`);
    const shown = model.options[command]?.find((x) => x.key === p.key) ?? (FILTERS.includes(p as never) ? model.filters.find((x) => x.key === p.key) : undefined);
    assert.ok(shown, `${where} in /api/filters.json`);
    for (const field of ['http', 'flag', 'label', 'kind', 'maxValues', 'maxLength', 'default', 'min', 'max', 'values'] as const) {
      assert.deepEqual(shown[field], p[field], `${where}: ${field} in /api/filters.json`);
    }
    if (!p.http) continue;
    const documented = paths[doc ?? route]![method]!.parameters.find((x) => x.name === p.http);
    assert.ok(documented, `${where}: ${p.http} in /api/openapi.json`);
    assert.equal(documented.required, !!p.required, `${where}: required`);
    assert.equal(documented.schema.default, p.default === undefined ? undefined : String(p.default), `${where}: default`);
    if (p.kind === 'whole' || p.kind === 'decimal') assert.deepEqual([documented.schema.minimum, documented.schema.maximum], [p.min ?? 0, p.max], `${where}: range`);
    if (p.kind === 'one-of') assert.deepEqual(documented.schema.enum, p.values, `${where}: values`);
    if (isList(p)) assert.equal(documented.schema['x-maxValues'], p.maxValues, `${where}: most values`);
  }
  assert.deepEqual(Object.keys(model.eventDate.where.means).sort(), [...DATE_WHERE].sort());
});

test('every bound is enforced alike: the largest value is taken, one more is refused by the CLI and by the API', async () => {
  for (const { p, command, route, args = [], body } of DECLARED) {
    // A POST route is asked with its body (the checker's text); its parameters are in the query all the same.
    const init = body === undefined ? undefined : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
    const where = `${command} ${p.key}`;
    if ((p.kind === 'whole' || p.kind === 'decimal') && p.max !== undefined) {
      if (p.flag) {
        assert.equal(valuesOf([p], { [p.flag]: String(p.max) })[p.key], p.max, `${where}: the CLI takes ${p.max}`);
        assert.throws(() => valuesOf([p], { [p.flag!]: String(p.max! + 1) }), ParamError, `${where}: the CLI refuses ${p.max! + 1}`);
        const { code, err } = await cli(command, ...args, `--${p.flag}`, String(p.max! + 1), '--db', '/nonexistent/x.duckdb');
        assert.equal(code, 2, where);
        assert.match(err, new RegExp(`--${p.flag} ${p.max! + 1} is out of range`), where);
      }
      if (p.http) {
        // Any answer but an error: JSON, or the figure itself.
        const taken = await server.get(`${route}?${p.http}=${p.max}${needs(route, p)}`, init);
        const body = await taken.text();
        assert.equal(taken.status, 200, `${where}: the API takes ${p.max}: ${body.slice(0, 200)}`);
        const refused = await server.json(`${route}?${p.http}=${p.max! + 1}${needs(route, p)}`, init);
        assert.equal(refused.status, 400, `${where}: the API refuses ${p.max! + 1}`);
        assert.match(refused.body.error.message, new RegExp(`^${p.http}=${p.max! + 1} is out of range`));
      }
    }
    if (isList(p) && p.http && p.kind !== 'list-of') {
      const many = Array.from({ length: p.maxValues + 1 }, (_, i) => (p.kind === 'year-list' ? String(2000 + (i % 20)) : `v${i}`));
      const refused = await server.json(`${route}?${p.http}=${encodeURIComponent(many.join('|'))}${needs(route, p)}`);
      assert.equal(refused.status, 400, `${where}: ${many.length} values refused`);
      assert.match(refused.body.error.message, new RegExp(`^${p.http}: (${many.length} values, at most ${p.maxValues}|one \\w+, not ${many.length})`), where);
      const long = await server.json(`${route}?${p.http}=${'x'.repeat(p.maxLength + 1)}${needs(route, p)}`);
      assert.equal(long.status, 400, `${where}: a value of ${p.maxLength + 1} characters refused`);
      assert.match(
        long.body.error.message,
        new RegExp(`^${p.http}: a value of ${(p.maxLength + 1).toLocaleString('en-US')} characters, at most ${p.maxLength.toLocaleString('en-US')} are taken$`),
        where,
      );
      if (p.flag) assert.throws(() => valuesOf([p], { [p.flag!]: many }), ParamError, `${where}: the CLI refuses ${many.length} values`);
    }
  }
});

test('docs/parameters.md is the current registry (regenerate with npm run docs)', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { ROOT } = await import('../../test/testing.js');
  const { parametersReference } = await import('./parameters-doc.js');
  assert.equal(readFileSync(join(ROOT, 'docs/parameters.md'), 'utf8'), parametersReference());
});
