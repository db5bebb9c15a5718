// ACLED-style event notes, built from the event's own date, actors, place and
// toll so that the text never contradicts the coded columns. Every note starts
// with "[SYNTHETIC]" so that an excerpt pasted anywhere still says what it is.
import type { Actor } from './actors.js';
import type { DemoEvent } from './event.js';
import { Rng } from './prng.js';
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
  const others = assoc.map((a) => (full ? a : ASSOC_LABELS[a] ?? a));
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
    (w, s, o, p) => `${w}, ${s} on patrol came under fire from ${o} ${p} and fought back.`,
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
  'Shelling/artillery/missile attack': [
    (w, s, o, p) => `${w}, ${s} fired mortar rounds at the camp of ${o} ${p}.`,
    (w, s, o, p) => `${w}, ${s} shelled positions of ${o} ${p} with rockets.`,
  ],
  'Air/drone strike': [
    (w, s, o, p) => `${w}, ${s} carried out an air strike on ${o} ${p}.`,
    (w, s, o, p, r) => `${w}, a ${r.pick(['drone', 'helicopter'])} of ${s} struck a gathering of ${o} ${p}.`,
  ],
  'Suicide bomb': [
    (w, s, o, p) => `${w}, ${s} drove a vehicle-borne suicide device into the base of ${o} ${p}, followed by a ground assault.`,
  ],
  Attack: [
    (w, s, o, p) => `${w}, ${s} attacked ${o} ${p}.`,
    (w, s, o, p) => `${w}, ${s} raided a village ${p} and opened fire on ${o}.`,
    (w, s, o, p) => `${w}, ${s} stopped a vehicle carrying ${o} on the road ${p} and attacked the passengers.`,
    (w, s, o, p) => `${w}, ${s} entered a weekly market ${p} and targeted ${o}.`,
  ],
  'Abduction/forced disappearance': [
    (w, s, o, p, r) => `${w}, ${s} abducted ${r.pick(['two', 'three', 'several', 'a group of'])} ${o} ${p}.`,
    (w, s, o, p) => `${w}, ${s} kidnapped a village chief and other ${o} ${p}; their whereabouts remain unknown.`,
  ],
  'Sexual violence': [
    (w, s, o, p) => `${w}, ${s} sexually assaulted women among ${o} ${p}.`,
  ],
  'Peaceful protest': [
    (w, s, _o, p, r) => `${w}, ${s} held a peaceful demonstration ${p} to ${r.pick(DEMANDS)}.`,
    (w, s, _o, p, r) => `${w}, ${s} marched ${p} to ${r.pick(DEMANDS)}.`,
    (w, s, _o, p, r) => `${w}, ${s} staged a sit-in in front of the prefecture ${p} to ${r.pick(DEMANDS)}.`,
  ],
  'Protest with intervention': [
    (w, s, o, p, r) => `${w}, ${s} gathered ${p} to ${r.pick(DEMANDS)}; ${o} dispersed them with tear gas.`,
  ],
  'Violent demonstration': [
    (w, s, _o, p, r) => `${w}, ${s} burned tyres and blocked the main road ${p} to ${r.pick(DEMANDS)}.`,
    (w, s, _o, p) => `${w}, ${s} ransacked the town hall ${p} after a rumour of an imminent attack.`,
  ],
  'Mob violence': [
    (w, s, o, p) => `${w}, ${s} lynched ${o} accused of theft ${p}.`,
    (w, s, o, p) => `${w}, ${s} attacked ${o} suspected of being informants for armed groups ${p}.`,
  ],
  'Looting/property destruction': [
    (w, s, _o, p) => `${w}, ${s} looted shops and took livestock ${p}.`,
    (w, s, _o, p) => `${w}, ${s} set fire to houses, granaries and a school ${p}.`,
    (w, s, _o, p) => `${w}, ${s} destroyed a telephone mast and a bridge ${p}.`,
  ],
  Arrests: [
    (w, s, o, p) => `${w}, ${s} arrested ${o} suspected of links with armed groups ${p}.`,
    (w, s, o, p) => `${w}, ${s} detained ${o} during a search operation ${p}.`,
  ],
  Agreement: [
    (w, s, o, p) => `${w}, ${s} and ${o} reached a local agreement ${p} allowing farmers to return to their fields.`,
  ],
  'Change to group/activity': [
    (w, s, _o, p) => `${w}, ${s} imposed a blockade on the roads leading ${p}.`,
    (w, s, _o, p) => `${w}, ${s} announced a ban on motorbike traffic ${p}.`,
  ],
  'Headquarters or base established': [
    (w, s, _o, p) => `${w}, ${s} set up a new base ${p}.`,
  ],
  'Non-violent transfer of territory': [
    (w, s, o, p) => `${w}, ${s} moved into a position ${p} abandoned by ${o}.`,
  ],
  'Disrupted weapons use': [
    (w, s, _o, p) => `${w}, ${s} found and defused an improvised explosive device ${p}.`,
    (w, s, _o, p) => `${w}, ${s} seized weapons, explosives and motorbikes at a checkpoint ${p}.`,
  ],
  Other: [
    (w, s, _o, p) => `${w}, ${s} imposed a curfew ${p}.`,
    (w, s, _o, p) => `${w}, ${s} deployed reinforcements ${p} after threats against the population.`,
  ],
};

