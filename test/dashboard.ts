/**
 * The dashboard under test: a store and a browser page for it, and the numbers on the page.
 * The page marks itself for this: data-state on <body> says when every panel has drawn the
 * URL's state, and window.crisismap.numbers() and .mapPixelOf() (public/probe.js) read back
 * what the panels show. They are called by name, as strings: functions written here would be
 * compiled for Node with helpers the page lacks.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { importFiles } from '../src/sources/import.js';
import { Store } from '../src/store/store.js';
import { scratch } from './testing.js';

/** Debian's Chromium (`.ci/run` installs it), headless, with nothing that calls home. */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A store file built from a CSV, closed so that a server can open it. */
export async function storeOf(csv: string, dataset: string): Promise<string> {
  const db = join(scratch(), 'store.duckdb');
  const store = await Store.open(db);
  try {
    await importFiles(store, [csv], { dataset });
  } finally {
    store.close();
  }
  return db;
}

const problems = new WeakMap<Page, string[]>();

/**
 * A page of the dashboard, ready; it records script errors, failed responses and any request
 * that leaves the server (problemsOf), which the tests expect to be none.
 */
export async function openPage(browser: Browser, url: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  const { origin } = new URL(url);
  const list: string[] = [];
  problems.set(page, list);
  page.on('pageerror', (error) => list.push(`page error: ${error.message}`));
  // The dashboard runs under a strict Content-Security-Policy: anything it blocks is a problem.
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) list.push(`CSP violation: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) list.push(`${response.status()} for ${response.url()}`);
  });
  page.on('request', (request) => {
    const at = request.url();
    if (!at.startsWith(origin) && !at.startsWith('blob:') && !at.startsWith('data:')) list.push(`request outside the server: ${at}`);
  });
  await page.goto(url);
  await waitReady(page);
  return page;
}

export const problemsOf = (page: Page): string[] => problems.get(page) ?? [];

/** Takes out of the page's problems those a test caused on purpose, and returns them. */
export function forgetProblems(page: Page, expected: RegExp): string[] {
  const [forgotten, kept] = [[], []] as [string[], string[]];
  for (const problem of problems.get(page) ?? []) (expected.test(problem) ? forgotten : kept).push(problem);
  problems.set(page, kept);
  return forgotten;
}

/**
 * Takes an open page to `path` as the dashboard's own links and the back button do: a history
 * entry, then `popstate`. Every panel draws the new state as it would on a load, without the
 * page being loaded again: a load costs Chromium some 3 s of CPU here (MapLibre and its worker
 * on software WebGL), and the tests that are not about loading need not pay it each time.
 */
export async function visit(page: Page, path: string): Promise<void> {
  // The dashboard marks itself loading as it receives popstate, before this returns.
  await page.evaluate(`history.pushState(null, '', ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent('popstate'))`);
  await waitReady(page);
}

/** Every panel has drawn the state now in the URL. */
export async function waitReady(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForSelector('body[data-state="ready"]', { timeout });
}

export interface DashboardNumbers {
  /** Panels showing an error, with its message. */
  errors: string[];
  /** The headline's figures as printed: "16,908". */
  headline: { events: string; fatalities: string };
  /** Sums of the time series inside the selection; null for a measure the data does not count (aggregated data). */
  series: { events: number | null; fatalities: number | null };
  /** The table's `matched` and its "N events" line. */
  table: { matched: number; text: string };
  /**
   * Points: events fed to the map (data) and drawn in its clusters and single points (rendered).
   * Areas: events in the areas the filters select (matched), of them drawn on the map
   * (rendered, from MapLibre's features) and in areas the boundaries do not name (unmatched).
   */
  map: {
    mode: string;
    data: number | null;
    rendered: number | null;
    matched: number;
    unmatched: number;
    /** Areas: the metric shown, summed the same ways (aggregated data may count fatalities only). */
    value: { rendered: number | null; matched: number | null; unmatched: number | null };
  };
  /** Panels saying the data has nothing for them (aggregated data has no events), with what they say. */
  notAvailable: string[];
  /** The aggregated dataset shown, or null for events, and the note the page shows about it. */
  aggregate: string | null;
  aggregateNote: string | null;
}

export function dashboardNumbers(page: Page): Promise<DashboardNumbers> {
  return page.evaluate('window.crisismap.numbers()');
}

/** Page coordinates where the map draws a feature of `layer` with these properties, or null. */
export function mapPixelOf(page: Page, layer: string, properties: Record<string, unknown>): Promise<{ x: number; y: number } | null> {
  return page.evaluate(`window.crisismap.mapPixelOf(${JSON.stringify(layer)}, ${JSON.stringify(properties)})`);
}

export async function apiCount(base: string, query: string): Promise<{ total: { events: number; fatalities: number }; aggregate?: { dataset: string; resolution: string } }> {
  const response = await fetch(new URL(`/api/count${query}`, base));
  assert.equal(response.status, 200, `/api/count${query}`);
  return (await response.json()) as { total: { events: number; fatalities: number }; aggregate?: { dataset: string; resolution: string } };
}

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Every panel's count of events equals /api/count for the page's filters, asked of the
 * server that serves the page with the page's own query string.
 */
export async function assertAgree(page: Page, label: string): Promise<{ expected: { events: number; fatalities: number }; shown: DashboardNumbers }> {
  const { search, origin } = new URL(page.url());
  const expected = (await apiCount(origin, search)).total;
  const shown = await dashboardNumbers(page);
  assert.deepEqual(shown.errors, [], `${label}: panels in error`);
  assert.equal(shown.headline.events, fmt(expected.events), `${label}: headline events`);
  assert.equal(shown.headline.fatalities, fmt(expected.fatalities), `${label}: headline fatalities`);
  assert.equal(shown.series.events, expected.events, `${label}: sum of the time series`);
  assert.equal(shown.series.fatalities, expected.fatalities, `${label}: fatalities of the time series`);
  assert.equal(shown.table.matched, expected.events, `${label}: the table's matched`);
  assert.equal(shown.table.text, `${fmt(expected.events)} event${expected.events === 1 ? '' : 's'}`, `${label}: the table's "N events"`);
  if (shown.map.mode === 'points') {
    // Every event of these stores has coordinates: each is on the map, in a cluster or alone.
    assert.equal(shown.map.data, expected.events, `${label}: events in the map's source`);
    assert.equal(shown.map.rendered, expected.events, `${label}: cluster sizes plus single points on the map`);
  } else {
    assert.equal(shown.map.matched, expected.events, `${label}: events in the chosen areas of the choropleth`);
    assert.equal((shown.map.rendered ?? 0) + shown.map.unmatched, expected.events, `${label}: events drawn in those areas, plus those in areas without a boundary`);
  }
  return { expected, shown };
}

