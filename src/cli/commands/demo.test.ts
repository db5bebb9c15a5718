/** `crisismap demo` builds a store that finds the published figures again, through the same counting as real data. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { main } from '../main.js';
import { Store } from '../../store/store.js';
import { count } from '../../query/count.js';
import { scratch } from '../../../test/testing.js';

test('the demo store: synthetic, calibrated, and idempotent', async () => {
  const db = join(scratch(), 'demo.duckdb');
  let out = '';
  const io = {
    out: (t: string) => {
      out += t;
    },
    err: () => undefined,
    interactive: false,
  };
  assert.equal(await main(['demo', '--db', db], io), 0);
  assert.match(out, /synthetic events \(dataset demo-synthetic\)/);
  assert.match(out, /Try next:\n {2}npx crisismap count --db .* --country Mali --by year/);

  const store = await Store.open(db, { readOnly: true });
  try {
    const mali = await count(store, { country: ['Mali'], year: [2021, 2022] }, ['year']);
    assert.deepEqual(
      mali.rows.map((r) => [r.year, r.fatalities]),
      [
        [2021, 1913],
        [2022, 4803],
      ],
    );
    assert.deepEqual(
      mali.datasets.map((d) => d.dataset),
      ['demo-synthetic'],
    );

    const wagner = await count(store, { actor: ['Wagner'], to: '2022-12-31' });
    assert.ok(wagner.total.fatalities >= 700, `Wagner fatalities ${wagner.total.fatalities}`);
    assert.equal((await count(store, { actor: ['Wagner'], to: '2021-11-30' })).total.events, 0);

    const moura = await count(store, { location: ['Moura'], from: '2022-03-27', to: '2022-03-31' });
    assert.ok(moura.total.fatalities > 300, `Moura fatalities ${moura.total.fatalities}`);

    const coastal = ['Benin', 'Togo', 'Ghana', 'Ivory Coast'];
    assert.equal((await count(store, { country: coastal, to: '2019-12-31' }).catch(() => ({ total: { events: 0 } }))).total.events, 0);
    assert.ok((await count(store, { country: coastal, year: [2022] })).total.events > 0);

    // Every event says it is synthetic.
    const unlabelled = await store.one(`SELECT count(*) AS n FROM events WHERE dataset <> 'demo-synthetic' OR tags NOT ILIKE '%synthetic%' OR notes NOT LIKE '[SYNTHETIC]%'`);
    assert.equal(unlabelled.n, 0);
  } finally {
    store.close();
  }

  out = '';
  assert.equal(await main(['demo', '--db', db], io), 0);
  assert.match(out, /: 0 added, 0 updated, \d[\d,]* unchanged/);
});
