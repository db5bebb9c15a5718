// ACLED-style event notes, built from the event's own date, actors, place and
// toll so that the text never contradicts the coded columns. Every note starts
// with "[SYNTHETIC]" so that an excerpt pasted anywhere still says what it is.
import type { Actor } from './actors.js';
import type { DemoEvent } from './event.js';
import { Rng } from './prng.js';
import { ATTRIBUTION, CONTEXT, DEMANDS } from './phrases.js';
import { type SubEventType, SUB_EVENTS } from './taxonomy.js';

export const NOTE_PREFIX = '[SYNTHETIC]';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function longDate(date: string): string {
  const month = MONTHS[Number(date.slice(5, 7)) - 1] ?? '';
  return `${Number(date.slice(8, 10))} ${month} ${date.slice(0, 4)}`;
}

// ACLED's time_precision: 1 = day known, 2 = week, 3 = month.
function when(e: DemoEvent): string {
  if (e.timePrecision === 2) return `Around ${longDate(e.date)} (week of)`;
  if (e.timePrecision === 3) return `In ${longDate(e.date).replace(/^\d+ /, '')} (month of)`;
  return `On ${longDate(e.date)}`;
}

function where(e: DemoEvent, rng: Rng): string {
  const { location, admin2, admin1 } = e.place;
  const site = location === admin2 ? `${location} (${admin1})` : `${location} (${admin2}, ${admin1})`;
  if (e.geoPrecision === 1) return `in ${site}`;
  if (e.geoPrecision === 2) return rng.pick([`near ${site}`, `in a village near ${site}`, `on the outskirts of ${site}`]);
  return `in the area of ${site} (exact location unknown)`;
}

const ASSOC_LABELS: Readonly<Record<string, string>> = {
  'Wagner Group': 'Wagner Group personnel',
  'VDP: Volunteers for the Defense of the Homeland': 'VDP auxiliaries',
  'Katiba Macina': 'Katiba Macina fighters',
  'Operation Barkhane': 'Barkhane',
};

function groupWord(assoc: string): string {
  const bare = assoc.replace(/ \([^)]*\)$/, '');
  if (bare.endsWith(' Ethnic Group')) return bare.replace(' Ethnic Group', '');
  const words: Record<string, string> = {
    'Labor Group': 'trade unionists',
    'Christian Group': 'Christian',
    'Muslim Group': 'Muslim',
    'Health Workers': 'health workers',
  };
  return words[bare] ?? bare.toLowerCase();
}

/** "Military Forces of Mali (2021-) and Wagner Group" or "Malian soldiers (FAMa) supported by Wagner Group personnel". */
function armed(actor: Actor, assoc: readonly string[], rng: Rng): string {
  const full = rng.chance(0.55);
  const head = full ? actor.name : actor.label;
  if (assoc.length === 0) return head;
  const others = assoc.map((a) => (full ? a : (ASSOC_LABELS[a] ?? a)));
  return full ? `${head} and ${others.join(' and ')}` : `${head} supported by ${others.join(' and ')}`;
}

/** "Fulani civilians", "students", "women". */
function people(actor: Actor, assoc: readonly string[], noun: string): string {
  const groups = assoc.map(groupWord);
  const ethnic = assoc.filter((a) => a.includes('Ethnic Group')).map(groupWord);
  const other = groups.filter((g) => !ethnic.includes(g));
  if (other.length > 0) return `${ethnic.length ? `${ethnic.join(' and ')} ` : ''}${other.join(' and ')}`;
  if (ethnic.length > 0) return `${ethnic.join(' and ')} ${noun}`;
  return actor.label === 'civilians' ? noun : actor.label;
}

function subject(e: DemoEvent, rng: Rng): string {
  const a = e.actor1;
  if (a.inter >= 5 && a.inter <= 7) return people(a, e.assoc1, a.label);
  return armed(a, e.assoc1, rng);
}

function object(e: DemoEvent, rng: Rng): string {
  const a = e.actor2;
  if (!a) return 'unidentified people';
  if (a.inter >= 5 && a.inter <= 7) return people(a, e.assoc2, rng.pick(['civilians', 'villagers', 'residents']));
  return armed(a, e.assoc2, rng);
}

type Lead = (w: string, s: string, o: string, p: string, rng: Rng) => string;

