/**
 * Places, streets, telephone areas and banks of the Netherlands and Belgium for the demo
 * portfolio. Postcodes fall in the real range of each city and landline numbers use its real area
 * code, so addresses and numbers look like the ones a collector sees every day.
 */
import type { Language } from '../../core/ledger/enums.js';

export type Region = 'NL' | 'FLANDERS' | 'BRUSSELS' | 'WALLONIA';

export type City = {
  /** The name in the city's own language; Brussels communes also have `nameNl`. */
  name: string;
  nameNl?: string;
  region: Region;
  /** NL: four-digit range [from, to]; BE: the list of postcodes. */
  postcodes: readonly number[];
  /** Trunk area code without the leading 0, e.g. '20' for Amsterdam, '2' for Brussels. */
  areaCode: string;
  /** First digits a subscriber number may start with in this area. */
  subscriberFirstDigits?: string;
  /** Relative number of customers there. */
  weight: number;
};

const nl = (name: string, from: number, to: number, areaCode: string, weight: number): City => ({
  name,
  region: 'NL',
  postcodes: [from, to],
  areaCode,
  weight,
});

export const DUTCH_CITIES: readonly City[] = [
  nl('Amsterdam', 1011, 1109, '20', 12),
  nl('Rotterdam', 3011, 3089, '10', 10),
  nl('Den Haag', 2491, 2597, '70', 8),
  nl('Utrecht', 3511, 3585, '30', 8),
  nl('Eindhoven', 5611, 5658, '40', 6),
  nl('Groningen', 9711, 9747, '50', 4),
  nl('Tilburg', 5011, 5049, '13', 4),
  nl('Almere', 1311, 1364, '36', 4),
  nl('Breda', 4811, 4839, '76', 4),
  nl('Nijmegen', 6511, 6546, '24', 4),
  nl('Apeldoorn', 7311, 7339, '55', 3),
  nl('Haarlem', 2011, 2037, '23', 4),
  nl('Arnhem', 6811, 6846, '26', 3),
  nl('Enschede', 7511, 7548, '53', 3),
  nl('Amersfoort', 3811, 3829, '33', 4),
  nl('Zwolle', 8011, 8043, '38', 3),
  nl('Leiden', 2311, 2334, '71', 3),
  nl('Maastricht', 6211, 6229, '43', 2),
  nl('Dordrecht', 3311, 3329, '78', 2),
  nl('Zoetermeer', 2711, 2729, '79', 2),
  nl("'s-Hertogenbosch", 5211, 5237, '73', 3),
  nl('Leeuwarden', 8911, 8939, '58', 2),
  nl('Delft', 2611, 2629, '15', 2),
  nl('Alkmaar', 1811, 1827, '72', 2),
  nl('Deventer', 7411, 7431, '570', 2),
  nl('Hilversum', 1211, 1223, '35', 2),
  nl('Venlo', 5911, 5928, '77', 1),
  nl('Helmond', 5701, 5709, '492', 1),
  nl('Gouda', 2801, 2809, '182', 1),
  nl('Hoorn', 1621, 1628, '229', 1),
  nl('Assen', 9401, 9409, '592', 1),
  nl('Ede', 6711, 6718, '318', 1),
  nl('Emmen', 7811, 7833, '591', 1),
  nl('Roosendaal', 4701, 4709, '165', 1),
  nl('Purmerend', 1441, 1448, '299', 1),
  nl('Heerenveen', 8441, 8449, '513', 1),
  nl('Barneveld', 3771, 3774, '342', 1),
  nl('Woerden', 3441, 3448, '348', 1),
  nl('Harderwijk', 3841, 3849, '341', 1),
];

const be = (
  name: string,
  region: Region,
  postcodes: readonly number[],
  areaCode: string,
  weight: number,
  extra: Partial<City> = {},
): City => ({ name, region, postcodes, areaCode, weight, ...extra });

