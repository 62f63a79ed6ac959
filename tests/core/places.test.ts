import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  encodeGazetteer,
  GazetteerFormatError,
  openGazetteer,
  placeKey,
  type PlaceRecord,
} from '../../src/core/places';

const place = (over: Partial<PlaceRecord>): PlaceRecord => ({
  name: 'Northtown',
  aliases: [],
  kind: 'city',
  lat: 10.123456,
  lon: -20.654321,
  population: 1000,
  country: 'AA',
  admin1: '01',
  geonames: 42,
  ...over,
});

describe('placeKey', () => {
  it('folds case, quotes, dashes, spaces and invisible characters as the finder does', () => {
    expect(placeKey('  North\u2013 Town ')).toBe('north- town');
    expect(placeKey('NORTH\u00adTOWN')).toBe('northtown');
    expect(placeKey('St.\u00a0Ann\u2019s')).toBe("st. ann's");
  });
});

describe('the compiled gazetteer', () => {
  const records: PlaceRecord[] = [
    place({ name: 'Northtown', aliases: ['North Town', 'NORTHTOWN'], population: 500 }),
    place({ name: 'Northtown', country: 'BB', admin1: '', population: 90_000, geonames: 7 }),
    place({ name: 'Aaland', kind: 'country', country: 'AA', admin1: '', population: 1, geonames: 0 }),
    place({ name: 'Nordstadt', aliases: ['Northtown'], kind: 'admin1', population: 10 }),
    place({ name: 'Ōsaki', aliases: ['Osaki'], lat: -89.99999, lon: 179.99999 }),
  ];
  const g = openGazetteer(encodeGazetteer(records));

  it('gives back every place as it was given, coordinates to 1e-5 degrees', () => {
    expect(g.size).toBe(records.length);
    records.forEach((r, i) => {
      const p = g.place(i);
      expect(p).toMatchObject({
        index: i,
        name: r.name,
        kind: r.kind,
        population: r.population,
        country: r.country,
        admin1: r.admin1,
        geonames: r.geonames,
      });
      expect(p.lat).toBeCloseTo(r.lat, 5);
      expect(p.lon).toBeCloseTo(r.lon, 5);
    });
  });

  it('looks a name up by any of its names, in any case, larger kinds first, then by population', () => {
    expect(g.lookup('northtown')).toEqual([3, 1, 0]);
    expect(g.lookup('NorthTown')).toEqual([3, 1, 0]);
    expect(g.lookup('North  Town')).toEqual([0]);
    expect(g.lookup('Osaki')).toEqual([4]);
    expect(g.lookup('ōsaki')).toEqual([4]);
    expect(g.lookup('Southtown')).toEqual([]);
    expect(g.lookup('')).toEqual([]);
  });

  it('is the same bytes for the same records', () => {
    expect(encodeGazetteer(records)).toEqual(encodeGazetteer(records));
  });

  it('refuses what is not a compiled gazetteer of this version, saying to rebuild', () => {
    expect(() => openGazetteer(new Uint8Array(64))).toThrow(GazetteerFormatError);
    const bytes = encodeGazetteer(records);
    new DataView(bytes.buffer).setUint32(4, 999, true);
    expect(() => openGazetteer(bytes)).toThrow(/version 999, expected 1: rebuild it/);
    const whole = encodeGazetteer(records);
    expect(() => openGazetteer(whole.slice(0, whole.length - 16))).toThrow(
      /lacks section strings: rebuild it/,
    );
    expect(() => openGazetteer(whole.slice(0, 40))).toThrow(/header unreadable: rebuild it/);
  });
});

describe('data/compiled/places.bin, as npm run gazetteer builds it', () => {
  const buf = readFileSync(new URL('../../data/compiled/places.bin', import.meta.url));
  const g = openGazetteer(new Uint8Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)));
  const meta = JSON.parse(
    readFileSync(new URL('../../data/compiled/places.json', import.meta.url), 'utf8'),
  ) as { counts: Record<string, number> };

  it('holds every country, division and city its meta file counts, each with a position', () => {
    const kinds = ['country', 'admin1', 'admin2', 'capital', 'city'];
    expect(g.size).toBe(kinds.reduce((n, k) => n + (meta.counts[k] ?? 0), 0));
    expect(meta.counts.country).toBeGreaterThan(240);
    expect(meta.counts.city).toBeGreaterThan(190_000);
    for (let i = 0; i < g.size; i += 97) {
      const p = g.place(i);
      expect(Math.abs(p.lat)).toBeLessThanOrEqual(90);
      expect(Math.abs(p.lon)).toBeLessThanOrEqual(180);
      expect(p.name).not.toBe('');
      expect(g.lookup(p.name)).toContain(i);
    }
  });

  it('finds a country by its ISO aliases, before any smaller place of the name', () => {
    const [first] = g.lookup('U.S.A.');
    expect(first).toBeDefined();
    expect(g.place(first!)).toMatchObject({ kind: 'country', country: 'US' });
  });
});
