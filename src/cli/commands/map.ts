import { CrisisError } from '../../model/errors.js';
import { MAP_LEVELS, METRICS, map, writeMap, type MapLevel, type Metric } from '../../render/index.js';
import type { Command } from '../command.js';
import { DB_HELP, FILTER_HELP, FILTER_OPTIONS, filterFrom, parse } from '../options.js';
import { numberFlag, withStore } from './answer-output.js';

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
  --level LEVEL           admin1 (default), country, or points (a symbol per place)
  --metric WHAT           fatalities (default) or events
  --labels N              label the N largest values (default: every area whose label fits; 5 places)

Output:
  --out FILE              the format follows the extension: .svg, .png (2× scale),
                          .geojson (areas and places with their values), .csv
${DB_HELP}

Examples:
  crisismap map --country Mali --level admin1 --out mali.png
  crisismap map --year 2022 --level country --metric events --out 2022.svg
  crisismap map --country Mali --year 2022 --level points --out mali-2022.geojson`,

  async run(args, io) {
    const { values } = parse(args, { ...FILTER_OPTIONS, level: { type: 'string' }, metric: { type: 'string' }, labels: { type: 'string' }, out: { type: 'string' } });
    const out = values.out as string | undefined;
    if (!out) throw new CrisisError('where to? give --out FILE', ['e.g. --out map.png (or .svg, .geojson, .csv)']);
    const level = ((values.level as string | undefined) ?? 'admin1').toLowerCase();
    if (!MAP_LEVELS.includes(level as MapLevel)) throw new CrisisError(`--level "${values.level}" is not a map level`, [`use --level ${MAP_LEVELS.join('|')}`]);
    const metric = ((values.metric as string | undefined) ?? 'fatalities').toLowerCase();
    if (!METRICS.includes(metric as Metric)) throw new CrisisError(`--metric "${values.metric}" is not events or fatalities`, ['use --metric events or --metric fatalities']);
    await withStore(values.db, async (store) => {
      const figure = await map(store, filterFrom(values), {
        level: level as MapLevel,
        metric: metric as Metric,
        ...(values.labels !== undefined ? { labels: numberFlag(values.labels, 'labels', 5) } : {}),
      });
      const format = writeMap(figure, out);
      io.out(`wrote ${out} (${format}): ${figure.text.title}\n`);
      const u = figure.data.unmatched;
      if (u.length) {
        const aggregated = figure.data.datasets.some((d) => d.aggregated);
        io.err(
          `Unmatched: ${u.length} ${level === 'country' ? 'country' : 'admin1'} names match no boundary; ${aggregated ? 'aggregated data has no event points, so they are listed, not drawn' : 'their events are drawn as points where they have coordinates'}:\n`,
        );
        const n = (x: number | null, what: string) => (x === null ? '' : `${x.toLocaleString('en-US')} ${what}, `);
        for (const x of u) io.err(`  ${x.admin1 === null ? x.country : `${x.admin1} (${x.country})`}: ${n(x.events, 'events')}${n(x.fatalities, 'fatalities')}${x.places} places drawn\n`);
      }
    });
  },
};
