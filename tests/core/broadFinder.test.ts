import { describe, expect, it } from 'vitest';
import { encodeGazetteer, openGazetteer, type PlaceRecord } from '../../src/core/places';
import { findBroadMentions, type Lexicon } from '../../src/core/places/finder';

const P = (
  name: string,
  kind: PlaceRecord['kind'],
  country: string,
  admin1: string,
  population: number,
  lat = 0,
  lon = 0,
  aliases: string[] = [],
): PlaceRecord => ({
  name,
  aliases,
  kind,
  lat,
  lon,
  population,
  country,
  admin1,
  geonames: 0,
});

const records: PlaceRecord[] = [
  P('Georgia', 'country', 'GE', '', 3_700_000, 42, 43.5),
  P('Russia', 'country', 'RU', '', 140_000_000, 60, 100, ['Russian Federation']),
  P('Sri Lanka', 'country', 'LK', '', 21_000_000, 7, 81),
  P('Jordan', 'country', 'JO', '', 10_000_000, 31, 36),
  P('Georgia', 'admin1', 'US', 'GA', 10_000_000, 32.6, -83.4),
  P('Texas', 'admin1', 'US', 'TX', 29_000_000, 31.5, -99.3),
  P('Illinois', 'admin1', 'US', 'IL', 12_000_000, 40, -89),
  P('Missouri', 'admin1', 'US', 'MO', 6_000_000, 38.5, -92.5),
  P('Ohio', 'admin1', 'US', 'OH', 11_000_000, 40.3, -82.8),
  P('Nebraska', 'admin1', 'US', 'NE', 1_900_000, 41.5, -99.8),
  P('Laurel County', 'admin2', 'US', 'KY', 60_000, 37.1, -84.1),
  P('Paris', 'capital', 'FR', '11', 2_100_000, 48.85, 2.35),
  P('Paris', 'city', 'US', 'TX', 25_000, 33.66, -95.56),
  P('Springfield', 'city', 'US', 'MO', 166_000, 37.2, -93.3),
  P('Springfield', 'city', 'US', 'IL', 116_000, 39.8, -89.6),
  P('Peoria', 'city', 'US', 'IL', 113_000, 40.7, -89.6),
  P('Mission', 'city', 'US', 'TX', 85_000, 26.2, -98.3),
  P('Lincoln', 'city', 'US', 'NE', 290_000, 40.8, -96.7),
  P('Marshall', 'city', 'US', 'TX', 23_000, 32.5, -94.4),
  P('March', 'city', 'GB', 'ENG', 22_000, 52.55, 0.09),
  P('Columbus', 'city', 'US', 'OH', 900_000, 40, -83),
  P('Columbus', 'city', 'US', 'GA', 200_000, 32.5, -85),
  P('Vienna', 'admin1', 'AT', '09', 1_900_000, 48.2, 16.4),
  P('Vienna', 'capital', 'AT', '09', 1_900_000, 48.21, 16.37),
  P('Vienna', 'city', 'US', 'VA', 16_000, 38.9, -77.26),
  P('Toyota', 'city', 'JP', '23', 420_000, 35.08, 137.15),
  P('Gainesville', 'city', 'US', 'FL', 140_000, 29.65, -82.32),
  P('Gainesville', 'city', 'US', 'GA', 42_000, 34.3, -83.82),
  P('Hall County', 'admin2', 'US', 'GA', 200_000, 34.32, -83.82),
  P('Hall County', 'admin2', 'US', 'NE', 61_000, 40.87, -98.5),
  P('Palestine', 'country', 'PS', '', 4_000_000, 31.95, 35.25),
  P('Palestine', 'city', 'US', 'TX', 18_000, 31.76, -95.63),
  P('Gaza', 'city', 'PS', 'GZ', 500_000, 31.5, 34.47),
  P('Augusta', 'city', 'US', 'GA', 200_000, 33.47, -81.97),
  P('Augusta', 'city', 'US', 'NY', 1_000, 42.97, -75.5),
  P('Hamilton', 'city', 'US', 'NY', 4_000, 42.83, -75.54),
  P('Hamilton', 'city', 'US', 'OH', 200_000, 39.4, -84.56),
  P('Albany', 'capital', 'US', 'NY', 98_000, 42.65, -73.76),
  P('Washington', 'admin1', 'US', 'WA', 7_000_000, 47.4, -120.4),
  P('Washington', 'capital', 'US', 'DC', 690_000, 38.9, -77.04),
  P('Seattle', 'city', 'US', 'WA', 740_000, 47.6, -122.33),
  ...['TN', 'PA', 'OH', 'OR', 'IN', 'MO', 'NH'].map((s, k) =>
    P('Lebanon', 'city', 'US', s, 30_000 - 1000 * k, 36 + k * 0.5, -86 + k),
  ),
  P('Wilson County', 'admin2', 'US', 'TN', 140_000, 36.15, -86.3),
  P('Michael', 'city', 'US', 'IL', 300, 39.1, -90.5),
  P('Dyer', 'city', 'US', 'TN', 2_000, 36.07, -88.99),
  P('Florence', 'city', 'US', 'AL', 40_000, 34.8, -87.68),
  P('Florence', 'city', 'IT', '16', 370_000, 43.77, 11.25),
  P('Alabama', 'admin1', 'US', 'AL', 5_000_000, 32.8, -86.8),
  P('Augusta', 'city', 'US', 'ME', 19_000, 44.31, -69.78),
  P('Maine', 'admin1', 'US', 'ME', 1_300_000, 45.4, -69.2),
  // Populations made up so that only the second round of votes gets Portland right.
  P('Portland', 'city', 'US', 'OR', 3_000_000, 45.52, -122.68),
  P('Portland', 'city', 'US', 'ME', 10_000, 43.66, -70.26),
  P('Bangor', 'city', 'US', 'ME', 32_000, 44.8, -68.77),
  P('Bangor', 'city', 'GB', 'WLS', 18_000, 53.23, -4.13),
  P('Bangor', 'city', 'US', 'PA', 5_000, 40.87, -75.21),
  P('Bangor', 'city', 'US', 'MI', 2_000, 42.31, -86.11),
  P('Wilson County', 'admin2', 'US', 'KS', 150_000, 37.56, -95.74),
];
const g = openGazetteer(encodeGazetteer(records));
const lexicon: Lexicon = {
  isCommon: (w) => ['mission', 'march', 'the'].includes(w),
  isFirstName: (w) => ['abraham', 'michael', 'florence'].includes(w),
  isPersonName: (w) => ['abraham', 'michael', 'florence', 'lincoln', 'marshall', 'jordan'].includes(w),
  isHonorific: (w) => ['sen', 'mrs'].includes(w),
  isCalendar: (w) => ['march', 'monday'].includes(w),
  isOtherName: (w) => w === 'toyota',
  demonym: (w) => {
    const of = { russian: 'Russia', russians: 'Russia', 'sri lankan': 'Sri Lanka' }[w.toLowerCase()];
    return of ? g.lookup(of).filter((i) => g.place(i).kind === 'country') : [];
  },
};
const find = (text: string) => findBroadMentions(text, g, lexicon);
const names = (text: string) => find(text).map((m) => m.text);

