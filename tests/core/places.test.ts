import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/core/normalize';
import {
  BROAD_KINDS,
  encodeGazetteer,
  FORMAT_VERSION,
  GazetteerFormatError,
  openGazetteer,
  placeKey,
  WORD_CALENDAR,
  WORD_COMMON,
  WORD_DEMONYM,
  WORD_FIRST_NAME,
  WORD_HONORIFIC,
  WORD_LAST_NAME,
  WORD_PERSON,
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
    expect(placeKey('St.\u00a0Ann\u2019s')).toBe("saint ann's");
  });

  it('spells out St., Ste., Mt. and Ft. so either spelling finds the place, and leaves other words be', () => {
    expect(placeKey('St. Petersburg')).toBe(placeKey('Saint Petersburg'));
    expect(placeKey('ST PETERSBURG')).toBe('saint petersburg');
    expect(placeKey('Ste. Genevieve')).toBe('sainte genevieve');
    expect(placeKey('Mt. Airy')).toBe('mount airy');
    expect(placeKey('Ft Worth')).toBe('fort worth');
    expect(placeKey('Fort St. John')).toBe('fort saint john');
    expect(placeKey('Sainte-Foy')).toBe('sainte-foy');
    expect(placeKey('Stanton')).toBe('stanton');
    expect(placeKey('West Mtn')).toBe('west mtn');
    expect(placeKey('Tst')).toBe('tst');
  });
});

describe('placeKey on plain names', () => {
  it('gives what the full folding gives, for names of ASCII, spaces, tabs, dashes and invisibles', () => {
    const full = (name: string) =>
      normalizeText(name.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, ''))
        .trim()
        .replace(/ +/g, ' ')
        .toLowerCase();
    const char = fc.constantFrom(
      'a',
      'Z',
      '.',
      "'",
      '-',
      ' ',
      '  ',
      '\t',
      '\u2013',
      '\u00a0',
      '\u00ad',
      'É',
      '~',
      '!',
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 12 }), (chars) => {
        const name = chars.join('');
        expect(placeKey(name)).toBe(full(name));
      }),
      { seed: 13, numRuns: 2000 },
    );
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

  it('gives back every place as it was given, coordinates to 1/100 degree', () => {
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
      expect(Math.abs(p.lat - r.lat)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(p.lon - r.lon)).toBeLessThanOrEqual(0.005 + 1e-9);
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
    expect(() => openGazetteer(bytes)).toThrow(`version 999, expected ${FORMAT_VERSION}: rebuild it`);
    const whole = encodeGazetteer(records);
    expect(() => openGazetteer(whole.slice(0, whole.length - 16))).toThrow(
      /lacks section strings: rebuild it/,
    );
    expect(() => openGazetteer(whole.slice(0, 40))).toThrow(/header unreadable: rebuild it/);
    // A string table that lost its last terminator no longer holds the strings the columns count.
    const cut = encodeGazetteer(records);
    const headerLength = new DataView(cut.buffer).getUint32(8, true);
    const header = JSON.parse(new TextDecoder().decode(cut.subarray(12, 12 + headerLength))) as Record<
      string,
      { offset: number; length: number }
    >;
    const strings = header.strings!;
    const last = ((12 + headerLength + 3) & ~3) + strings.offset + strings.length - 1;
    expect(cut[last]).toBe(0);
    cut[last] = 0x41;
    expect(() => openGazetteer(cut)).toThrow(GazetteerFormatError);
  });

  it('finds every name and alias as a plain map of keys would, whatever the names', () => {
    const char = fc.constantFrom(
      'a',
      'b',
      'A',
      'B',
      ' ',
      '-',
      '\u2013',
      "'",
      '\u2019',
      '.',
      'é',
      'É',
      'Ō',
      'ō',
      'İ',
      'ß',
    );
    const name = fc.array(char, { minLength: 1, maxLength: 6 }).map((c) => c.join(''));
    const record = fc.record({
      name,
      aliases: fc.array(name, { maxLength: 3 }),
      kind: fc.constantFrom(...BROAD_KINDS),
      population: fc.integer({ min: 0, max: 50 }),
    });
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 40 }), (given) => {
        const rs = given.map((r) => place(r));
        const g = openGazetteer(encodeGazetteer(rs));
        const rank = (a: number, b: number) =>
          BROAD_KINDS.indexOf(rs[a]!.kind) - BROAD_KINDS.indexOf(rs[b]!.kind) ||
          rs[b]!.population - rs[a]!.population ||
          a - b;
        const expected = new Map<string, number[]>();
        rs.forEach((r, i) => {
          for (const key of new Set([r.name, ...r.aliases].map(placeKey))) {
            if (key !== '') expected.set(key, [...(expected.get(key) ?? []), i]);
          }
        });
        expect(g.keys).toBe(expected.size);
        for (const [key, places] of expected) expect(g.lookup(key), key).toEqual(places.sort(rank));
        for (const r of rs)
          expect(g.lookup(r.name.toUpperCase() + 'x')).toEqual(
            expected.get(placeKey(r.name.toUpperCase() + 'x')) ?? [],
          );
      }),
      { seed: 4, numRuns: 200 },
    );
  });
});

