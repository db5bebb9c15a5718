// Phrase pools for event notes. Kept apart from the note grammar so the
// wording can grow without touching the logic that keeps notes consistent
// with the coded columns.

/** What demonstrators want; appended to "... to". */
export const DEMANDS = [
  'denounce growing insecurity in the region',
  'demand the release of detained relatives',
  'protest against rising fuel and food prices',
  'demand payment of salary arrears',
  'express support for the transitional authorities',
  'denounce the presence of foreign forces',
  'call for the reopening of schools',
  'demand better protection for displaced people',
];

/**
 * Context sentences by event type; two different ones are drawn per note.
 * Sentences marked with a leading "+" speak of losses and only fit fatal events.
 */
export const CONTEXT: Readonly<Partial<Record<string, readonly string[]>>> = {
  Battles: [
    'The assailants arrived on motorbikes in the early hours and approached from several directions.',
    'Reinforcements, including air support, were sent from the nearest military camp.',
    'Weapons, ammunition and several motorbikes were seized after the fighting, according to an army statement.',
    '+Both sides claimed to have inflicted heavy losses; the figures could not be independently verified.',
    'The fighting forced part of the population to flee towards the district capital.',
    'The locality had been under pressure from armed groups for several weeks before the clash.',
  ],
  'Explosions/Remote violence': [
    'The area has seen repeated explosive attacks on the main supply road in recent months.',
    'Several people were wounded and evacuated to the regional hospital for treatment.',
    'Security forces sealed off the area afterwards and searched nearby hamlets.',
    'No group claimed responsibility immediately, but the modus operandi matched earlier attacks.',
  ],
  'Violence against civilians': [
    'The assailants arrived on motorbikes and set fire to houses and granaries before leaving.',
    'Survivors fled to the nearest town, where they joined families already displaced by violence.',
    'Livestock and motorbikes were taken during the raid, according to local officials.',
    'Local sources said the victims were accused of collaborating with the other side.',
    'The village had received threats in the preceding weeks and some families had already left.',
    'Community leaders called for an investigation and for better protection of the area.',
    '+A local official described the killings as "a tragedy for the whole commune".',
  ],
  Protests: [
    'Traffic in the town centre was disrupted for several hours.',
    'Speakers called on the authorities to act quickly and meet their commitments.',
    'A memorandum was handed over to the governor at the end of the gathering.',
    'Organisers announced further gatherings if their demands were not met.',
    'Banners read "Enough is enough" and "We want peace".',
  ],
  Riots: [
    'Security forces were deployed to restore order and several people were detained.',
    'Shops and markets remained closed for the rest of the day.',
    'Local officials appealed for calm on community radio.',
  ],
  'Strategic developments': [
    'Local sources described the situation in the area as tense.',
    'Residents said similar incidents had occurred in the area recently.',
    'The authorities had not commented on the incident at the time of reporting.',
    'The move was seen locally as part of a wider effort to control roads and markets.',
  ],
};

/** Openers for a toll clause ("Residents reported that nobody was killed."). */
export const ATTRIBUTION = ['According to local sources,', 'Security sources said that', 'Residents reported that', 'A local official said that'];
