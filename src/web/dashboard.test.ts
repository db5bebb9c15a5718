/**
 * The dashboard end to end, in Debian's Chromium driven by playwright-core, against the real
 * server on the synthetic demo store: the page loads with its banner; clicking a bar, a
 * column and a map area filters every panel, and the headline, the map's clusters, the time
 * series and the table all equal /api/count for the filters in the URL; a reload and the back
 * button restore the state; a phone-width screen does not overflow; data text cannot inject
 * markup; downloads hold the panel's data. Screenshots go to test-output/screenshots/.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Dialog, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../server/serve.js';
import { demoStoreFile } from '../../test/analysis-stores.js';
import { acledCsv, ROOT, scratch } from '../../test/testing.js';
import { apiCount, assertAgree, CHROMIUM, CHROMIUM_ARGS, forgetProblems, mapPixelOf, openPage, problemsOf, storeOf, visit, waitReady } from '../../test/dashboard.js';

const SKIP: false | string = existsSync(CHROMIUM) ? false : `${CHROMIUM} is absent: dashboard tests skipped (.ci/run installs Debian's chromium)`;
const SCREENSHOTS = join(ROOT, 'test-output/screenshots');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

describe('dashboard', { skip: SKIP }, () => {
  let server: RunningServer;
  let browser: Browser;
  /**
   * The page loaded first, which the tests that are not about loading share: each visits the
   * state it needs as a reader's click would (visit). Problems it records stay with it.
   */
  let page: Page;
  /** The same at a phone's width, opened by the first test that needs it. */
  let phone: Page | undefined;
  const phoneAt = async (path: string): Promise<Page> => {
    if (phone) await visit(phone, path);
    else phone = await open(path, PHONE);
    return phone;
  };

  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // The demo store the other test files share, built once per run (a copy: the server may write to it).
    const db = join(scratch(), 'demo.duckdb');
    copyFileSync(await demoStoreFile(), db);
    server = await startServer({ db, port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await open('/');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = (path: string, viewport = DESKTOP, base = server.url): Promise<Page> => openPage(browser, new URL(path, base).href, viewport);

  test('loads the demo store: banner, headline = /api/count, nothing fetched from elsewhere', async () => {
    const banner = page.locator('#banner');
    assert.ok(await banner.isVisible(), 'the synthetic-data banner is shown');
    assert.match(await banner.innerText(), /Synthetic demo data — invented events for trying crisismap, not real reporting/);
    const { expected } = await assertAgree(page, 'no filters');
    assert.equal(expected.events, 16_908);
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop.png') });
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-full.png'), fullPage: true });
    assert.deepEqual(problemsOf(page), []);
  });

  test("the API's messages in the dashboard's own words; a dashboard opened on one event shows it alone", async () => {
    // The API says `unknown event_type "Batles"` and `GET /api/count?by=event_type`; the dashboard names the field by its label.
    await visit(page, '/?event_type=Batles');
    const error = page.locator('#panel-totals .panel-error');
    await error.waitFor();
    const said = await error.innerText();
    assert.match(said, /^unknown event type "Batles"/, said);
    assert.match(said, /closest: Battles/);
    assert.match(said, /see what the store holds with: count \(by event_type\)/, said);
    assert.doesNotMatch(said, /⟦|GET \/api|event_type=|--event-type/, "no token, and neither the API's nor the command line's words");
    assert.ok(forgetProblems(page, /^400 for .*event_type=Batles/).length > 0, 'the API refused the value');

    // A brief links an event id to /api/events?event_id_cnty=ID; the dashboard takes the same query.
    const id = ((await (await fetch(new URL('/api/events?country=Mali&order=deadliest&limit=1', server.url))).json()) as { events: Array<{ id: string }> }).events[0]!.id;
    await visit(page, `/?event_id_cnty=${encodeURIComponent(id)}`);
    const { expected } = await assertAgree(page, `event ${id}`);
    assert.equal(expected.events, 1);
    assert.equal(await page.locator('.chip').count(), 1);
    assert.match(await page.locator('.chip').innerText(), new RegExp(`Event id.*${id}`, 's'));
    assert.deepEqual(problemsOf(page), []);
  });

  test('clicking a bar, a column and a map area filters every panel, in agreement with the API', async () => {
    await visit(page, '/');
    // 1. A bar: event type Battles.
    await page.locator('#panel-event-types g.bar[data-key="Battles"]').click();
    await page.waitForURL(/event_type=Battles/);
    await waitReady(page);
    let { expected } = await assertAgree(page, 'event type Battles');
    assert.equal(expected.events, 4_923);
    assert.equal(await page.locator('.chip').count(), 1);

    // 2. A column: the year 2022, with periods of a year.
    await page.locator('#panel-timeseries .toggle[data-value="year"]').click();
    await page.waitForURL(/#.*step=year/);
    await waitReady(page);
    await page.locator('#panel-timeseries g.column[data-period="2022"]').click();
    await page.waitForURL(/event_date=2022-01-01%7C2022-12-31|event_date=2022-01-01\|2022-12-31/);
    await waitReady(page);
    ({ expected } = await assertAgree(page, 'Battles in 2022'));
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-filtered.png') });

    // 3. A map area: Mopti on the admin1 choropleth.
    await page.locator('#panel-map .toggle[data-value="admin1"]').click();
    await waitReady(page);
    const mopti = await mapPixelOf(page, 'admin1-fill', { admin1: 'Mopti' });
    assert.ok(mopti, 'Mopti is drawn on the choropleth');
    await page.mouse.click(mopti.x, mopti.y);
    await page.waitForURL(/admin1=Mopti/);
    await waitReady(page);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('country'), 'Mali');
    assert.equal(url.searchParams.get('event_type'), 'Battles');
    ({ expected } = await assertAgree(page, 'Battles in Mopti in 2022'));
    await page.screenshot({ path: join(SCREENSHOTS, 'choropleth.png') });

    // 4. Back to points: the clusters hold exactly those events.
    await page.locator('#panel-map .toggle[data-value="points"]').click();
    await waitReady(page);
    await assertAgree(page, 'points of Battles in Mopti in 2022');
    assert.ok(expected.events > 0 && expected.events < 4_923);
    assert.deepEqual(problemsOf(page), []);
  });

  test('the filter bar: suggestions from the data, typed values checked, chips to remove them', async () => {
    // A page of its own: the suggestions must be those of Mali, not left from a state before.
    const mali = await open('/?country=Mali');
    const actor = mali.locator('#filter-actor');
    await actor.focus();
    // Suggestions are the actors of the current selection (Mali), biggest first.
    await mali.waitForFunction(() => document.querySelectorAll('#filter-actor-options option').length > 10);
    const suggested = await mali.locator('#filter-actor-options option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    assert.ok(suggested.includes('Wagner Group'), 'Wagner Group is suggested for Mali');
    await actor.fill('Wagner');
    await actor.press('Enter');
    await mali.waitForURL(/actor=Wagner/);
    await waitReady(mali);
    await assertAgree(mali, 'actor Wagner in Mali');

    // A country the data does not hold is not sent to every panel: the field says what to try.
    const country = mali.locator('#filter-country');
    await country.fill('Nigr');
    await country.press('Enter');
    await mali.locator('#filter-country-hint').waitFor({ state: 'visible' });
    assert.match(await mali.locator('#filter-country-hint').innerText(), /No country “Nigr”/);
    assert.equal(new URL(mali.url()).searchParams.get('country'), 'Mali');
    // A part of one name is that name.
    await country.fill('nige');
    await country.press('Enter');
    await mali.waitForURL(/country=Mali%7CNiger|country=Mali\|Niger/);
    await waitReady(mali);
    await assertAgree(mali, 'actor Wagner in Mali or Niger');

    await mali.locator('.chip[data-key="actor"] .chip-remove').click();
    await mali.waitForURL((url) => !url.searchParams.has('actor'));
    await waitReady(mali);
    await assertAgree(mali, 'Mali or Niger');
    assert.deepEqual(problemsOf(mali), []);
    await mali.close();
  });

  test('the URL holds the whole state: reload, back and forward restore it', async () => {
    const path = '/?country=Mali&event_date=2021-01-01%7C2022-12-31&event_date_where=BETWEEN#map=admin1&metric=fatalities';
    await visit(page, path);
    const before = await assertAgree(page, 'Mali 2021–2022');
    assert.equal(await page.locator('#filter-from').inputValue(), '2021-01-01');
    assert.equal(await page.locator('.toggle[data-value="fatalities"]').getAttribute('aria-pressed'), 'true');
    await page.reload();
    await waitReady(page);
    const again = await assertAgree(page, 'reloaded');
    assert.deepEqual(again.shown, before.shown);

    await page.locator('#panel-actors g.bar').first().click();
    await page.waitForURL(/actor=/);
    await waitReady(page);
    await assertAgree(page, 'an actor chosen');
    await page.goBack();
    await waitReady(page);
    assert.equal(new URL(page.url()).searchParams.get('actor'), null);
    assert.deepEqual((await assertAgree(page, 'back')).shown, before.shown);
    await page.goForward();
    await waitReady(page);
    assert.ok(new URL(page.url()).searchParams.get('actor'));
    assert.deepEqual(problemsOf(page), []);
  });

  test('the dashboard takes its filters from /api/filters.json: disorder_type and actor_exact kept, event_date_where=> strict', async () => {
    const search = '?disorder_type=Political%20violence&actor=wagner%20group&actor_exact=1&event_date=2021-12-31&event_date_where=%3E';
    await visit(page, `/${search}`);
    assert.equal(await page.locator('#filter-from').inputValue(), '2022-01-01', '> is strict, as the API reads it');
    const chips = (await page.locator('.chip').allTextContents()).join(' | ');
    assert.match(chips, /Disorder type: Political violence/);
    assert.match(chips, /Exact actor name: yes/);
    // The numbers shown are those of the URL as first given: no filter was dropped on the way.
    const shown = await assertAgree(page, 'disorder type, exact actor, after 2021');
    assert.deepEqual(shown.expected, (await apiCount(new URL(server.url).origin, search)).total);
    assert.ok(shown.expected.events > 0, 'the demo has such events');
  });

  test('a phone-width screen stacks the panels without sideways scrolling; the table scrolls in its box', async () => {
    const narrow = await phoneAt('/?country=Mali');
    await assertAgree(narrow, 'phone');
    const widths = await narrow.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      table: document.querySelector('.table-scroll')!.scrollWidth,
      tableBox: document.querySelector('.table-scroll')!.clientWidth,
    }));
    assert.ok(widths.page <= PHONE.width, `the page is ${widths.page}px wide on a ${PHONE.width}px screen`);
    assert.ok(widths.table > widths.tableBox, 'the event table scrolls sideways inside its box');
    await narrow.screenshot({ path: join(SCREENSHOTS, 'phone.png') });
    await narrow.screenshot({ path: join(SCREENSHOTS, 'phone-full.png'), fullPage: true });
  });

  test('downloads: CSV from the data, SVG and PNG of the chart', async () => {
    await visit(page, '/?country=Niger');
    const download = async (panel: string, format: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`#panel-${panel} button.download[data-format="${format}"]`).click()]);
      return { name: file.suggestedFilename(), body: readFileSync((await file.path())!) };
    };
    const csv = await download('event-types', 'csv');
    assert.equal(csv.name, 'event-types_country-Niger.csv');
    const lines = csv.body.toString('utf8').trim().split(/\r\n/);
    assert.equal(lines[0], 'event_type,events,fatalities,selected');
    const rows = (await (await fetch(new URL('/api/count?country=Niger&by=event_type', server.url))).json()) as { rows: Array<{ event_type: string; events: number }> };
    const sum = lines.slice(1).reduce((n, line) => n + Number(line.split(',')[1]), 0);
    assert.equal(
      sum,
      rows.rows.reduce((n, r) => n + r.events, 0),
    );
    const svg = await download('timeseries', 'svg');
    assert.match(svg.body.toString('utf8'), /^<\?xml[^>]*>\s*<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await download('victims', 'png');
    assert.deepEqual([...png.body.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    const map = await download('map', 'png');
    assert.deepEqual([...map.body.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    // The map's SVG is the server's publishable figure.
    assert.match((await download('map', 'svg')).body.toString('utf8'), /<svg[^>]*>[\s\S]*Niger/);
    const table = await download('table', 'csv');
    assert.equal(table.body.toString('utf8').trim().split(/\r?\n/).length - 1, (await apiCount(server.url, '?country=Niger')).total.events);
    assert.deepEqual(problemsOf(page), []);
  });

  test('"Check a text": claims highlighted by verdict, user text stays text, a claim opens the dashboard on its events', async () => {
    await visit(page, '/');
    const dialogs: string[] = [];
    const onDialog = (dialog: Dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    };
    page.on('dialog', onDialog);
    await page.locator('#tab-check').click();
    await page.waitForURL(/#view=check/);
    await waitReady(page);
    assert.ok(await page.locator('#check').isVisible(), 'the check view is shown');
    assert.ok(!(await page.locator('#panels').isVisible()), 'the panels are hidden meanwhile');

    const check = async (text: string) => {
      await page.locator('#check-text').fill(text);
      await page.locator('#check-published').fill('2023-02-08');
      await page.locator('.check-button').click();
      await page.waitForFunction(() => document.body.dataset.state === 'ready' && !document.querySelector('#check-result')?.hasAttribute('hidden'));
    };
    const text = 'In Mali, 4,803 people were killed in 2022. At least 300 people were killed in Moura in March 2022.';
    await check(text);
    // The text comes back whole, in order, with the claims marked by verdict.
    assert.equal(await page.locator('.check-text').textContent(), text);
    const mark = page.locator('.claim-mark', { hasText: '4,803' });
    assert.equal(await mark.getAttribute('data-verdict'), 'supported');
    assert.match((await mark.getAttribute('class')) ?? '', /verdict-supported/);
    assert.equal(await page.locator('.claim-mark', { hasText: '300' }).getAttribute('data-verdict'), 'supported');
    assert.equal(await page.locator('.check-legend li').count(), 5, 'a legend of the five verdicts');
    // Its explanation is beside it and describes it for hover and focus.
    const why = await page.locator(`#${await mark.getAttribute('aria-describedby')}`).innerText();
    assert.match(why, /^Supported: the store holds 4,803 fatalities in Mali from 2022-01-01 to 2022-12-31/);
    assert.match((await mark.getAttribute('title')) ?? '', /Supported: the store holds 4,803 fatalities/);
    await mark.focus();
    assert.match((await page.locator('.check-claim.hover').textContent()) ?? '', /4,803/);
    await page.screenshot({ path: join(SCREENSHOTS, 'check.png') });

    // A hostile text is shown as text: no element, no script, no dialog.
    const hostile = '<img src=x onerror=alert(1)> <script>alert(2)</script> In Mali, 4,803 people were killed in 2022.';
    await check(hostile);
    const found = await page.evaluate(() => ({
      text: document.querySelector('.check-text')?.textContent ?? '',
      images: document.querySelectorAll('#check img, #check script').length,
    }));
    assert.equal(found.text, hostile, 'the markup is shown as characters');
    assert.equal(found.images, 0, 'no element was made from the text');
    assert.deepEqual(dialogs, [], 'no script from the text ran');
    assert.equal(await page.locator('.claim-mark', { hasText: '4,803' }).getAttribute('data-verdict'), 'supported');

    // A text without claims says so.
    await check('Nothing here is a claim.');
    assert.equal(await page.locator('.claim-mark').count(), 0);
    assert.match((await page.locator('.check-none').textContent()) ?? '', /^No claim found/);
    await check(hostile);

    // Clicking the claim opens the dashboard on the events behind it: the headline is /api/count for its filters.
    await page.locator('.claim-mark', { hasText: '4,803' }).click();
    await page.waitForURL((url) => url.searchParams.get('country') === 'Mali' && !url.hash.includes('view=check'));
    await waitReady(page);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('event_date'), '2022-01-01|2022-12-31');
    const { expected } = await assertAgree(page, 'the events behind the claim');
    assert.equal(expected.fatalities, 4_803, 'the figure the checker judged with');
    assert.ok(await page.locator('#panels').isVisible());
    // Back returns to the check, its result still there.
    await page.goBack();
    await page.waitForURL(/#view=check/);
    assert.ok(await page.locator('.claim-mark', { hasText: '4,803' }).isVisible());
    assert.deepEqual(problemsOf(page), []);
    page.off('dialog', onDialog);

    // On a phone the text and the claims stack, without sideways scrolling.
    const phone = await phoneAt('/#view=check');
    await phone.locator('#check-text').fill('At least 300 people were killed in Moura in March 2022, and 4,803 in Mali in 2022.');
    await phone.locator('#check-published').fill('2023-02-08');
    await phone.locator('.check-button').click();
    await phone.waitForFunction(() => document.body.dataset.state === 'ready' && !document.querySelector('#check-result')?.hasAttribute('hidden'));
    assert.ok((await phone.locator('.claim-mark').count()) >= 1);
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `the check page is ${width}px wide on a ${PHONE.width}px screen`);
    await phone.screenshot({ path: join(SCREENSHOTS, 'check-phone.png'), fullPage: true });
    assert.deepEqual(problemsOf(phone), []);
    // A text over the API's size limit: the API's message, and no stale result.
    await phone.locator('#check-text').fill('Mali. '.repeat(50_000));
    await phone.locator('.check-button').click();
    await phone.locator('.check-status .panel-error').waitFor();
    assert.match((await phone.locator('.check-status').textContent()) ?? '', /Could not check the text: the text is larger than 256 KB/);
    assert.equal(await phone.locator('#check-result').isVisible(), false);
    assert.equal(forgetProblems(phone, /^413 for .*\/api\/check$/).length, 1, 'the API refused the text');
    assert.deepEqual(problemsOf(phone), []);
  });

  test('text from the data is never markup: notes, actors and places with HTML stay text', async () => {
    const attack = '<img src=x onerror="window.__xss=(window.__xss||0)+1">';
    const csv = join(scratch(), 'hostile.csv');
    writeFileSync(
      csv,
      acledCsv([
        { event_id_cnty: 'MLI1', notes: `Note ${attack}<script>window.__xss=9</script>`, actor1: `Militia ${attack}`, location: `Town <b onmouseover=alert(1)>x</b>` },
        { event_id_cnty: 'MLI2', event_date: '2022-04-02', latitude: 15.5, longitude: -2, actor2: `<svg onload="window.__xss=7">`, admin1: `Mopti<img src=x onerror=window.__xss=5>`, fatalities: 1 },
      ]),
    );
    const hostile = await startServer({ db: await storeOf(csv, 'acled'), port: 0, host: '127.0.0.1' });
    try {
      const attacked = await open('/', DESKTOP, hostile.url);
      const inspect = () =>
        attacked.evaluate(() => ({
          xss: (window as unknown as { __xss?: number }).__xss ?? null,
          images: document.querySelectorAll('img').length,
          injected: document.querySelectorAll('[onerror], [onload], [onmouseover], script:not([type="module"]), b').length,
          table: document.querySelector('#panel-table table')?.textContent ?? '',
          actors: document.querySelector('#panel-actors svg')?.textContent ?? '',
          map: document.querySelector('#panel-map')?.textContent ?? '',
          popup: document.querySelector('.maplibregl-popup')?.textContent ?? '',
          banner: (document.getElementById('banner') as HTMLElement).hidden,
        }));
      const clean = (found: Awaited<ReturnType<typeof inspect>>, when: string) => {
        assert.equal(found.xss, null, `${when}: no script from the data ran`);
        assert.equal(found.images, 0, `${when}: no <img> was made from the data`);
        assert.equal(found.injected, 0, `${when}: no element with handlers was made from the data`);
      };
      let found = await inspect();
      clean(found, 'loaded');
      assert.ok(found.table.includes(attack), 'the note is shown as text');
      assert.ok(found.table.includes('Town <b onmouseover=alert(1)>x</b>'), 'the place is shown as text');
      assert.ok(found.actors.includes('<svg onload="window.__xss=7">'), 'the actor is shown as text in the chart');
      assert.equal(found.banner, true, 'no synthetic banner for data that is not the demo');
      await attacked.screenshot({ path: join(SCREENSHOTS, 'escaped-data.png'), fullPage: true });

      // A point's popup shows its place, and the click chooses that place.
      const point = await mapPixelOf(attacked, 'points', { location: 'Town <b onmouseover=alert(1)>x</b>' });
      assert.ok(point, 'the event is drawn as a point');
      await attacked.mouse.click(point.x, point.y);
      await attacked.waitForURL(/location=Town/);
      await waitReady(attacked);
      await assertAgree(attacked, 'the location of the clicked point');
      found = await inspect();
      clean(found, 'a point clicked');
      assert.ok(found.popup.includes('Town <b onmouseover=alert(1)>x</b>'), 'the popup shows the place as text');

      // The choropleth names the areas it cannot draw: one of them is hostile.
      await attacked.locator('button.clear').click();
      await attacked.waitForURL((url) => url.search === '');
      await waitReady(attacked);
      await attacked.locator('#panel-map .toggle[data-value="admin1"]').click();
      await attacked.waitForURL((url) => url.hash.includes('map=admin1'));
      await waitReady(attacked);
      found = await inspect();
      clean(found, 'areas');
      assert.ok(found.map.includes('Mopti<img src=x onerror=window.__xss=5>'), 'the unmatched area is named as text');
      assert.deepEqual(problemsOf(attacked), []);
      await attacked.close();
    } finally {
      await hostile.close();
    }
  });
});
