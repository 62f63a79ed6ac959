import { describe, expect, it } from 'vitest';
import {
  parseCountryAliases,
  parseCountryPoints,
  parseCuratedPlaces,
  parseDemonyms,
  parseStateAbbreviations,
} from '../../../src/core/places/curated';
import { DataError } from '../../../src/core/types';

const PLACES = 'name,aliases,kind,lat,lon,country,source,note\n';
const file = 'data/geo/broad/places.csv';

/** The DataError `run` throws, as file:line, column and message. */
function failure(run: () => unknown): { at: string; column: string; message: string } {
  try {
    run();
  } catch (e) {
    if (e instanceof DataError) return { at: `${e.file}:${e.line}`, column: e.column, message: e.message };
    throw e;
  }
  throw new Error('no DataError');
}

describe('parseCuratedPlaces', () => {
  it('reads a row with its aliases, kind, point, country and source', () => {
    const rows = parseCuratedPlaces(
      PLACES + 'Zem Sea,Zem|the Zem,water,41.5,-50.25,,Wikipedia: Zem Sea,\nZem River,,river,1,2,AA,Atlas,\n',
      file,
    );
    expect(rows).toEqual([
      {
        name: 'Zem Sea',
        aliases: ['Zem', 'the Zem'],
        kind: 'water',
        lat: 41.5,
        lon: -50.25,
        country: '',
        source: 'Wikipedia: Zem Sea',
        line: 2,
      },
      {
        name: 'Zem River',
        aliases: [],
        kind: 'river',
        lat: 1,
        lon: 2,
        country: 'AA',
        source: 'Atlas',
        line: 3,
      },
    ]);
  });

  it('refuses a bad row, naming the file, line and column', () => {
    const ok = 'Zem Sea,,water,1,2,,Atlas,\n';
    expect(failure(() => parseCuratedPlaces(PLACES + ok + 'Zem,,sea,1,2,,Atlas,\n', file))).toMatchObject({
      at: `${file}:3`,
      column: 'kind',
    });
    expect(failure(() => parseCuratedPlaces(PLACES + 'Zem,,lake,91,2,,Atlas,\n', file))).toMatchObject({
      at: `${file}:2`,
      column: 'lat',
    });
    expect(failure(() => parseCuratedPlaces(PLACES + 'Zem,,lake,1,2,,,\n', file))).toMatchObject({
      at: `${file}:2`,
      column: 'source',
    });
    expect(failure(() => parseCuratedPlaces(PLACES + 'Zem,A||B,lake,1,2,,Atlas,\n', file))).toMatchObject({
      column: 'aliases',
    });
    expect(failure(() => parseCuratedPlaces(PLACES + 'Zem,ZEM,lake,1,2,,Atlas,\n', file)).message).toMatch(
      /listed twice/,
    );
    expect(failure(() => parseCuratedPlaces(PLACES + 'Zem,,lake,1,2,usa,Atlas,\n', file))).toMatchObject({
      column: 'country',
    });
    expect(
      failure(() => parseCuratedPlaces(PLACES + ok + 'ZEM SEA,,water,3,4,,Atlas,\n', file)),
    ).toMatchObject({
      at: `${file}:3`,
      message: expect.stringMatching(/first on line 2/),
    });
    expect(failure(() => parseCuratedPlaces('name,kind\n', file)).message).toMatch(/lacks column "aliases"/);
  });

  it('allows a name as two kinds (a river and a state)', () => {
    const rows = parseCuratedPlaces(PLACES + 'Zem,,river,1,2,,Atlas,\nZem,,lake,1,2,,Atlas,\n', file);
    expect(rows.map((r) => r.kind)).toEqual(['river', 'lake']);
  });
});

