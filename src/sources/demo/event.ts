// One synthetic event and its rendering as an ACLED export row. Events are kept
// as structured records until the very end so that calibration can adjust
// fatalities before any text (notes mention the toll) is produced.
import { type Actor, interaction, joinAssoc } from './actors.js';
import { type Place, countryInfo } from './gazetteer.js';
import { buildNote } from './notes.js';
import { type SubEventType, SUB_EVENTS } from './taxonomy.js';

export const DEMO_DATASET = 'demo-synthetic';

/** The 31 columns of ACLED's current export, in export order. */
export const ACLED_COLUMNS: readonly string[] = Object.freeze([
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
]);

export const SYNTHETIC_SOURCE = 'crisismap synthetic (not real reporting)';
export const SYNTHETIC_TAG = 'synthetic demo data';

export interface DemoEvent {
  readonly place: Place;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly sub: SubEventType;
  readonly actor1: Actor;
  readonly assoc1: readonly string[];
  readonly actor2: Actor | null;
  readonly assoc2: readonly string[];
  readonly civilianTargeting: boolean;
  /** Mutable: calibration rescales drawn counts to hit monthly budgets. */
  fatalities: number;
  readonly timePrecision: 1 | 2 | 3;
  readonly geoPrecision: 1 | 2 | 3;
  readonly sourceScale: string;
  /** Seconds between the event day (00:00 UTC) and its ACLED upload timestamp. */
  readonly reportLag: number;
  /** Seed for the note text, so notes can be rendered lazily and still be reproducible. */
  readonly noteSeed: number;
  /** A scripted, event-specific sentence for the note (episodes only). */
  readonly detail?: string;
  /** Scripted verb phrase for the note's lead. */
  readonly action?: string;
  /** Generation order; breaks ties when sorting a month's events by date. */
  readonly seq: number;
}

export function toRow(event: DemoEvent, id: number): string[] {
  const { place, actor1, actor2 } = event;
  const country = countryInfo(place.country);
  const info = SUB_EVENTS[event.sub];
  const dayStart = Date.UTC(Number(event.date.slice(0, 4)), Number(event.date.slice(5, 7)) - 1, Number(event.date.slice(8, 10))) / 1000;
  return [
    `${country.idPrefix}${id}`,
    event.date,
    event.date.slice(0, 4),
    String(event.timePrecision),
    info.disorder,
    info.eventType,
    event.sub,
    actor1.name,
    joinAssoc(event.assoc1),
    String(actor1.inter),
    actor2 ? actor2.name : '',
    joinAssoc(event.assoc2),
    actor2 ? String(actor2.inter) : '',
    String(interaction(actor1.inter, actor2?.inter)),
    event.civilianTargeting ? 'Civilian targeting' : '',
    String(country.iso),
    'Western Africa',
    place.country,
    place.admin1,
    place.admin2,
    '',
    place.location,
    place.latitude.toFixed(4),
    place.longitude.toFixed(4),
    String(event.geoPrecision),
    SYNTHETIC_SOURCE,
    event.sourceScale,
    buildNote(event),
    String(event.fatalities),
    SYNTHETIC_TAG,
    String(dayStart + event.reportLag),
  ];
}