describe('findBroadMentions: what is a mention', () => {
  it('takes the longest name, also inside a longer name, without a possessive', () => {
    expect(names("The Laurel County Sheriff's Office said Ohio's roads were closed.")).toEqual([
      'Laurel County',
      'Ohio',
    ]);
  });

  it('reads demonyms, of one or two words, as mentions of their country', () => {
    const found = find('Russian and Sri Lankan officials met Russians.');
    expect(found.map((m) => [m.text, m.form, m.place.name])).toEqual([
      ['Russian', 'demonym', 'Russia'],
      ['Sri Lankan', 'demonym', 'Sri Lanka'],
      ['Russians', 'demonym', 'Russia'],
    ]);
  });

  it('takes a common word only where the context makes it a place', () => {
    expect(names('Mission accomplished. They drove to Mission on Monday.')).toEqual(['Mission']);
    expect(find('They drove to Mission on Monday.')[0]!.start).toBe(14);
    expect(names('Mission, Texas, is warm.')).toEqual(['Mission', 'Texas']);
    expect(names('In March it rained.')).toEqual([]);
  });

  it('takes no word the text also writes in lower case, however many other words it has', () => {
    // Thousands of distinct lower-case words (the finder's table of them grows as they come).
    const filler = Array.from({ length: 3000 }, (_, k) => `word${k}`).join(' ');
    expect(names(`${filler}. We drove to Springfield.`)).toEqual(['Springfield']);
    expect(names(`${filler} springfield. We drove to Springfield.`)).toEqual([]);
    expect(names(`We drove to Springfield. ${filler} springfield.`)).toEqual([]);
    // in lower case with a capital inside; a state (a large place) is taken all the same
    expect(names(`${filler} sPRINGFIELD. We drove to Springfield.`)).toEqual([]);
    expect(names(`${filler} ohio. We drove to Springfield in Ohio.`)).toEqual(['Springfield', 'Ohio']);
  });

  it("takes no person's name for a place: after a first name or a title, or before a surname", () => {
    expect(names('Abraham Lincoln spoke. Sen. Marshall agreed. Michael Jordan played.')).toEqual([]);
    expect(names('She moved to Lincoln, Nebraska.')).toEqual(['Lincoln', 'Nebraska']);
    expect(names('The king visited Jordan.')).toEqual(['Jordan']);
  });

  it('reads a name at the end of a sentence, and one in capitals, but no organisation', () => {
    expect(names('The war in Georgia. Rain in PEORIA. Toyota rose.')).toEqual(['Georgia', 'PEORIA']);
  });

  it('keeps offsets into the original text past invisible characters', () => {
    const text = 'Rain in Pe\u00adoria today.';
    const [m] = find(text);
    expect(m!.text).toBe('Pe\u00adoria');
    expect(text.slice(m!.start, m!.end)).toBe(m!.text);
  });
});

