import { describe, expect, it } from 'vitest';
import { loadData, mentionsToGeoJSON } from '../../src/core';
import { readDataFiles } from '../../src/cli/data';
import {
  broadPlace,
  createBroadGeoparser,
  encodeGazetteer,
  openGazetteer,
  type PlaceRecord,
} from '../../src/core/places';
import type { Lexicon } from '../../src/core/places/finder';

const R = (
  name: string,
  kind: PlaceRecord['kind'],
  country: string,
  admin1: string,
  lat: number,
  lon: number,
  geonames = 0,
): PlaceRecord => ({ name, aliases: [], kind, lat, lon, population: 100_000, country, admin1, geonames });

const places = openGazetteer(
  encodeGazetteer([
    R('British Columbia', 'admin1', 'CA', '02', 53.7, -127.6),
    R('Moscow', 'capital', 'RU', '48', 55.75, 37.62, 524901),
    { ...R('Moscow', 'city', 'US', 'ID', 46.7, -117, 5601538), population: 20_000_000 },
    R('Vancouver', 'city', 'CA', '02', 49.25, -123.12, 6173331),
    R('Vancouver', 'city', 'US', 'WA', 45.64, -122.66, 5814616),
    R('Washington County', 'admin2', 'US', 'OR', 45.55, -123.1),
    R('Peoria', 'city', 'US', 'IL', 40.69, -89.59, 4905687),
    R('Alexandria', 'city', 'US', 'LA', 31.31, -92.45, 4314550),
    R('Augusta', 'city', 'US', 'GA', 33.47, -81.97, 4180531),
  ]),
);
const none = () => false;
const lexicon: Lexicon = {
  isCommon: none,
  isFirstName: none,
  isPersonName: none,
  isHonorific: none,
  isCalendar: none,
  isOtherName: none,
  demonym: () => [],
};
const data = readDataFiles();
const curatedOnly = loadData(data);
const both = loadData(data, createBroadGeoparser(places, lexicon));

describe('geoparsing with the curated and the broad gazetteer', () => {
  it('gives a known newsletter its curated answer, exactly, sure and curated', () => {
    const text = data.newsletters['russian-embassy-newsletter-2020-06.txt']!;
    const a = both.geoparse(text);
    expect(a.mentions).toEqual(curatedOnly.geoparse(text).mentions);
    expect(a.mentions.every((m) => m.confidence === 1 && m.source === 'curated')).toBe(true);
  });

  it('lets a curated place decide between broad places of its name, at GeoNames’ position', () => {
    // Moscow, Idaho is the larger in this gazetteer: the curated Moscow (Russia) decides.
    const [m] = both.geoparse('Talks were held in Moscow today.').mentions;
    expect(m).toMatchObject({ placeId: 'geonames-524901', source: 'geonames' });
    expect(m!.confidence).toBeGreaterThanOrEqual(0.8);
    const idahoOnly = openGazetteer(encodeGazetteer([R('Moscow', 'city', 'US', 'ID', 46.7, -117, 5601538)]));
    const [alone] = loadData(data, createBroadGeoparser(idahoOnly, lexicon)).geoparse(
      'Talks were held in Moscow today.',
    ).mentions;
    // No broad place is the curated one, and nothing in the text decides: the curated place stays.
    expect(alone).toMatchObject({ placeId: 'moscow', source: 'curated' });
  });

  it("lets the text's evidence overrule the curated place: Vancouver, British Columbia", () => {
    const a = both.geoparse('Rain fell on Vancouver, British Columbia, all week.');
    expect(a.mentions.map((m) => [m.text, m.placeId, m.source])).toEqual([
      ['Vancouver', 'geonames-6173331', 'geonames'],
      ['British Columbia', 'admin1-ca-02-british-columbia', 'geonames'],
    ]);
    const vancouver = a.gazetteer.byId.get('geonames-6173331')!;
    expect(vancouver).toMatchObject({ country: 'CA', geonames: 6173331, kind: 'city' });
    expect(a.places.map((p) => p.place.id)).toContain('geonames-6173331');
  });

  it('adds the places only the broad gazetteer knows, and a longer name wins over a shorter', () => {
    const a = both.geoparse('Peoria and Washington County sent help.');
    expect(a.mentions.map((m) => [m.text, m.source])).toEqual([
      ['Peoria', 'geonames'],
      ['Washington County', 'geonames'],
    ]);
    for (const m of a.mentions) expect(a.text.slice(m.start, m.end)).toBe(m.text);
  });

  it('reads a street as a mention of its town, the names inside it as none', () => {
    const text = 'Jo Roe, 41, of 420 Augusta St., Alexandria, was held.\n\nPeoria police closed Main Street.';
    const a = both.geoparse(text);
    expect(a.mentions.map((m) => [m.text, m.placeId, m.form])).toEqual([
      ['Augusta St.', 'geonames-4314550', 'street'],
      ['Alexandria', 'geonames-4314550', 'name'],
      ['Peoria', 'geonames-4905687', 'name'],
      ['Main Street', 'geonames-4905687', 'street'],
    ]);
    const street = a.mentions[0]!;
    expect(street.confidence).toBeLessThan(0.8);
    const feature = mentionsToGeoJSON(a).features[0]!;
    expect(feature.properties).toMatchObject({ text: 'Augusta St.', name: 'Alexandria', kind: 'street' });
  });

  it('leaves out a street whose story names no town, and one whose town is in another story', () => {
    const a = both.geoparse('Peoria grew.\n\nA crash closed Elm Street on Monday.');
    expect(a.mentions.map((m) => m.text)).toEqual(['Peoria']);
  });
});

describe('broadPlace', () => {
  it('makes one Place of a broad place however many mentions name it, and the same Place as before', () => {
    const bc = places.place(places.lookup('British Columbia')[0]!);
    const first = broadPlace(bc);
    expect(broadPlace(bc)).toBe(first);
    expect(broadPlace(places.place(bc.index))).toBe(first); // another object for the same place
    expect(first).toMatchObject({
      id: 'admin1-ca-02-british-columbia',
      name: 'British Columbia',
      kind: 'region',
    });
  });

  it('makes a new Place where the same index holds another place (another gazetteer)', () => {
    const other = openGazetteer(encodeGazetteer([R('Peoria', 'city', 'US', 'IL', 40.69, -89.59, 4905687)]));
    const bc = places.place(places.lookup('British Columbia')[0]!);
    const peoria = other.place(0);
    expect(peoria.index).toBe(bc.index);
    expect(broadPlace(peoria)).toMatchObject({ id: 'geonames-4905687', name: 'Peoria' });
    expect(broadPlace(bc)).toMatchObject({ name: 'British Columbia' });
  });

  it('places the streets of a text of 150,000 mentions', () => {
    const text = 'Peoria police closed Main Street. ' + 'Peoria '.repeat(150_000);
    const a = both.geoparse(text);
    expect(a.mentions).toHaveLength(150_002);
    expect(a.mentions[1]).toMatchObject({ text: 'Main Street', form: 'street' });
  });
});
