import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { ADMIN1_FILE } from './boundaries.js';
import { lazyTopology, packTopology, readTopology } from './topology.js';

const require = createRequire(import.meta.url);

test('the shipped boundaries read lazily are the same as parsed whole, every arc included', () => {
  for (const file of SHIPPED) sameAsWhole(readFileSync(file, 'utf8'), lazyTopology(readFileSync(file, 'utf8')));
});

const SHIPPED = [ADMIN1_FILE, require.resolve('world-atlas/countries-50m.json'), require.resolve('world-atlas/land-110m.json'), require.resolve('world-atlas/countries-110m.json')];

test('the shipped boundaries packed as the build packs them read the same as parsed whole', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crisismap-packed-'));
  for (const file of SHIPPED) {
    const packed = join(dir, 'file.packed');
    writeFileSync(packed, packTopology(file)!);
    sameAsWhole(readFileSync(file, 'utf8'), readTopology(file, packed));
  }
  rmSync(dir, { recursive: true });
});

test('a packed copy is read only while its source is the file it was packed from; else the text is', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crisismap-packed-'));
  const [file, packed] = [join(dir, 'a.topo.json'), join(dir, 'a.packed')];
  const text = (x: number) => JSON.stringify({ type: 'Topology', objects: {}, arcs: [[[x, 0]]] });
  const packedAt = new Date(2019, 0, 1);
  writeFileSync(file, text(1));
  utimesSync(file, packedAt, packedAt);
  writeFileSync(packed, packTopology(file)!);
  // Edited, the same size and time kept: the pack cannot tell, and is what is read (so it is used).
  writeFileSync(file, text(2));
  utimesSync(file, packedAt, packedAt);
  assert.deepEqual(readTopology(file, packed).arcs[0], [[1, 0]]);
  // The same size, another time: an edit the pack does not know.
  writeFileSync(file, text(2));
  utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
  assert.deepEqual(readTopology(file, packed).arcs[0], [[2, 0]]);
  // Longer, another size.
  writeFileSync(file, text(300));
  assert.deepEqual(readTopology(file, packed).arcs[0], [[300, 0]]);
  assert.deepEqual(readTopology(file, join(dir, 'none.packed')).arcs[0], [[300, 0]], 'no packed copy: the text');
  // Not quantized: not packed.
  writeFileSync(file, JSON.stringify({ type: 'Topology', objects: {}, arcs: [[[0.5, 0]]] }));
  assert.equal(packTopology(file), undefined);
  rmSync(dir, { recursive: true });
});

function sameAsWhole(text: string, read: Topology): void {
  const whole = JSON.parse(text) as Topology;
  const lazy = read;
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
