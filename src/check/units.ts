/**
 * What a number counts, read from the words around it: deaths ("killed", "fatalities",
 * "tués", "morts"), civilian deaths (the dead are civilians, or the clause is about attacks
 * on civilians), events ("incidents", "cas", "operations"), attacks, displaced people (never
 * checkable against event data) and other violence (wounded, kidnapped). A number whose
 * words are none of these (soldiers deployed, visits, money) is not a claim: unitOf returns
 * null. People are deaths only where the clause says they died.
 */
import { COUNTRIES } from './places.js';
import { escapeRegex, fold } from './text.js';

export type Unit = 'deaths' | 'civilian_deaths' | 'events' | 'attacks' | 'displaced' | 'other';

const DEATH_NOUN = /^(deaths?|dead|fatalit(y|ies)|killings?|lives|victims?|bodies|casualt(y|ies)|morts?|mortes|deces|tues|tuees|victimes|people killed|personnes tuees)\b/;
const CIVILIAN_NOUN =
  /^(civilians?|civils?|civiles|children|child|women|villagers|inhabitants|residents|worshippers|passengers|farmers|herders|students|enfants|femmes|habitants|villageois|fideles|eleves)\b/;
const COMBATANT_NOUN =
  /^(soldiers?|troops|servicemen|militants?|fighters?|jihadists?|djihadistes?|jihadistes?|assailants?|attackers?|members|insurgents?|terrorists?|gunmen|mercenar(y|ies)|policemen|police officers|gendarmes|peacekeepers|combatants|militiamen|rebels|suspects|soldats|militaires|assaillants|terroristes|combattants|casques bleus)\b/;
