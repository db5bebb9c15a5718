/**
 * Matching the place names of the data to the names of the boundaries: ignoring accents,
 * case and punctuation ("Ségou" = "Segou", "Centre-Nord" = "Centre Nord"), through the
 * other spellings Natural Earth records, and through the alias tables below for names
 * that differ in more than spelling ("Tombouctou" = "Timbuktu"). A name that matches
 * nothing is reported, never dropped (docs/maps.md).
 */

/** "Côte d'Ivoire" → "cote d ivoire": the form names are compared in. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Country names as ACLED and UCDP write them → a name the boundaries know (world-atlas or
 * Natural Earth). Names equal but for accents or case need no entry.
 */
export const COUNTRY_ALIASES: Record<string, string> = {
  'United States': 'United States of America',
  'Democratic Republic of Congo': 'Democratic Republic of the Congo',
  'DR Congo': 'Democratic Republic of the Congo',
  'Congo, DRC': 'Democratic Republic of the Congo',
  'Republic of Congo': 'Republic of the Congo',
  'Congo-Brazzaville': 'Republic of the Congo',
  'Bailiwick of Guernsey': 'Guernsey',
  'Bailiwick of Jersey': 'Jersey',
  'North Macedonia': 'Macedonia',
  "Cote d'Ivoire": 'Ivory Coast',
  'Cabo Verde': 'Cape Verde',
  Czechia: 'Czech Republic',
  Swaziland: 'eSwatini',
  'Timor-Leste': 'East Timor',
  'Myanmar (Burma)': 'Myanmar',
  Burma: 'Myanmar',
  'Russia (Soviet Union)': 'Russia',
  'Yemen (North Yemen)': 'Yemen',
  'Zimbabwe (Rhodesia)': 'Zimbabwe',
  'Cambodia (Kampuchea)': 'Cambodia',
  'Serbia (Yugoslavia)': 'Serbia',
  'Madagascar (Malagasy)': 'Madagascar',
  'Bosnia-Herzegovina': 'Bosnia and Herzegovina',
  'Kingdom of eSwatini': 'eSwatini',
  'Sao Tome and Principe': 'São Tomé and Principe',
  'Palestinian Territory': 'Palestine',
  Micronesia: 'Federated States of Micronesia',
  'South Sudan': 'S. Sudan',
};

/**
 * Admin1 names by country → the Natural Earth name of the same area. Only areas that are
 * the same area under another name belong here: a region split off since Natural Earth
 * was drawn (Ménaka from Gao, Ghana's six regions of 2019) is not its parent, and stays
 * unmatched — drawn as points, and listed.
 */