describe('the word table and the demonyms', () => {
  const records: PlaceRecord[] = [
    place({ name: 'Northtown', population: 5 }),
    place({ name: 'Aaland', kind: 'country', admin1: '', population: 10 }),
    place({ name: 'Bebland', kind: 'country', country: 'BB', admin1: '', population: 90 }),
  ];
  const words = new Map([
    ['Mission', WORD_COMMON],
    ['mission', WORD_LAST_NAME],
    ['chase', WORD_COMMON | WORD_FIRST_NAME],
    ['sen', WORD_HONORIFIC],
    ['Field  Marshal', WORD_HONORIFIC],
    ['MAY', WORD_CALENDAR],
  ]);
  const demonyms = new Map<string, number[]>([
    ['Aalish', [1]],
    ['Landish', [1, 2]],
    ['landish', [1]],
  ]);
  const g = openGazetteer(encodeGazetteer(records, { words, demonyms }));

  it('gives the bits of a word or phrase in any case, merged for words that fold alike', () => {
    expect(g.words).toBe(5);
    expect(g.wordFlags('MISSION')).toBe(WORD_COMMON | WORD_LAST_NAME);
    expect(g.wordFlags('Chase')).toBe(WORD_COMMON | WORD_FIRST_NAME);
    expect(g.wordFlags('field marshal')).toBe(WORD_HONORIFIC);
    expect(g.wordFlags('may')).toBe(WORD_CALENDAR);
    expect(g.wordFlags('Northtown')).toBe(0);
    expect(g.wordFlags('')).toBe(0);
  });

  it('drops a final dot only when the word with it is unknown', () => {
    expect(g.wordFlags('Sen.')).toBe(WORD_HONORIFIC);
    expect(g.wordFlags('.')).toBe(0);
  });

  it('gives the places a demonym names, larger kinds and larger places first, each once', () => {
    expect(g.demonyms).toBe(2);
    expect(g.demonym('AALISH')).toEqual([1]);
    expect(g.demonym('Landish')).toEqual([2, 1]);
    expect(g.demonym('Northtown')).toEqual([]);
    expect(g.demonym('')).toEqual([]);
  });

  it('is the same bytes for the same lists, and refuses a demonym of no place', () => {
    expect(encodeGazetteer(records, { words, demonyms })).toEqual(
      encodeGazetteer(records, { words, demonyms }),
    );
    expect(() => encodeGazetteer(records, { words, demonyms: new Map([['Zedish', [3]]]) })).toThrow(
      /demonym Zedish: no place 3/,
    );
  });

  it('keeps the word bits apart', () => {
    const bits = [
      WORD_COMMON,
      WORD_FIRST_NAME,
      WORD_LAST_NAME,
      WORD_PERSON,
      WORD_HONORIFIC,
      WORD_CALENDAR,
      WORD_DEMONYM,
    ];
    expect(bits.reduce((a, b) => a | b, 0)).toBe(bits.reduce((a, b) => a + b, 0));
    expect(Math.max(...bits)).toBeLessThan(256);
  });
});

