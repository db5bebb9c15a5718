/**
 * The dashboard on ACLED's aggregated data, in Debian's Chromium: a store of the real weekly
 * (US and Canada) and fatalities-by-country-year files offers both in its data chooser; each
 * shows its counts, series and map at its own resolution, stated on the page, equal to
 * /api/count for the page's URL; the panels that need events say plainly that there are none
 * behind these numbers, and the page asks the API nothing it would refuse. A store of events
 * and an aggregate shows the events first and switches to the aggregate.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../server/serve.js';
import { importFiles } from '../sources/import.js';
import { Store } from '../store/store.js';
import { acledCsv, NEEDS_SHARED, ROOT, scratch, shared, writeScratch } from '../../test/testing.js';
import { apiCount, assertAgree, assertAgreeAggregate, CHROMIUM, CHROMIUM_ARGS, dashboardNumbers, openPage, problemsOf, visit, waitReady } from '../../test/dashboard.js';

const SKIP: false | string = existsSync(CHROMIUM) ? NEEDS_SHARED : `${CHROMIUM} is absent: dashboard tests skipped (.ci/run installs Debian's chromium)`;
const SCREENSHOTS = join(ROOT, 'test-output/screenshots');
const DESKTOP = { width: 1280, height: 800 };
const WEEKLY = shared('acled', 'aggregated', 'US-and-Canada_aggregated_data_up_to_week_of-2026-03-28.csv');
const FATALITIES = shared('acled', 'aggregated', 'number_of_reported_fatalities_by_country-year_as-of-24Oct2025.xlsx');

async function storeOfFiles(files: string[]): Promise<string> {
  const db = join(scratch(), 'store.duckdb');
  const store = await Store.open(db);
  try {
    await importFiles(store, files);
  } finally {
    store.close();
  }
  return db;
}

/** Choose data in the page's data chooser and wait for every panel to draw it. */
async function choose(page: Page, dataset: string): Promise<void> {
  await page.locator('#data-choice').selectOption(dataset);
  await page.waitForURL((url) => (dataset ? url.searchParams.get('dataset') === dataset : !url.searchParams.has('dataset')));
  await waitReady(page);
}

