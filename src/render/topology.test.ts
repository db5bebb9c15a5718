import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import { ADMIN1_FILE } from './boundaries.js';
import { lazyTopology } from './topology.js';

const require = createRequire(import.meta.url);

test('the shipped boundaries read lazily are the same as parsed whole, every arc included', () => {
  for (const file of [ADMIN1_FILE, require.resolve('world-atlas/countries-50m.json'), require.resolve('world-atlas/countries-110m.json')]) sameAsWhole(readFileSync(file, 'utf8'));
});

function sameAsWhole(text: string): void {
  const whole = JSON.parse(text) as Topology;
  const lazy = lazyTopology(text);
  assert.deepEqual({ ...lazy, arcs: [] }, { ...whole, arcs: [] });
  assert.equal(lazy.arcs.length, whole.arcs.length);
  for (let i = 0; i < whole.arcs.length; i++) assert.deepEqual(lazy.arcs[i], whole.arcs[i]);
  assert.equal(lazy.arcs[whole.arcs.length], undefined);
}

test('arcs are found wherever the key stands and however the text is spaced; other text is parsed whole', () => {
  const topology = {
    type: 'Topology',
    arcs: [
      [
        [0, 0],
        [1, -2],
      ],
      [[3, 4]],
    ],
    objects: { a: { type: 'LineString', arcs: [0, 1], properties: { name: 'say "arcs": [1]' } } },
  };
  for (const text of [JSON.stringify(topology), JSON.stringify(topology, null, 2)]) {
    const lazy = lazyTopology(text);
    assert.deepEqual([lazy.arcs[0], lazy.arcs[1]], topology.arcs);
    assert.deepEqual(lazy.objects, topology.objects);
  }
  const odd = '{"type":"Topology","objects":{},"arcs":[[[0,0]],{"x":1}]}';
  assert.deepEqual(lazyTopology(odd), JSON.parse(odd));
});