describe('data/compiled/places.bin, as npm run gazetteer builds it', () => {
  const buf = readFileSync(new URL('../../data/compiled/places.bin', import.meta.url));
  const g = openGazetteer(new Uint8Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)));
  const meta = JSON.parse(
    readFileSync(new URL('../../data/compiled/places.json', import.meta.url), 'utf8'),
  ) as { counts: Record<string, number> };

  it('is a download of less than 3 MB gzipped', () => {
    expect(gzipSync(buf).length).toBeLessThan(3_000_000);
  });

  it('holds every country, division and city its meta file counts, each with a position', () => {
    expect(g.size).toBe(BROAD_KINDS.reduce((n, k) => n + (meta.counts[k] ?? 0), 0));
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

  const named = (indexes: number[]) =>
    indexes.map((i) => {
      const p = g.place(i);
      return p.kind === 'admin1' ? `${p.country}.${p.admin1}` : `${p.kind}:${p.country || p.name}`;
    });

  it('ties demonyms, plurals and those of several words to their countries', () => {
    expect(named(g.demonym('Russian'))).toEqual(['country:RU']);
    expect(named(g.demonym('Russians'))).toEqual(['country:RU']);
    expect(named(g.demonym('Germans'))).toEqual(['country:DE']);
    expect(named(g.demonym('Frenchmen'))).toEqual(['country:FR']);
    expect(named(g.demonym('sri lankan'))).toEqual(['country:LK']);
    expect(named(g.demonym('Sri Lankans'))).toEqual(['country:LK']);
    expect(named(g.demonym('North Korean'))).toEqual(['country:KP']);
    expect(named(g.demonym('Tanzanians'))).toEqual(['country:TZ']);
    expect(named(g.demonym('Saudi Arabian'))).toEqual(['country:SA']);
    expect(named(g.demonym('South Korean'))).toEqual(['country:KR']);
    expect(named(g.demonym('Nigerian'))).toEqual(['country:NG']);
    expect(named(g.demonym('Chinese'))).toEqual(['country:CN']);
    expect(named(g.demonym('Iraqi'))).toEqual(['country:IQ']);
    expect(named(g.demonym('European'))).toEqual(['continent:Europe']);
  });

  it('takes the curated file over the rules', () => {
    expect(named(g.demonym('American'))).toEqual(['country:US']);
    expect(named(g.demonym('Americans'))).toEqual(['country:US']);
    expect(named(g.demonym('British'))).toEqual(['country:GB']);
    expect(named(g.demonym('Dutch'))).toEqual(['country:NL']);
    expect(named(g.demonym('Dominican'))).toEqual(['country:DO']);
    expect(named(g.demonym('Welsh'))).toEqual(['GB.WLS']);
    expect(named(g.demonym('Congolese')).sort()).toEqual(['country:CD', 'country:CG']);
  });

  it("names the US states by their residents' names, a country too where it shares one", () => {
    expect(named(g.demonym('Ohioans'))).toEqual(['US.OH']);
    expect(named(g.demonym('West Virginian'))).toEqual(['US.WV']);
    expect(named(g.demonym('Georgian'))).toEqual(['country:GE', 'US.GA']);
  });

  it('gives no place for a word that is no demonym, and marks the demonyms in the word table', () => {
    for (const word of ['Russia', 'Moscow', 'table', 'Hindi', 'Chineses', 'Swisses', 'Germen', 'Chinan']) {
      expect(g.demonym(word), word).toEqual([]);
    }
    expect(g.wordFlags('Russians') & WORD_DEMONYM).toBe(WORD_DEMONYM);
    expect(g.wordFlags('Russia') & WORD_DEMONYM).toBe(0);
  });

  it('knows common words, names, titles and calendar words from the word lists', () => {
    expect(g.wordFlags('mission') & WORD_COMMON).toBe(WORD_COMMON);
    expect(g.wordFlags('Victory') & WORD_COMMON).toBe(WORD_COMMON);
    expect(g.wordFlags('Moscow') & WORD_COMMON).toBe(0);
    expect(g.wordFlags('Marshall') & (WORD_FIRST_NAME | WORD_LAST_NAME)).not.toBe(0);
    expect(g.wordFlags('Mrs.') & WORD_HONORIFIC).toBe(WORD_HONORIFIC);
    expect(g.wordFlags('Sen') & WORD_HONORIFIC).toBe(WORD_HONORIFIC);
    for (const word of ['January', 'Jan', 'Sunday', 'Thu'])
      expect(g.wordFlags(word) & WORD_CALENDAR, word).toBe(WORD_CALENDAR);
  });

  it('finds a country by the short and common names the ISO list lacks', () => {
    for (const [name, code] of [
      ['Syria', 'SY'],
      ['Moldova', 'MD'],
      ['Laos', 'LA'],
      ['Burma', 'MM'],
      ['Britain', 'GB'],
    ]) {
      const [first] = g.lookup(name!);
      expect(first, name).toBeDefined();
      expect(g.place(first!), name).toMatchObject({ kind: 'country', country: code });
    }
  });

  it('names the US states by their AP abbreviations', () => {
    for (const [abbreviation, state] of [
      ['W.Va.', 'US.WV'],
      ['Mich.', 'US.MI'],
      ['Calif.', 'US.CA'],
      ['D.C.', 'US.DC'],
      ['N.Y.', 'US.NY'],
    ]) {
      expect(
        named(g.lookup(abbreviation!)).filter((n) => n.startsWith('US.')),
        abbreviation,
      ).toEqual([state]);
    }
  });

  it('places a large country at its conventional point, and every country on its own land', () => {
    const country = (name: string) => g.place(g.lookup(name).find((k) => g.place(k).kind === 'country')!);
    // From data/geo/broad/country-points.csv: not the centre of the polygon (65.9 N, 95.5 E).
    expect(country('Russia')).toMatchObject({ lat: 60, lon: 100 });
    // A ring wound the other way round once made an islet off the north-west coast (12.4 S,
    // 123.6 E) the "largest polygon" of Australia: its point is now in the middle of the mainland.
    const au = country('Australia');
    expect(au.lat).toBeGreaterThan(-32);
    expect(au.lat).toBeLessThan(-18);
    expect(au.lon).toBeGreaterThan(125);
    expect(au.lon).toBeLessThan(145);
  });

  it('finds a place under either spelling of St.', () => {
    const countries = (name: string) => g.lookup(name).map((i) => g.place(i).country);
    expect(countries('St. Petersburg')).toContain('RU');
    expect(countries('Saint Louis')).toContain('US');
  });

  it('holds the curated continents, seas, rivers, lakes, ranges and regions', () => {
    const kindOf = (name: string) => g.lookup(name).map((i) => g.place(i).kind);
    expect(kindOf('Caspian Sea')).toContain('water');
    expect(kindOf('Mississippi')[0]).toBe('admin1');
    expect(kindOf('Mississippi')).toContain('river');
    expect(kindOf('Lake Baikal')).toContain('lake');
    expect(kindOf('Himalayas')).toContain('mountains');
    expect(kindOf('Middle East')).toContain('region');
    expect(kindOf('Europe')[0]).toBe('continent');
  });
});