describe('findBroadMentions: which place', () => {
  it('"City, State" decides, and the name keeps that sense through the text', () => {
    const found = find('A fire in Paris, Texas. Later, Paris firefighters left.');
    expect(found.map((m) => [m.text, m.place.country, m.by])).toEqual([
      ['Paris', 'US', 'pattern'],
      ['Texas', 'US', 'only'],
      ['Paris', 'US', 'discourse'],
    ]);
    expect(find('Paris is in France.')[0]!.place.country).toBe('FR');
  });

  it("the text's own geography decides between places of one name", () => {
    const [, , springfield] = find('Peoria and Illinois news: Springfield voted.');
    expect(springfield).toMatchObject({ text: 'Springfield', by: 'geography' });
    expect(springfield!.place.admin1).toBe('IL');
  });

  it('a country before a region of the same name, else low confidence between equals', () => {
    const [georgia] = find('Georgia signed.');
    expect(georgia).toMatchObject({ by: 'type' });
    expect(georgia!.place.kind).toBe('country');
    const [columbus] = find('Columbus grew.');
    expect(columbus!.by).toBe('population');
    expect(columbus!.place.admin1).toBe('OH');
    const [springfield] = find('Springfield grew.');
    expect(springfield!.by).toBe('none');
    expect(springfield!.confidence).toBeLessThan(0.5);
  });

  it('takes each story for a discourse of its own', () => {
    const text = 'A fire in Paris, Texas.\n\nParis is lovely in spring.';
    const found = findBroadMentions(text, g, lexicon, [
      { start: 0, end: 23 },
      { start: 25, end: text.length },
    ]);
    expect(found.map((m) => [m.text, m.place.country, m.by])).toEqual([
      ['Paris', 'US', 'pattern'],
      ['Texas', 'US', 'only'],
      ['Paris', 'FR', 'type'],
    ]);
  });

  it('reads the name of a city that is most of its region as the city, and a name never votes for itself', () => {
    const [vienna] = find('Talks in Vienna.');
    expect(vienna!.place.kind).toBe('capital');
    const [georgia] = find('Georgia voted.');
    expect(georgia!.by).toBe('type'); // its own large candidate is no evidence
  });

  it('lets ambiguous names agree on the region they share', () => {
    const found = find('Gainesville police and Hall County deputies searched.');
    expect(found.map((m) => [m.text, m.place.admin1, m.by])).toEqual([
      ['Gainesville', 'GA', 'geography'],
      ['Hall County', 'GA', 'geography'],
    ]);
    expect(find('Gainesville grew.')[0]!.place.admin1).toBe('FL');
  });

  it('lets a name of many regions agree with another on the one they share', () => {
    const found = find('Lebanon firefighters and Wilson County deputies came.');
    expect(found.map((m) => [m.text, m.place.admin1])).toEqual([
      ['Lebanon', 'TN'],
      ['Wilson County', 'TN'],
    ]);
  });

  it("reads a country as the town of its name when the text speaks only of the town's state", () => {
    expect(find('A Palestine man was stopped by Texas troopers.')[0]!.place).toMatchObject({
      kind: 'city',
      admin1: 'TX',
    });
    expect(find('Talks on Palestine resumed.')[0]!.place.kind).toBe('country');
    // Where the text also speaks of the country, the country stays.
    const [palestine] = find('Palestine and Gaza leaders met Texas donors.');
    expect(palestine!.place.kind).toBe('country');
  });

  it('weighs the evidence against the size of the places: fractions of votes do not carry a hamlet', () => {
    // "Hamilton" is in New York and Ohio: half a vote for each.
    expect(find('Augusta and Hamilton officials met.')[0]!.place.admin1).toBe('GA');
    // A name of New York only is a whole vote.
    expect(find('Augusta and Albany officials met.')[0]!.place.admin1).toBe('NY');
  });

  it("reads a country's capital named like one of its states as the capital, unless the text is of the state", () => {
    expect(find('Talks in Washington ended.')[0]!.place.kind).toBe('capital');
    expect(find('Seattle and Washington voters').map((m) => m.place.kind)).toEqual(['city', 'admin1']);
  });

  it('lets names that agree on a region carry each other, once each is resolved', () => {
    const found = find('Portland, Bangor and Augusta voted.');
    expect(found.map((m) => [m.text, m.place.admin1])).toEqual([
      ['Portland', 'ME'],
      ['Bangor', 'ME'],
      ['Augusta', 'ME'],
    ]);
    expect(find('Portland voted.')[0]!.place.admin1).toBe('OR');
  });
});

