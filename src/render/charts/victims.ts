/**
 * `chart victims`: who died, as a donut for each kind of source. ACLED-style data is split
 * by the kind of event the deaths happened in (it does not say who died: the note says so);
 * UCDP's deaths are split by side. The two are never added into one donut.
 */
import { percent, type Answer } from '../../analysis/answer.js';
import type { VictimsFigures } from '../../analysis/victims.js';
import { figureText } from '../figure.js';
import type { Chart } from '../spec.js';
import { panelTitle } from '../spec.js';
import { fmt } from '../svg.js';
import { CATEGORICAL } from '../theme.js';
import { donut } from './pie.js';
import { scope } from './common.js';

// One colour per part, the same in every victims chart: civilians always orange.
const [BLUE, , GREEN, VERMILION, SKY, PURPLE, , GREY] = CATEGORICAL;

interface Part {
  part: string;
  value: number;
  colour: string;
  phrase: string;
}

export function victimsChart(answer: Answer<VictimsFigures>): Chart {
  const { unattributed: u, attributed: a } = answer.figures;
  const panels: Array<{ heading: string; parts: Part[]; total: number; unit: string }> = [];
  if (u) {
    panels.push({
      heading: 'ACLED-style data: fatalities by the kind of event they happened in',
      total: u.fatalities,
      unit: 'fatalities',
      parts: [
        { part: 'Events targeting civilians', value: u.civilianTargeting.fatalities, colour: VERMILION!, phrase: 'in events that targeted civilians' },
        { part: 'Battles', value: u.battles.fatalities, colour: BLUE!, phrase: 'in battles' },
        { part: 'Explosions/remote violence', value: u.remoteViolence.fatalities, colour: GREEN!, phrase: 'in explosions and remote violence' },
        { part: 'Other events', value: u.other.fatalities, colour: GREY!, phrase: 'in other events' },
      ],
    });
  }
  if (a) {
    panels.push({
      heading: 'UCDP: deaths by who died (best estimate)',
      total: a.best,
      unit: 'deaths',
      parts: [
        { part: 'Civilians', value: a.civilians, colour: VERMILION!, phrase: 'civilians' },
        { part: `Side A${a.sideAActors[0] ? ` (mostly ${a.sideAActors[0].actor})` : ''}`, value: a.sideA, colour: BLUE!, phrase: 'on side A' },
        { part: `Side B${a.sideBActors[0] ? ` (mostly ${a.sideBActors[0].actor})` : ''}`, value: a.sideB, colour: SKY!, phrase: 'on side B' },
        { part: 'Unknown', value: a.unknown, colour: PURPLE!, phrase: 'of unknown status' },
      ],
    });
  }
  const where = scope(answer.filters);
  const first = panels[0];
  let title = `No events match${where}`;
  if (first && first.total > 0) {
    const lead = first.parts.reduce((x, y) => (y.value > x.value ? y : x));
    title =
      first.unit === 'fatalities'
        ? `${cap(percent(lead.value, first.total))} of the ${fmt(first.total)} fatalities${where} were ${lead.phrase}`
        : `${percent(lead.value, first.total)} of the ${fmt(first.total)} deaths UCDP records${where} were ${lead.phrase}`;
  }
  const plots = panels.map((p) => {
    const shown = p.parts.filter((x) => x.value > 0);
    const chart = donut({ kind: 'victims', slices: shown, total: p.total, unit: p.unit, text: figureText('', '', {}, []), columns: ['part', p.unit, 'share'], colours: shown.map((x) => x.colour) });
    return panels.length > 1 ? { ...chart.plots[0], title: panelTitle(p.heading) } : chart.plots[0]!;
  });
  const rows = panels.flatMap((p) => p.parts.map((x) => ({ source: p.unit === 'deaths' ? 'UCDP' : 'ACLED-style', part: x.part, [p.unit]: x.value, share: percent(x.value, p.total) })));
  const what = panels.length > 1 ? 'Who died, as each source allows: the two parts are shown apart, never added' : (panels[0]?.heading ?? 'Who died');
  return {
    kind: 'victims',
    text: figureText(title, what, answer.filters, answer.datasets, answer.caveats),
    plots,
    table: { columns: ['source', 'part', 'fatalities', 'deaths', 'share'], rows: rows.map((r) => ({ fatalities: null, deaths: null, ...r })) },
  };
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