/** "15 mercenaries", "60 soldiers": the dead of one side of the fighting, which event data such as ACLED's do not attribute. */
export function namesOneSide(noun: string): boolean {
  return COMBATANT_NOUN.test(noun) && !/^(members|suspects)\b/.test(noun);
}
const PERSON_NOUN = /^(people|persons|personnes|individuals|men|others|autres|hommes|individus|ones)\b/;
const EVENT_NOUN = /^(events?|incidents?|cases|cas|operations?|clashes|battles|evenements|affrontements|violent (events|incidents)|incidents violents|enlevements|kidnappings|abductions)\b/;
const ATTACK_NOUN = /^(attacks?|attaques?|assaults?|raids?|ambush(es)?|embuscades?|strikes?|airstrikes?|drone strikes|explosions|bombings|massacres?)\b/;
const DISPLACED_NOUN = /^(displaced|deplaces|refugees|refugies|idps|internally displaced)\b/;
const OTHER_NOUN = /^(wounded|injured|blesses|hurt|kidnapped|abducted|enleves|hostages|otages|missing|disparus)\b/;
/** Words between a number and its noun that change nothing: "166 reported deaths", "1,315 violent incidents". */
const SKIP =
  /^(average|annual|yearly|monthly|terrorism|terrorist|jihadist|militant|political|conflict|reported|recorded|documented|total|suspected|more|other|additional|further|confirmed|alleged|civilian|violent|armed|terror-related|terrorism-related|conflict-related|related|security|government|newly|estimated|deadly|separate|people's|of these|of the|of them|de ces|d'entre eux|des|de|d'|more than|presumed|presumes|presumees|suspected members of the|fighting-age|innocent|unarmed|young)\s+/;

const DEATH_CUE =
  /\b(kill(ed|ing|ings|s)?|victims|dead|died|die|dying|deaths?|death toll|toll|lost (their|his|her) lives|executed|massacred|slain|slaughtered|murdered|perished|fatalit(y|ies)|tue(e|es|s)?|tuant|morts?|mortes|deces|ont peri|perdu la vie|victimes?|bilan|massacre|executions?|succumbed)\b/;
const CIVILIAN_CUE = /\b(civilians?|civils?|civiles?|children|villagers|inhabitants|habitants|enfants|villageois|civilian targeting|targeting civilians|against civilians|on civilians)\b/;
/** Places where people live or gather named as the target: those killed there are civilians ("an attack against several villages", "villages were also targeted"). */
const CIVILIAN_TARGET =
  /\b(?:attacks?|raids?|assaults?|attaques?|raids?)\b(?:\s+[\w'-]+){0,5}?\s+(?:on|against|targeting|contre|visant)\s+(?:(?:the|a|several|two|three|many|other|nearby|les|des|le|la|plusieurs|deux|trois)\s+)*(?:villages?|markets?|mosques?|churches?|weddings?|funerals?|camps? for (?:the )?displaced|marches?|eglises?|mariages?)\b|\b(?:villages?|markets?|marches?)\b(?:\s+[\w'-]+){0,3}?\s+(?:were|was|ont ete|a ete)\s+(?:also\s+|aussi\s+|egalement\s+)?(?:targeted|attacked|raided|struck|vises?|attaques?|cibles?)\b/;
const DISPLACED_CUE = /\b(fled|flee|displaced|displacement|deplaces|refugees|deplacement)\b/;

export interface UnitReading {
  unit: Unit;
  /** The words that said so. */
  noun: string;
  /** "Attacks on civilians rose by 40%": a count of the events that target civilians. */
  targets?: 'civilians';
}

/** Who the counted are, before the noun: "70 Nigerien soldiers", "20 Fulani herders" (nationalities and the region's peoples). */
let origin: RegExp | undefined;
const ORIGIN = () =>
  (origin ??= new RegExp(
    `^(${[
      ...COUNTRIES.flatMap((x) => x.demonyms),
      'fulani',
      'peul',
      'peuls',
      'peulh',
      'dogon',
      'tuareg',
      'touareg',
      'touaregs',
      'mossi',
      'bambara',
      'songhai',
      'hausa',
      'zarma',
      'djerma',
      'kanuri',
      'arab',
      'foreign',
      'etrangers',
      'local',
    ]
      .map(fold)
      .sort((x, y) => y.length - x.length)
      .map(escapeRegex)
      .join('|')})\\s+`,
  ));

function headNoun(after: string): string {
  let rest = fold(after).replace(/^[\s"“”'’(]+/, '');
  for (let i = 0; i < 4; i++) {
    const m = SKIP.exec(rest) ?? ORIGIN().exec(rest);
    if (!m) break;
    rest = rest.slice(m[0].length);
  }
  return rest;
}

/**
 * The unit of a count, or null when the words say it is not about political violence.
 * `clause` is the stretch of the sentence that belongs to this number (see claims.ts).
 */
export function countUnit(after: string, before: string, clause: string, sentence: string): UnitReading | null {
  const head = headNoun(after);
  const c = fold(clause);
  const s = fold(sentence);
  const b = fold(before);
  // "many of them civilians", "including 20 children": a part of the dead, not what the whole number counts.
  const whole = (x: string) =>
    x.replace(/\b(many of them|some of them|among them|including|dont|parmi (eux|lesquels|lesquelles)|notamment)\s+(\w+\s+){0,2}?(civilians?|civils?|children|enfants|women|femmes)\b/g, '');
  const civilianHere = CIVILIAN_CUE.test(whole(c)) || /\b(civilians?|civils?)\b/.test(whole(s)) || CIVILIAN_TARGET.test(c);
  const word = (re: RegExp) => re.exec(head)?.[0] ?? '';
  if (DISPLACED_NOUN.test(head)) return { unit: 'displaced', noun: word(DISPLACED_NOUN) };
  if (OTHER_NOUN.test(head)) return { unit: 'other', noun: word(OTHER_NOUN) };
  if (ATTACK_NOUN.test(head)) return { unit: 'attacks', noun: word(ATTACK_NOUN) };
  // "killed in terrorist attacks in 258 incidents": incidents that the clause calls attacks.
  if (EVENT_NOUN.test(head)) return { unit: /\b(?:attacks|raids|assaults|ambushes|attaques)\s+(?:in|en|across|over)\s*$/.test(b) ? 'attacks' : 'events', noun: word(EVENT_NOUN) };
  if (DEATH_NOUN.test(head)) return { unit: civilianHere ? 'civilian_deaths' : 'deaths', noun: word(DEATH_NOUN) };
  if (CIVILIAN_NOUN.test(head)) {
    if (DEATH_CUE.test(c)) return { unit: 'civilian_deaths', noun: word(CIVILIAN_NOUN) };
    if (DISPLACED_CUE.test(c)) return { unit: 'displaced', noun: word(CIVILIAN_NOUN) };
    return null;
  }
  if (COMBATANT_NOUN.test(head)) return DEATH_CUE.test(c) ? { unit: 'deaths', noun: word(COMBATANT_NOUN) } : null;
  if (PERSON_NOUN.test(head)) {
    if (DEATH_CUE.test(c)) return { unit: civilianHere ? 'civilian_deaths' : 'deaths', noun: word(PERSON_NOUN) };
    if (DISPLACED_CUE.test(c)) return { unit: 'displaced', noun: word(PERSON_NOUN) };
    return null;
  }
  // No noun: "killing six in Dinguiri", "put the toll at around 100", "le bilan est de 132".
  if (/\b(killing|killed|kill|tuant|tue|tuer|left|leaving|claimed|claiming|toll|bilan)\b[^.;:]{0,25}$/.test(b) && !/^\s*(days?|weeks?|months?|years?|km|miles|times)\b/.test(head)) {
    return { unit: civilianHere && !/\b(soldiers|troops|militants|fighters)\b/.test(c) ? 'civilian_deaths' : 'deaths', noun: '' };
  }
  return null;
}

/** Unit nouns anywhere in a stretch of text, in order: the subject of a change or the whole of a share. */
export function unitsIn(text: string): UnitReading[] {
  const t = fold(text);
  const found: Array<[number, UnitReading]> = [];
  const civilian = CIVILIAN_CUE.test(t);
  // "attacks on civilians" says whom a count concerns; it is not a count of attacks.
  const targeting = /\b(attacks|violence|attaques|violences)\s+(on|against|targeting|contre|visant)\s+(the\s+|les\s+|des\s+)?civil\w*/g;
  const masked = t.replace(targeting, (m) => ' '.repeat(m.length - 9) + 'civilians');
  const seek = (re: RegExp, unit: Unit) => {
    for (const m of t.matchAll(re)) found.push([m.index!, { unit, noun: m[0] }]);
  };
  seek(/\b(fatalit(y|ies)|deaths?|killings|people killed|deces|morts|tues|victims|victimes|casualties|death tolls?|lives lost|killed)\b/g, civilian ? 'civilian_deaths' : 'deaths');
  seek(/\b(events|incidents|operations|operations|affrontements|clashes|battles|cases|cas)\b/g, 'events');
  for (const m of masked.matchAll(/\b(attacks|attaques|assaults|raids)\b/g)) found.push([m.index!, { unit: 'attacks', noun: m[0] }]);
  seek(/\b(displaced|deplaces|refugees)\b/g, 'displaced');
  found.sort((a, b) => a[0] - b[0]);
  // "Attacks on civilians rose by 40%", "violence against civilians doubled": no other noun, so
  // the phrase is the count itself — of attacks, or of events for "violence" — that target civilians.
  if (!found.length) {
    const m = new RegExp(targeting.source).exec(t);
    if (m) return [{ unit: /^violen/.test(m[1]!) ? 'events' : 'attacks', noun: m[0], targets: 'civilians' }];
  }
  // One civilian unit per noun phrase: "civilian targeting events and civilian fatalities" → events, civilian_deaths.
  return found.map(([i, r]) => {
    if (r.unit !== 'civilian_deaths') return r;
    const near = t.slice(Math.max(0, i - 40), i + r.noun.length + 60);
    return { ...r, unit: CIVILIAN_CUE.test(near) ? 'civilian_deaths' : 'deaths' };
  });
}

/** Words after a number that make it a duration, an age, a distance, money or a date part: never a claim. */
export const NOT_A_COUNT_AFTER =
  /^[\s-]*(days?|weeks?|months?|years?|hours?|minutes?|decades?|centuries|nights?|jours?|semaines?|mois|ans?|annees?|heures?|decennies?|km|kilomet(re|er)s?|miles?|metres?|meters?|kg|tonnes?|dollars?|euros?|francs?|cfa|fcfa|usd|times|fois|year-old|years old|ans?\s+(plus tard|apres)|percent of the (vote|votes))\b|^(m|bn|k)?\s*(dollars|euros)\b|^[\s-]*(st|nd|rd|th)\b/;
export const NOT_A_COUNT_BEFORE = /(\$|£|€|\b(?:aged|age of|agee? de|ages de|number|no\.|page|article|resolution|chapter|flight|route|km|kilometre|mile|point)|n°)\s*$/;