export const BELGIAN_CITIES: readonly City[] = [
  be('Antwerpen', 'FLANDERS', [2000, 2018, 2060, 2100, 2140], '3', 8, { subscriberFirstDigits: '2345678' }),
  be('Gent', 'FLANDERS', [9000, 9030, 9040, 9050], '9', 6, { subscriberFirstDigits: '234' }),
  be('Brugge', 'FLANDERS', [8000, 8200], '50', 3),
  be('Leuven', 'FLANDERS', [3000, 3001, 3010], '16', 3),
  be('Mechelen', 'FLANDERS', [2800], '15', 2),
  be('Hasselt', 'FLANDERS', [3500], '11', 2),
  be('Kortrijk', 'FLANDERS', [8500], '56', 2),
  be('Aalst', 'FLANDERS', [9300], '53', 2),
  be('Genk', 'FLANDERS', [3600], '89', 1),
  be('Sint-Niklaas', 'FLANDERS', [9100], '3', 1, { subscriberFirstDigits: '7' }),
  be('Roeselare', 'FLANDERS', [8800], '51', 1),
  be('Turnhout', 'FLANDERS', [2300], '14', 1),
  be('Oostende', 'FLANDERS', [8400], '59', 1),
  be('Dendermonde', 'FLANDERS', [9200], '52', 1),
  be('Lier', 'FLANDERS', [2500], '3', 1, { subscriberFirstDigits: '48' }),
  be('Vilvoorde', 'FLANDERS', [1800], '2', 1, { subscriberFirstDigits: '2' }),
  be('Zaventem', 'FLANDERS', [1930], '2', 1, { subscriberFirstDigits: '7' }),
  be('Bruxelles', 'BRUSSELS', [1000], '2', 5, { nameNl: 'Brussel', subscriberFirstDigits: '2345' }),
  be('Ixelles', 'BRUSSELS', [1050], '2', 2, { nameNl: 'Elsene', subscriberFirstDigits: '6' }),
  be('Schaerbeek', 'BRUSSELS', [1030], '2', 2, { nameNl: 'Schaarbeek', subscriberFirstDigits: '2' }),
  be('Anderlecht', 'BRUSSELS', [1070], '2', 2, { nameNl: 'Anderlecht', subscriberFirstDigits: '5' }),
  be('Uccle', 'BRUSSELS', [1180], '2', 1, { nameNl: 'Ukkel', subscriberFirstDigits: '3' }),
  be('Etterbeek', 'BRUSSELS', [1040], '2', 1, { nameNl: 'Etterbeek', subscriberFirstDigits: '7' }),
  be('Woluwe-Saint-Lambert', 'BRUSSELS', [1200], '2', 1, {
    nameNl: 'Sint-Lambrechts-Woluwe',
    subscriberFirstDigits: '7',
  }),
  be('Liège', 'WALLONIA', [4000, 4020], '4', 4, { subscriberFirstDigits: '23' }),
  be('Namur', 'WALLONIA', [5000], '81', 3),
  be('Charleroi', 'WALLONIA', [6000], '71', 3),
  be('Mons', 'WALLONIA', [7000], '65', 2),
  be('Wavre', 'WALLONIA', [1300], '10', 1),
  be('Tournai', 'WALLONIA', [7500], '69', 1),
  be('Verviers', 'WALLONIA', [4800], '87', 1),
  be('Arlon', 'WALLONIA', [6700], '63', 1),
  be('La Louvière', 'WALLONIA', [7100], '64', 1),
  be('Nivelles', 'WALLONIA', [1400], '67', 1),
  be('Ottignies-Louvain-la-Neuve', 'WALLONIA', [1340], '10', 1),
  be('Mouscron', 'WALLONIA', [7700], '56', 1),
  be('Huy', 'WALLONIA', [4500], '85', 1),
];

export const DUTCH_STREETS: readonly string[] = [
  'Kerkstraat',
  'Stationsweg',
  'Dorpsstraat',
  'Industrieweg',
  'Nijverheidsweg',
  'Hoofdstraat',
  'Molenweg',
  'Marktplein',
  'Schoolstraat',
  'Julianastraat',
  'Wilhelminastraat',
  'Beatrixlaan',
  'Parallelweg',
  'Havenstraat',
  'Ambachtsweg',
  'Handelsweg',
  'Energieweg',
  'Kanaalweg',
  'Prinses Irenestraat',
  'Oranjestraat',
  'Van Goghlaan',
  'Rembrandtlaan',
  'Lindenlaan',
  'Eikenlaan',
  'Berkenstraat',
  'Zuiderparkweg',
  'Noordkade',
  'Westersingel',
  'Oostzeedijk',
  'Keizersgracht',
  'Nieuwe Binnenweg',
  'Koningin Julianaweg',
  'Spoorstraat',
  'Sportlaan',
  'Vondellaan',
  'Constructieweg',
  'Transportweg',
  'Zeeheldenbuurt',
  'Laan van Meerdervoort',
  'De Run',
];