describe('findBroadMentions: people named like places', () => {
  it('reads a first name and a country as a person, even where the first name is a town', () => {
    expect(names('Michael Jordan scored 30 points.')).toEqual([]);
    // The same person later in the text, and one who speaks, are no country either …
    expect(names('Michael Jordan scored. Jordan smiled.')).toEqual([]);
    expect(names('Jordan said he would play.')).toEqual([]);
    // … unless a place stands there.
    expect(names('Michael Jordan flew to Jordan.')).toEqual(['Jordan']);
  });

  it('reads a name given an age as a person, throughout the text', () => {
    expect(names('Deputies held Dyer, 24, of Peoria. Dyer was freed.')).toEqual(['Peoria']);
    expect(names('Ann Dyer, a 17-year-old, won. Dyer smiled.')).toEqual([]);
    expect(names('Deputies came from Dyer.')).toEqual(['Dyer']);
  });

  it('reads a town named like a first name before its own state as the town and the state', () => {
    const found = find('Florence Alabama police said nothing.');
    expect(found.map((m) => [m.text, m.place.kind, m.place.admin1])).toEqual([
      ['Florence', 'city', 'AL'],
      ['Alabama', 'admin1', 'AL'],
    ]);
    expect(names('Florence Nightingale nursed.')).toEqual([]);
  });
});