describe('parseStateAbbreviations', () => {
  const f = 'data/geo/broad/state-abbreviations.csv';
  it('reads an abbreviation with its country and admin-1 code', () => {
    expect(parseStateAbbreviations('abbreviation,admin1,source\nW.Va.,US.WV,AP\n', f)).toEqual([
      { abbreviation: 'W.Va.', country: 'US', admin1: 'WV', source: 'AP', line: 2 },
    ]);
  });
  it('refuses a code that is no admin-1 code and an abbreviation listed twice', () => {
    expect(
      failure(() => parseStateAbbreviations('abbreviation,admin1,source\nW.Va.,WV,AP\n', f)),
    ).toMatchObject({
      at: `${f}:2`,
      column: 'admin1',
    });
    expect(
      failure(() =>
        parseStateAbbreviations('abbreviation,admin1,source\nMich.,US.MI,AP\nmich.,US.MN,AP\n', f),
      ),
    ).toMatchObject({ at: `${f}:3`, column: 'abbreviation' });
  });
});

describe('parseDemonyms', () => {
  const f = 'data/geo/broad/demonyms.csv';
  it('reads a demonym of a country or of a division', () => {
    expect(parseDemonyms('demonym,place,source\nZemish,AA,Atlas\nZemite,AA.01,Atlas\n', f)).toEqual([
      { demonym: 'Zemish', country: 'AA', admin1: '', source: 'Atlas', line: 2 },
      { demonym: 'Zemite', country: 'AA', admin1: '01', source: 'Atlas', line: 3 },
    ]);
  });
  it('refuses a bad place, a missing source and a row listed twice', () => {
    expect(failure(() => parseDemonyms('demonym,place,source\nZemish,Zemland,Atlas\n', f))).toMatchObject({
      at: `${f}:2`,
      column: 'place',
    });
    expect(failure(() => parseDemonyms('demonym,place,source\nZemish,AA,\n', f))).toMatchObject({
      column: 'source',
    });
    expect(failure(() => parseDemonyms('demonym,place,source\nZemish,AA,X\nzemish,AA,Y\n', f))).toMatchObject(
      {
        at: `${f}:3`,
        column: 'demonym',
      },
    );
  });
});

describe('parseCountryAliases', () => {
  const f = 'data/geo/broad/country-aliases.csv';
  it('reads a name with its country', () => {
    expect(parseCountryAliases('alias,country,source\nZemland,AA,Atlas\n', f)).toEqual([
      { alias: 'Zemland', country: 'AA', source: 'Atlas', line: 2 },
    ]);
  });
  it('refuses a bad code, a one-letter name and a name listed twice', () => {
    expect(failure(() => parseCountryAliases('alias,country,source\nZemland,AAA,Atlas\n', f))).toMatchObject({
      at: `${f}:2`,
      column: 'country',
    });
    expect(failure(() => parseCountryAliases('alias,country,source\nZ,AA,Atlas\n', f))).toMatchObject({
      column: 'alias',
    });
    expect(
      failure(() => parseCountryAliases('alias,country,source\nZemland,AA,Atlas\nZEMLAND,BB,Atlas\n', f)),
    ).toMatchObject({ at: `${f}:3`, column: 'alias' });
  });
});

describe('parseCountryPoints', () => {
  const f = 'data/geo/broad/country-points.csv';
  const H = 'country,lat,lon,source,note\n';
  it('reads a country with its point', () => {
    expect(parseCountryPoints(`${H}AA,60,-95.5,Atlas,\n`, f)).toEqual([
      { country: 'AA', lat: 60, lon: -95.5, line: 2 },
    ]);
  });
  it('refuses a bad code, a point off the globe, a row without a source and a country listed twice', () => {
    expect(failure(() => parseCountryPoints(`${H}aa,60,100,Atlas,\n`, f))).toMatchObject({
      at: `${f}:2`,
      column: 'country',
    });
    expect(failure(() => parseCountryPoints(`${H}AA,91,100,Atlas,\n`, f))).toMatchObject({ column: 'lat' });
    expect(failure(() => parseCountryPoints(`${H}AA,60,181,Atlas,\n`, f))).toMatchObject({ column: 'lon' });
    expect(failure(() => parseCountryPoints(`${H}AA,60,100,,\n`, f))).toMatchObject({ column: 'source' });
    expect(failure(() => parseCountryPoints(`${H}AA,60,100,Atlas,\nAA,1,2,Atlas,\n`, f))).toMatchObject({
      at: `${f}:3`,
      column: 'country',
    });
  });
});