export const FLEMISH_STREETS: readonly string[] = [
  'Kerkstraat',
  'Stationsstraat',
  'Nieuwstraat',
  'Industrielaan',
  'Grote Markt',
  'Dorpsstraat',
  'Kapelstraat',
  'Molenstraat',
  'Schoolstraat',
  'Brusselsesteenweg',
  'Gentsesteenweg',
  'Antwerpsesteenweg',
  'Leopoldlaan',
  'Koningin Astridlaan',
  'Kortrijksesteenweg',
  'Ambachtenlaan',
  'Nijverheidsstraat',
  'Hoogstraat',
  'Meir',
  'Veldstraat',
  'Bist',
  'Vaartstraat',
  'Zandstraat',
  'Lindelei',
  'Sint-Jansplein',
];

export const FRENCH_STREETS: readonly string[] = [
  'Rue de la Station',
  'Avenue Louise',
  'Rue du Commerce',
  'Chaussée de Namur',
  'Rue Haute',
  'Boulevard Anspach',
  "Rue de l'Église",
  'Place du Marché',
  'Avenue de Tervueren',
  'Rue Neuve',
  'Chaussée de Louvain',
  'Rue des Wallons',
  'Rue de Fer',
  'Boulevard Tirou',
  'Rue Saint-Gilles',
  'Avenue Reine Astrid',
  'Rue du Moulin',
  'Rue Grande',
  "Zoning de l'Industrie",
  'Rue des Champs',
  'Quai de la Batte',
  'Chaussée de Bruxelles',
  'Rue de la Loi',
  'Avenue des Arts',
  'Rue Royale',
];

export type Bank = { code: string; bic: string; name: string; weight: number };

/** Dutch bank codes (IBAN positions 5–8) with their BIC. */
export const DUTCH_BANKS: readonly Bank[] = [
  { code: 'INGB', bic: 'INGBNL2A', name: 'ING', weight: 35 },
  { code: 'RABO', bic: 'RABONL2U', name: 'Rabobank', weight: 30 },
  { code: 'ABNA', bic: 'ABNANL2A', name: 'ABN AMRO', weight: 22 },
  { code: 'SNSB', bic: 'SNSBNL2A', name: 'SNS', weight: 5 },
  { code: 'KNAB', bic: 'KNABNL2H', name: 'Knab', weight: 3 },
  { code: 'TRIO', bic: 'TRIONL2U', name: 'Triodos', weight: 2 },
  { code: 'BUNQ', bic: 'BUNQNL2A', name: 'bunq', weight: 3 },
];

/** Belgian bank codes (the first three digits of the BBAN) with their BIC. */
export const BELGIAN_BANKS: readonly Bank[] = [
  { code: '001', bic: 'GEBABEBB', name: 'BNP Paribas Fortis', weight: 30 },
  { code: '363', bic: 'BBRUBEBB', name: 'ING België', weight: 22 },
  { code: '734', bic: 'KREDBEBB', name: 'KBC', weight: 25 },
  { code: '068', bic: 'GKCCBEBB', name: 'Belfius', weight: 18 },
  { code: '973', bic: 'ARSPBE22', name: 'Argenta', weight: 5 },
];

export const PROVINCES_NL: readonly string[] = [
  'Gelderland',
  'Utrecht',
  'Noord-Brabant',
  'Overijssel',
  'Zuid-Holland',
  'Noord-Holland',
  'Fryslân',
  'Limburg',
];

export const WATER_BOARDS: readonly string[] = [
  'Waterschap Rivierenland',
  'Hoogheemraadschap van Rijnland',
  'Waterschap Vallei en Veluwe',
  'Waterschap Aa en Maas',
  'Wetterskip Fryslân',
  'Waterschap Brabantse Delta',
];

/** The languages spoken by a debtor in a region (Brussels is mostly French, partly Dutch). */
export function regionLanguages(region: Region): readonly (readonly [Language, number])[] {
  switch (region) {
    case 'NL':
      return [
        ['nl', 96],
        ['en', 4],
      ];
    case 'FLANDERS':
      return [
        ['nl', 97],
        ['en', 3],
      ];
    case 'BRUSSELS':
      return [
        ['fr', 70],
        ['nl', 22],
        ['en', 8],
      ];
    case 'WALLONIA':
      return [['fr', 100]];
  }
}