export const ADMIN1_ALIASES: Record<string, Record<string, string>> = {
  Mali: { Tombouctou: 'Timbuktu', Timbouctou: 'Timbuktu', 'District de Bamako': 'Bamako' },
  Benin: { Atacora: 'Atakora', Oueme: 'Ouémé', Couffo: 'Kouffo' },
  Niger: { Tillabery: 'Tillabéri', Agades: 'Agadez' },
  Chad: { "N'Djamena": "Ville de N'Djamena", Ndjamena: "Ville de N'Djamena", Ouaddai: 'Ouaddaï', 'Barh El Gazal': 'Barh El Gazel', 'Wadi Fira': 'Wadi Fira' },
  Nigeria: { Nasarawa: 'Nassarawa', 'Federal Capital Territory': 'Federal Capital Territory', Abuja: 'Federal Capital Territory' },
  Mauritania: { 'Hodh el Chargui': 'Hodh ech Chargui', 'Hodh Ech Chargi': 'Hodh ech Chargui', 'Hodh el Gharbi': 'Hodh el Gharbi', 'Dakhlet Nouadhibou': 'Dakhlet Nouadhibou' },
  Guinea: { Nzerekore: 'Nzérékoré', Labe: 'Labé', Boke: 'Boke' },
  'Burkina Faso': { 'Plateau Central': 'Plateau-Central', 'Boucle du Mouhon': 'Boucle du Mouhoun' },
  Cameroon: {
    'Far North': 'Extrême-Nord',
    'Extreme-Nord': 'Extrême-Nord',
    North: 'Nord',
    'North-West': 'Nord-Ouest',
    Northwest: 'Nord-Ouest',
    'South-West': 'Sud-Ouest',
    Southwest: 'Sud-Ouest',
    Littoral: 'Littoral',
    West: 'Ouest',
    East: 'Est',
    South: 'Sud',
    Centre: 'Centre',
    Adamawa: 'Adamaoua',
  },
  Senegal: { Thies: 'Thiès', Kedougou: 'Kédougou', Sedhiou: 'Sédhiou' },
  Syria: {
    'Al Hasakeh': 'Hasaka (Al Haksa)',
    Hasakeh: 'Hasaka (Al Haksa)',
    'Ar Raqqa': 'Ar Raqqah',
    Dara: 'Dar`a',
    Daraa: 'Dar`a',
    'Rural Damascus': 'Rif Dimashq',
    'As Sweida': "As Suwayda'",
    'Deir-ez-Zor': 'Dayr Az Zawr',
    'Deir ez Zor': 'Dayr Az Zawr',
    Homs: 'Homs (Hims)',
    Hama: 'Hamah',
    Lattakia: 'Lattakia',
    Latakia: 'Lattakia',
  },
  Iraq: {
    Ninewa: 'Ninawa',
    Nineveh: 'Ninawa',
    'Al Sulaymaniyah': 'As-Sulaymaniyah',
    'Salah Al Din': 'Sala ad-Din',
    'Salah al-Din': 'Sala ad-Din',
    Wassit: 'Wasit',
    'Al Najaf': 'An-Najaf',
    Kirkuk: "At-Ta'mim",
    Erbil: 'Arbil',
    Duhok: 'Dihok',
    Basrah: 'Al-Basrah',
    Anbar: 'Al-Anbar',
    Muthanna: 'Al-Muthannia',
    Qadissiya: 'Al-Qādisiyyah',
    'Thi-Qar': 'Dhi-Qar',
    Kerbala: "Karbala'",
  },
  Somalia: {
    'Lower Shabelle': 'Shabeellaha Hoose',
    'Middle Shabelle': 'Shabeellaha Dhexe',
    Banadir: 'Banaadir',
    Hiraan: 'Hiiraan',
    Galgaduud: 'Galguduud',
    'Lower Juba': 'Jubbada Hoose',
    'Middle Juba': 'Jubbada Dhexe',
    Bakool: 'Bakool',
    Nugaal: 'Nugaal',
  },
  Yemen: {
    Sadah: 'Sa`dah',
    Taizz: 'Ta`izz',
    Aden: '`Adan',
    Marib: "Ma'rib",
    "Sana'a": "Sana'a",
    'Amanat al Asimah': 'Amanat Al Asimah',
    'Al Bayda': "Al Bayda'",
    'Ad Dali': "Al Dali'",
    Hadramaut: 'Hadramawt',
    Lahj: 'Lahij',
  },
  Mexico: { 'Veracruz de Ignacio de la Llave': 'Veracruz', 'Ciudad de Mexico': 'Distrito Federal', 'Coahuila de Zaragoza': 'Coahuila', 'Michoacan de Ocampo': 'Michoacán', Mexico: 'México' },
  Italy: { Puglia: 'Apulia', Sicilia: 'Sicily', "Valle d'Aosta/Vallee d'Aoste": "Valle d'Aosta", 'Trentino-Alto Adige/Sudtirol': 'Trentino-Alto Adige' },
  Sweden: {
    Stockholms: 'Stockholm',
    'Vastra Gotalands': 'Västra Götaland',
    Ostergotlands: 'Östergötland',
    Norrbottens: 'Norrbotten',
    Vastmanlands: 'Västmanland',
    Jonkopings: 'Jönköping',
    Vasternorrlands: 'Västernorrland',
    Dalarnas: 'Dalarna',
    Kronobergs: 'Kronoberg',
    Skane: 'Skåne',
    Uppsala: 'Uppsala',
    Orebro: 'Orebro',
    Hallands: 'Halland',
    Kalmar: 'Kalmar',
    Gavleborgs: 'Gävleborg',
    Sodermanlands: 'Södermanland',
    Varmlands: 'Värmland',
    Vasterbottens: 'Västerbotten',
    Jamtlands: 'Jämtland',
    Blekinge: 'Blekinge',
    Gotlands: 'Gotland',
  },
  Afghanistan: { Herat: 'Hirat', Helmand: 'Hilmand', Paktia: 'Paktya', 'Sar-e Pul': 'Sari Pul', Nimruz: 'Nimroz', Urozgan: 'Uruzgan', 'Maidan Wardak': 'Wardak', Jowzjan: 'Jawzjan' },
};

const GENERIC = /\b(region|province|state|governorate|district|prefecture|department|oblast|county|municipality|division|wilaya|cercle)\b/g;

/** A lookup from every spelling of a name (normalized) to the thing it names. */
export class NameIndex<T> {
  private readonly byName = new Map<string, T>();

  /** The first name given for a key wins: an area's own name beats another's alternative spelling. */
  add(names: Array<string | undefined>, value: T): void {
    for (const name of names) {
      if (!name) continue;
      const key = normalizeName(name);
      if (key && !this.byName.has(key)) this.byName.set(key, value);
    }
  }

  get(name: string, aliases: Record<string, string> = {}): T | undefined {
    const key = normalizeName(name);
    const alias = Object.entries(aliases).find(([from]) => normalizeName(from) === key)?.[1];
    return (
      (alias !== undefined ? this.byName.get(normalizeName(alias)) : undefined) ??
      this.byName.get(key) ??
      // UCDP writes "Mopti region", "Kayes province": the word for the kind of area is dropped last.
      this.byName.get(key.replace(GENERIC, ' ').replace(/\s+/g, ' ').trim())
    );
  }
}

/** The alias table of a country (by any of its spellings). */
export function admin1Aliases(country: string): Record<string, string> {
  const key = normalizeName(country);
  return Object.entries(ADMIN1_ALIASES).find(([c]) => normalizeName(c) === key)?.[1] ?? {};
}