describe('dashboard on aggregated data', { skip: SKIP }, () => {
  let aggregates: RunningServer;
  let mixed: RunningServer;
  let browser: Browser;

  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    aggregates = await startServer({ db: await storeOfFiles([WEEKLY, FATALITIES]), port: 0, host: '127.0.0.1' });
    const header = 'WEEK,REGION,COUNTRY,ADMIN1,EVENT_TYPE,SUB_EVENT_TYPE,EVENTS,FATALITIES,POPULATION_EXPOSURE,DISORDER_TYPE,ID,CENTROID_LATITUDE,CENTROID_LONGITUDE';
    mixed = await startServer({
      db: await storeOfFiles([
        writeScratch(
          'Africa_aggregated_data_up_to-2022-04-02.csv',
          `${header}\n2022-03-26,Western Africa,Mali,Mopti,Battles,Armed clash,5,300,,Political violence,1,14,-4\n2022-03-19,Western Africa,Mali,Gao,Protests,Peaceful protest,2,0,,Demonstrations,2,16,0\n`,
        ),
        writeScratch(
          'mali.csv',
          acledCsv([
            { event_id_cnty: 'MLI1', event_date: '2022-03-27', fatalities: 30 },
            { event_id_cnty: 'MLI2', event_date: '2022-03-20', fatalities: 4, admin1: 'Gao', location: 'Gao' },
          ]),
        ),
      ]),
      port: 0,
      host: '127.0.0.1',
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await aggregates?.close();
    await mixed?.close();
  });

  test('a store of aggregates alone: each dataset at its resolution, equal to /api/count, no events behind it', async () => {
    const page = await openPage(browser, aggregates.url, DESKTOP);
    // Several aggregated datasets and no events: the first is shown, and the URL says which.
    assert.equal(new URL(page.url()).searchParams.get('dataset'), 'acled-fatalities');
    const options = await page.locator('#data-choice option').allInnerTexts();
    assert.deepEqual(options, ['acled-fatalities: reported fatalities (all events) per country × year', 'acled-weekly: all events per week × admin1 × event type × sub-event type']);

    // Fatalities by country-year: no event counts, so fatalities are counted, years are the step and countries the map.
    // At world zoom MapLibre cannot draw a few islands (Bahrain 22, Antigua 7, … 49 fatalities in all): 0.01% may be missing.
    let { expected, shown } = await assertAgreeAggregate(page, 'acled-fatalities', 1e-4);
    assert.deepEqual(expected, { events: null, fatalities: 2_394_088 }, "the README's total");
    assert.equal(shown.map.mode, 'country');
    assert.ok(await page.locator('#metric .toggle[data-value="events"]').isDisabled(), 'no event counts to show');
    assert.ok(await page.locator('#panel-timeseries .toggle[data-value="month"]').isDisabled(), 'no month finer than a year');
    assert.ok(await page.locator('#panel-map .toggle[data-value="points"]').isDisabled(), 'no event points');
    assert.match(shown.aggregateNote ?? '', /acled-fatalities \(as of 2025-10-24\): reported fatalities \(all events\) per country × year, 1997-01-01 to 2025-12-31\. These are ACLED's own totals/);
    assert.ok(shown.notAvailable.some((n) => /^panel-event-types: acled-fatalities does not count by event type/.test(n)));
    assert.ok(await page.locator('#filter-actor').isHidden(), 'no actor filter for aggregated data');
    await page.screenshot({ path: join(SCREENSHOTS, 'aggregates-country-year.png'), fullPage: true });

    // Mali's years, chosen by typing, as the README gives them.
    await visit(page, '/?dataset=acled-fatalities&country=Mali&event_date=2021-01-01|2023-12-31&event_date_where=BETWEEN');
    ({ expected } = await assertAgreeAggregate(page, 'Mali 2021–2023'));
    assert.equal(expected.fatalities, 1_909 + 4_858 + 4_329);

    // The weekly file, chosen: the dates are kept (as whole weeks), Mali is not (the file does not hold it).
    await choose(page, 'acled-weekly');
    assert.equal(new URL(page.url()).searchParams.get('country'), null);
    // Zoomed out to all of North America, the District of Columbia (1,130 events in 2021–2023), Bermuda's parishes and
    // Saint-Pierre are smaller than a pixel and not drawn: up to 3% of the events may be missing from the drawing.
    const NORTH_AMERICA = 0.03;
    ({ expected } = await assertAgreeAggregate(page, 'acled-weekly, 2021–2023', NORTH_AMERICA));
    assert.deepEqual(expected, (await apiCount(aggregates.url, '?dataset=acled-weekly&year=2021|2022|2023')).total, 'weeks starting in 2021–2023');
    // Events and fatalities per week × admin1; the map by admin1 area.
    await page.locator('button.clear').click();
    await page.waitForURL((url) => url.searchParams.get('dataset') === 'acled-weekly' && !url.searchParams.has('event_date'));
    await waitReady(page);
    ({ expected, shown } = await assertAgreeAggregate(page, 'acled-weekly', NORTH_AMERICA));
    assert.deepEqual(expected, { events: 111_034, fatalities: 535 }, "the README's totals");
    assert.equal(shown.map.mode, 'admin1');
    assert.match(shown.aggregateNote ?? '', /per week × admin1 × event type × sub-event type/);
    assert.ok(await page.locator('#panel-timeseries .toggle[data-value="week"]').isDisabled(), "ACLED's weeks start on Saturday: no calendar weeks");
    await page.screenshot({ path: join(SCREENSHOTS, 'aggregates-weekly.png'), fullPage: true });

    // A click on a bar filters by event type, as it does for events.
    await page.locator('#panel-event-types g.bar[data-key="Protests"]').click();
    await page.waitForURL(/event_type=Protests/);
    await waitReady(page);
    ({ expected } = await assertAgreeAggregate(page, 'weekly, Protests', NORTH_AMERICA));
    assert.ok(expected.events! > 0 && expected.events! < 111_034);

    // Minnesota in 2020, as the README counts it: dates match whole weeks, and the totals panel says so.
    await visit(page, '/?dataset=acled-weekly&country=United%20States&admin1=Minnesota&event_date=2020-01-01|2020-12-31&event_date_where=BETWEEN');
    ({ expected } = await assertAgreeAggregate(page, 'Minnesota 2020'));
    assert.deepEqual(expected, { events: 368, fatalities: 3 });
    assert.match(await page.locator('#panel-totals .panel-footer').innerText(), /dates match whole weeks: counted are the weeks starting 2020-01-04 to 2020-12-26/);
    assert.deepEqual(problemsOf(page), [], 'no request refused, nothing fetched from elsewhere');
    await page.close();
  });

  test('events beside an aggregate: events first, the chooser switches, and back', async () => {
    const page = await openPage(browser, mixed.url, DESKTOP);
    assert.deepEqual(await page.locator('#data-choice option').allInnerTexts(), ['Events (acled)', 'acled-weekly: all events per week × admin1 × event type × sub-event type']);
    let shown = await dashboardNumbers(page);
    assert.equal(shown.aggregate, null);
    assert.equal(shown.aggregateNote, null);
    const { expected } = await assertAgree(page, 'events');
    assert.deepEqual(expected, { events: 2, fatalities: 34 });

    await choose(page, 'acled-weekly');
    const weekly = await assertAgreeAggregate(page, 'the weekly aggregate');
    assert.deepEqual(weekly.expected, { events: 7, fatalities: 300 }, 'the aggregate alone, never added to the events');
    assert.deepEqual((await apiCount(mixed.url, '?dataset=acled-weekly')).total, weekly.expected);

    await choose(page, '');
    shown = await dashboardNumbers(page);
    assert.deepEqual([shown.aggregate, shown.notAvailable], [null, []]);
    await assertAgree(page, 'events again');
    assert.deepEqual(problemsOf(page), []);
    await page.close();
  });
});