const LEADS: Readonly<Record<SubEventType, readonly Lead[]>> = {
  'Armed clash': [
    (w, s, o, p) => `${w}, ${s} clashed with ${o} ${p}.`,
    (w, s, o, p) => `${w}, fighting broke out between ${s} and ${o} ${p}.`,
    (w, s, o, p) => `${w}, ${s} ambushed ${o} ${p}, sparking an exchange of fire that lasted several hours.`,
    (w, s, o, p) => `${w}, ${s} attacked ${o} ${p}; the exchange of fire lasted until the afternoon.`,
  ],
  'Government regains territory': [
    (w, s, o, p) => `${w}, ${s} retook control of the locality ${p} from ${o} after heavy fighting.`,
    (w, s, o, p) => `${w}, ${s} drove ${o} out of their positions ${p}.`,
  ],
  'Non-state actor overtakes territory': [
    (w, s, o, p) => `${w}, ${s} took control of the locality ${p} after ${o} withdrew under fire.`,
    (w, s, o, p) => `${w}, ${s} overran the post of ${o} ${p} and occupied it.`,
  ],
  'Remote explosive/landmine/IED': [
    (w, s, o, p) => `${w}, a vehicle carrying ${o} struck an improvised explosive device laid by ${s} ${p}.`,
    (w, s, o, p) => `${w}, an IED attributed to ${s} exploded as ${o} passed ${p}.`,
  ],
  'Shelling/artillery/missile attack': [(w, s, o, p) => `${w}, ${s} fired mortar rounds at the camp of ${o} ${p}.`, (w, s, o, p) => `${w}, ${s} shelled positions of ${o} ${p} with rockets.`],
  'Air/drone strike': [(w, s, o, p) => `${w}, ${s} carried out an air strike on ${o} ${p}.`, (w, s, o, p, r) => `${w}, a ${r.pick(['drone', 'helicopter'])} of ${s} struck a gathering of ${o} ${p}.`],
  'Suicide bomb': [(w, s, o, p) => `${w}, ${s} drove a vehicle-borne suicide device into the base of ${o} ${p}, followed by a ground assault.`],
  Attack: [
    (w, s, o, p) => `${w}, ${s} attacked ${o} ${p}.`,
    (w, s, o, p) => `${w}, ${s} raided a village ${p} and opened fire on ${o}.`,
    (w, s, o, p) => `${w}, ${s} stopped a vehicle carrying ${o} on the road ${p} and attacked the passengers.`,
    (w, s, o, p) => `${w}, ${s} entered a weekly market ${p} and targeted ${o}.`,
  ],
  'Abduction/forced disappearance': [
    (w, s, o, p) => `${w}, ${s} abducted a group of ${o} ${p}.`,
    (w, s, o, p, r) => `${w}, ${s} abducted ${r.pick(['two', 'three', 'several'])} ${o} ${p}.`,
    (w, s, o, p) => `${w}, ${s} kidnapped a village chief and other ${o} ${p}; their whereabouts remain unknown.`,
  ],
  'Sexual violence': [(w, s, o, p) => `${w}, ${s} sexually assaulted ${o} ${p}.`, (w, s, o, p) => `${w}, ${s} raped ${o} ${p}.`],
  'Peaceful protest': [
    (w, s, _o, p, r) => `${w}, ${s} held a peaceful demonstration ${p} to ${r.pick(DEMANDS)}.`,
    (w, s, _o, p, r) => `${w}, ${s} marched ${p} to ${r.pick(DEMANDS)}.`,
    (w, s, _o, p, r) => `${w}, ${s} staged a sit-in in front of the prefecture ${p} to ${r.pick(DEMANDS)}.`,
  ],
  'Protest with intervention': [(w, s, o, p, r) => `${w}, ${s} gathered ${p} to ${r.pick(DEMANDS)}; ${o} dispersed them with tear gas.`],
  'Violent demonstration': [
    (w, s, _o, p, r) => `${w}, ${s} burned tyres and blocked the main road ${p} to ${r.pick(DEMANDS)}.`,
    (w, s, _o, p) => `${w}, ${s} ransacked the town hall ${p} after a rumour of an imminent attack.`,
  ],
  'Mob violence': [(w, s, o, p) => `${w}, ${s} lynched ${o} accused of theft ${p}.`, (w, s, o, p) => `${w}, ${s} attacked ${o} suspected of being informants for armed groups ${p}.`],
  'Looting/property destruction': [
    (w, s, _o, p) => `${w}, ${s} looted shops and took livestock ${p}.`,
    (w, s, _o, p) => `${w}, ${s} set fire to houses, granaries and a school ${p}.`,
    (w, s, _o, p) => `${w}, ${s} destroyed a telephone mast and a bridge ${p}.`,
  ],
  Arrests: [(w, s, o, p) => `${w}, ${s} arrested ${o} suspected of links with armed groups ${p}.`, (w, s, o, p) => `${w}, ${s} detained ${o} during a search operation ${p}.`],
  Agreement: [(w, s, o, p) => `${w}, ${s} and ${o} reached a local agreement ${p} allowing farmers to return to their fields.`],
  'Change to group/activity': [
    (w, s, _o, p) => `${w}, ${s} imposed a blockade ${p}, cutting the roads to the nearest market.`,
    (w, s, _o, p) => `${w}, ${s} announced a ban on motorbike traffic ${p}.`,
  ],
  'Headquarters or base established': [(w, s, _o, p) => `${w}, ${s} set up a new base ${p}.`],
  'Non-violent transfer of territory': [(w, s, o, p) => `${w}, ${s} moved into a position ${p} abandoned by ${o}.`],
  'Disrupted weapons use': [
    (w, s, _o, p) => `${w}, ${s} found and defused an improvised explosive device ${p}.`,
    (w, s, _o, p) => `${w}, ${s} seized weapons, explosives and motorbikes at a checkpoint ${p}.`,
  ],
  Other: [(w, s, _o, p) => `${w}, ${s} imposed a curfew ${p}.`, (w, s, _o, p) => `${w}, ${s} deployed reinforcements ${p} after threats against the population.`],
};