const DEMANDS = [
  'denounce growing insecurity in the region',
  'demand the release of detained relatives',
  'protest against rising fuel and food prices',
  'demand payment of salary arrears',
  'express support for the transitional authorities',
  'denounce the presence of foreign forces',
  'call for the reopening of schools',
  'demand better protection for displaced people',
];

const CONTEXT: Readonly<Partial<Record<string, readonly string[]>>> = {
  Battles: [
    'The assailants arrived on motorbikes in the early hours.',
    'Reinforcements were sent from the nearest camp.',
    'Weapons, ammunition and several motorbikes were seized after the fighting.',
    'Both sides claimed to have inflicted heavy losses.',
    'The fighting forced part of the population to flee.',
  ],
  'Explosions/Remote violence': [
    'The area has seen repeated explosive attacks on the main supply road.',
    'Several people were wounded and evacuated to the regional hospital.',
    'Security forces sealed off the area afterwards.',
  ],
  'Violence against civilians': [
    'The assailants arrived on motorbikes and set fire to houses and granaries.',
    'Survivors fled to the nearest town.',
    'Livestock was taken during the raid.',
    'Local sources said the victims were accused of collaborating with the other side.',
    'The village had received threats in the preceding weeks.',
  ],
  Protests: [
    'Traffic was disrupted for several hours.',
    'Speakers called on the authorities to act quickly.',
    'A memorandum was handed over to the governor.',
  ],
  Riots: [
    'Security forces were deployed to restore order.',
    'Shops remained closed for the rest of the day.',
  ],
  'Strategic developments': [
    'Local sources reported the situation as tense.',
    'Residents said similar incidents had occurred in the area recently.',
    'The authorities did not comment.',
  ],
};

function toll(e: DemoEvent, rng: Rng): string {
  const n = e.fatalities;
  if (n === 0) {
    return rng.pick(['No fatalities were reported.', 'There were no reported fatalities.', 'Several people were injured; no deaths reported.', 'Fatalities: none reported.']);
  }
  const victims = e.civilianTargeting ? 'civilians' : 'people';
  return rng.pick([
    `${n} ${n === 1 ? 'person was' : `${victims} were`} killed.`,
    `${n} fatalities.`,
    `Local sources reported ${n} ${n === 1 ? 'death' : 'deaths'}.`,
    `Reports put the toll between ${n} and ${n + rng.int(1, 5) + Math.floor(n / 4)} dead; the lowest figure is coded.`,
  ]);
}

function trailingTag(e: DemoEvent, rng: Rng): string {
  if (e.sub === 'Peaceful protest' || e.sub === 'Protest with intervention' || e.sub === 'Violent demonstration') {
    return rng.pick(['[size=no report]', '[size=no report]', '[size=dozens]', '[size=around 200]', '[size=hundreds]']);
  }
  if (e.sub === 'Sexual violence') return '[women targeted: Girls]';
  return '';
}

export function buildNote(e: DemoEvent): string {
  const rng = new Rng(e.noteSeed);
  const leads = LEADS[e.sub];
  const lead = rng.pick(leads)(when(e), subject(e, rng), object(e, rng), where(e, rng), rng);
  const parts = [NOTE_PREFIX, lead.charAt(0).toUpperCase() + lead.slice(1)];
  if (e.detail) parts.push(e.detail);
  const context = CONTEXT[SUB_EVENTS[e.sub].eventType];
  if (context) parts.push(rng.pick(context));
  parts.push(toll(e, rng));
  const tag = trailingTag(e, rng);
  if (tag) parts.push(tag);
  return parts.join(' ');
}
