// ACLED's event taxonomy: each sub-event type belongs to exactly one event type
// and one disorder type. Keeping the mapping in one table guarantees the demo
// never emits a combination ACLED itself would not.

export type SubEventType =
  | 'Armed clash'
  | 'Government regains territory'
  | 'Non-state actor overtakes territory'
  | 'Remote explosive/landmine/IED'
  | 'Shelling/artillery/missile attack'
  | 'Air/drone strike'
  | 'Suicide bomb'
  | 'Attack'
  | 'Abduction/forced disappearance'
  | 'Sexual violence'
  | 'Peaceful protest'
  | 'Protest with intervention'
  | 'Violent demonstration'
  | 'Mob violence'
  | 'Looting/property destruction'
  | 'Arrests'
  | 'Agreement'
  | 'Change to group/activity'
  | 'Headquarters or base established'
  | 'Non-violent transfer of territory'
  | 'Disrupted weapons use'
  | 'Other';

export type EventType = 'Battles' | 'Explosions/Remote violence' | 'Violence against civilians' | 'Protests' | 'Riots' | 'Strategic developments';

export type DisorderType = 'Political violence' | 'Demonstrations' | 'Political violence; Demonstrations' | 'Strategic developments';

interface SubEventInfo {
  readonly eventType: EventType;
  readonly disorder: DisorderType;
}

const PV = 'Political violence';
const DEMO = 'Demonstrations';
const SD = 'Strategic developments';

export const SUB_EVENTS: Readonly<Record<SubEventType, SubEventInfo>> = {
  'Armed clash': { eventType: 'Battles', disorder: PV },
  'Government regains territory': { eventType: 'Battles', disorder: PV },
  'Non-state actor overtakes territory': { eventType: 'Battles', disorder: PV },
  'Remote explosive/landmine/IED': { eventType: 'Explosions/Remote violence', disorder: PV },
  'Shelling/artillery/missile attack': { eventType: 'Explosions/Remote violence', disorder: PV },
  'Air/drone strike': { eventType: 'Explosions/Remote violence', disorder: PV },
  'Suicide bomb': { eventType: 'Explosions/Remote violence', disorder: PV },
  Attack: { eventType: 'Violence against civilians', disorder: PV },
  'Abduction/forced disappearance': { eventType: 'Violence against civilians', disorder: PV },
  'Sexual violence': { eventType: 'Violence against civilians', disorder: PV },
  'Peaceful protest': { eventType: 'Protests', disorder: DEMO },
  'Protest with intervention': { eventType: 'Protests', disorder: DEMO },
  'Violent demonstration': { eventType: 'Riots', disorder: DEMO },
  // ACLED counts mob violence as both political violence and a demonstration.
  'Mob violence': { eventType: 'Riots', disorder: 'Political violence; Demonstrations' },
  'Looting/property destruction': { eventType: 'Strategic developments', disorder: SD },
  Arrests: { eventType: 'Strategic developments', disorder: SD },
  Agreement: { eventType: 'Strategic developments', disorder: SD },
  'Change to group/activity': { eventType: 'Strategic developments', disorder: SD },
  'Headquarters or base established': { eventType: 'Strategic developments', disorder: SD },
  'Non-violent transfer of territory': { eventType: 'Strategic developments', disorder: SD },
  'Disrupted weapons use': { eventType: 'Strategic developments', disorder: SD },
  Other: { eventType: 'Strategic developments', disorder: SD },
};

export function isDemonstration(sub: SubEventType): boolean {
  const type = SUB_EVENTS[sub].eventType;
  return type === 'Protests' || type === 'Riots';
}

/**
 * Sub-event types whose fatality counts the calibration may scale. Protests,
 * abductions and strategic developments keep their (mostly zero) counts so
 * that hitting a yearly total never turns a sit-in into a massacre.
 */
export function carriesFatalities(sub: SubEventType): boolean {
  const type = SUB_EVENTS[sub].eventType;
  return type === 'Battles' || type === 'Explosions/Remote violence' || sub === 'Attack' || sub === 'Mob violence';
}