// Only state forces patrol; used instead of a generic lead when actor1 is one.
const PATROL_LEAD: Lead = (w, s, o, p) => `${w}, ${s} on patrol came under fire from ${o} ${p} and fought back.`;

function pickTwo(pool: readonly string[], rng: Rng): string[] {
  if (pool.length < 2) return [...pool];
  const first = rng.int(0, pool.length - 1);
  const second = (first + rng.int(1, pool.length - 1)) % pool.length;
  return [pool[first] ?? '', pool[second] ?? ''];
}

// Plain clauses can follow an attribution ("Residents reported that ...");
// the others already carry their own source wording.
function toll(e: DemoEvent, rng: Rng): string {
  const n = e.fatalities;
  const victims = e.civilianTargeting ? 'civilians' : 'people';
  const violent = SUB_EVENTS[e.sub].disorder.startsWith('Political violence');
  const plain =
    n === 0
      ? ['nobody was killed.', 'there were no casualties.', ...(violent ? ['several people were injured but nobody was killed.'] : [])]
      : n === 1
        ? ['one person was killed.', 'the toll was one dead.']
        : [`${n} ${victims} were killed.`, `${n} people died.`, `the toll was ${n} dead.`];
  if (rng.chance(0.5)) return `${rng.pick(ATTRIBUTION)} ${rng.pick(plain)}`;
  const own =
    n === 0
      ? ['No fatalities were reported.', 'Fatalities: none reported.']
      : [
          `${n} ${n === 1 ? 'fatality' : 'fatalities'}.`,
          `Local sources reported ${n} ${n === 1 ? 'death' : 'deaths'}.`,
          `Reports put the toll between ${n} and ${n + rng.int(1, 5) + Math.floor(n / 4)} dead; the lowest figure is coded.`,
        ];
  const text = rng.pick([...own, ...plain]);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function trailingTag(e: DemoEvent, rng: Rng): string {
  if (e.sub === 'Peaceful protest' || e.sub === 'Protest with intervention' || e.sub === 'Violent demonstration') {
    return rng.pick(['[size=no report]', '[size=no report]', '[size=dozens]', '[size=around 200]', '[size=hundreds]']);
  }
  if (e.sub === 'Sexual violence') return '[women targeted: Girls]';
  return '';
}

function leadSentence(e: DemoEvent, rng: Rng): string {
  const w = when(e);
  const s = subject(e, rng);
  if (e.action) return `${w}, ${s} ${e.action} ${where(e, rng)}.`;
  // Scripted events use each type's first, most neutral wording.
  const leads = e.detail ? LEADS[e.sub].slice(0, 1) : e.sub === 'Armed clash' && e.actor1.inter === 1 ? [...LEADS[e.sub], PATROL_LEAD] : LEADS[e.sub];
  return rng.pick(leads)(w, s, object(e, rng), where(e, rng), rng);
}

export function buildNote(e: DemoEvent): string {
  const rng = new Rng(e.noteSeed);
  const lead = leadSentence(e, rng);
  const parts = [NOTE_PREFIX, lead.charAt(0).toUpperCase() + lead.slice(1)];
  // Scripted episodes tell their own story; generic colour could contradict it.
  if (e.detail) {
    parts.push(e.detail, toll(e, rng));
    return parts.join(' ');
  }
  const context = CONTEXT[SUB_EVENTS[e.sub].eventType];
  const fitting = context?.filter((c) => e.fatalities > 0 || !c.startsWith('+')).map((c) => c.replace(/^\+/, ''));
  if (fitting && fitting.length >= 2) parts.push(...pickTwo(fitting, rng));
  parts.push(toll(e, rng));
  const tag = trailingTag(e, rng);
  if (tag) parts.push(tag);
  return parts.join(' ');
}
