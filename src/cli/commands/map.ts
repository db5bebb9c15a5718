import { CrisisError } from '../../model/errors.js';
import { thousands } from '../../model/thousands.js';
// The map's own modules, not render/index.js: that one holds the brief, and with it every analysis.
import { boundaries } from '../../render/boundaries.js';
import type { MapFigureOptions } from '../../render/map.js';
import { MAP_PARAMS } from '../../render/params.js';
import type { Command } from '../command.js';
import { DB_HELP, FILTER_HELP, FILTER_OPTIONS, filterFrom, helpLinesOf, optionsOf, parse, valuesOf } from '../options.js';
import { withStore } from './with-store.js';

const PARAMS = Object.values(MAP_PARAMS);

export const mapCommand: Command = {
  help: `Usage: crisismap map [filters] [--level country|admin1|points] [--metric events|fatalities] --out FILE

A choropleth of events or fatalities by country or admin1 area, or proportional symbols at
the places of the events, for any part of the world the data covers: country and admin1
borders, labels for the largest values, a key, a scale bar and a locator globe. Every shape
names itself and its value in a tooltip. Boundaries ship with crisismap (Natural Earth,
public domain) and work offline. Data names are matched to boundary names ignoring accents
and case, through an alias table; a name that matches no boundary is listed in the output
and its events are drawn as points. See docs/maps.md.

${FILTER_HELP}

Map:
${helpLinesOf(PARAMS)}

Output:
  --out FILE              the format follows the extension: .svg, .png (2× scale),
                          .geojson (areas and places with their values), .csv
${DB_HELP}

Examples:
  crisismap map --country Mali --level admin1 --out mali.png
  crisismap map --year 2022 --level country --metric events --out 2022.svg
  crisismap map --country Mali --year 2022 --level points --out mali-2022.geojson`,

  async run(args, io) {
    const { values } = parse(args, { ...FILTER_OPTIONS, ...optionsOf(PARAMS), out: { type: 'string' } });
    const options = valuesOf(PARAMS, values) as MapFigureOptions;
    const out = values.out as string | undefined;
    if (!out) throw new CrisisError('where to? give --out FILE', ['e.g. --out map.png (or .svg, .geojson, .csv)']);
    const level = options.level ?? MAP_PARAMS.level.default;
    // While DuckDB opens the store on threads of its own, this one loads the drawing's modules
    // (d3-geo, resvg) and reads the boundaries: on two cores they overlap.
    const drawing = Promise.all([import('../../render/map.js'), import('../../render/output.js')]);
    const drawn = withStore(values.db, async (store) => {
      const [{ map }, { writeMap }] = await drawing;
      const figure = await map(store, filterFrom(values), options);
      // Awaited below, not here: a PNG is drawn on resvg's thread while the store closes on this one.
      return { figure, written: writeMap(figure, out) };
    });
    let done: Awaited<typeof drawn>;
    try {
      boundaries();
    } finally {
      done = await drawn;
    }
    const { figure, written } = done;
    const format = await written;
    io.out(`wrote ${out} (${format}): ${figure.text.title}\n`);
    const u = figure.data.unmatched;
    if (u.length) {
      const aggregated = figure.data.datasets.some((d) => d.aggregated);
      io.err(
        `Unmatched: ${u.length} ${level === 'country' ? 'country' : 'admin1'} names match no boundary; ${aggregated ? 'aggregated data has no event points, so they are listed, not drawn' : 'their events are drawn as points where they have coordinates'}:\n`,
      );
      const n = (x: number | null, what: string) => (x === null ? '' : `${thousands(x)} ${what}, `);
      for (const x of u) io.err(`  ${x.admin1 === null ? x.country : `${x.admin1} (${x.country})`}: ${n(x.events, 'events')}${n(x.fatalities, 'fatalities')}${x.places} places drawn\n`);
    }
  },
};