/**
 * On aggregated data: the headline, the time series and the map's areas equal /api/count for
 * the page's filters (a measure the data lacks is null in the API and "–" on the page), and the
 * panels that need events say that it has none, rather than failing.
 */
export async function assertAgreeAggregate(page: Page, label: string, tolerance = 0): Promise<{ expected: { events: number | null; fatalities: number | null }; shown: DashboardNumbers }> {
  const { search, origin } = new URL(page.url());
  const counted = await apiCount(origin, search);
  const expected = counted.total as { events: number | null; fatalities: number | null };
  const shown = await dashboardNumbers(page);
  const show = (n: number | null) => (n === null ? '–' : fmt(n));
  assert.deepEqual(shown.errors, [], `${label}: panels in error`);
  assert.equal(shown.aggregate, counted.aggregate?.dataset, `${label}: the page shows the dataset that answered`);
  assert.ok(shown.aggregateNote?.includes(counted.aggregate!.resolution), `${label}: the page states the resolution: ${shown.aggregateNote}`);
  assert.equal(shown.headline.events, show(expected.events), `${label}: headline events`);
  assert.equal(shown.headline.fatalities, show(expected.fatalities), `${label}: headline fatalities`);
  assert.deepEqual(shown.series, expected, `${label}: sums of the time series`);
  const metric = (await page.locator('#metric .toggle[aria-pressed="true"]').getAttribute('data-value')) as 'events' | 'fatalities';
  assert.equal(shown.map.value.matched, expected[metric], `${label}: ${metric} in the map's areas`);
  // Zoomed out to the world, MapLibre leaves out islands smaller than a pixel (Bahrain, Malta):
  // a test looking at the world says how much may be left out (tolerance, a share of the total).
  const drawn = (shown.map.value.rendered ?? 0) + (shown.map.value.unmatched ?? 0);
  assert.ok(drawn <= expected[metric]! && drawn >= expected[metric]! * (1 - tolerance), `${label}: ${metric} drawn (${drawn}), plus those in areas without a boundary, vs ${expected[metric]}`);
  for (const panel of ['actors', 'victims', 'episodes', 'table'])
    assert.ok(
      shown.notAvailable.some((n) => n.startsWith(`panel-${panel}: ${counted.aggregate!.dataset} is aggregated data: it has no events behind its numbers`)),
      `${label}: ${panel} says there are no events: ${shown.notAvailable.join(' | ')}`,
    );
  return { expected, shown };
}
