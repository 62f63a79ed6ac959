import { describe, expect, it } from 'vitest';
import {
  checkSharedAliases,
  DataError,
  parseCsv,
  parseGazetteer,
  parseMoments,
  parseRules,
  parseRoute,
} from '../../src/core';

const HEADER = 'id,name,aliases,kind,lat,lon,country,wikidata,source,route';
const MOSCOW = 'moscow,Moscow,Moscow,city,55.7558,37.6173,RU,Q649,Wikipedia: Moscow,';

function errorOf(fn: () => unknown): DataError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error('expected a DataError');
}

describe('parseGazetteer', () => {
  it('parses a valid row with its aliases and line', () => {
    const [p] = parseGazetteer(`${HEADER}\n${MOSCOW}\n`, 'g.csv');
    expect(p).toMatchObject({
      id: 'moscow',
      name: 'Moscow',
      aliases: ['Moscow'],
      kind: 'city',
      lat: 55.7558,
      line: 2,
    });
  });

  it.each([
    ['missing lat', 'x,X,Ex,city,,10,,,src,', 'lat', '', 'not a number'],
    ['lat out of range', 'x,X,Ex,city,91,10,,,src,', 'lat', '91', 'out of range'],
    ['lon out of range', 'x,X,Ex,city,10,-180.5,,,src,', 'lon', '-180.5', 'out of range'],
    ['empty name', 'x,,Ex,city,10,10,,,src,', 'name', '', 'empty'],
    ['unknown kind', 'x,X,Ex,town,10,10,,,src,', 'kind', 'town', 'unknown kind'],
    ['no source', 'x,X,Ex,city,10,10,,,,', 'source', '', 'source'],
    ['bad id', 'New York,X,Ex,city,10,10,,,src,', 'id', 'New York', 'lower-case'],
    ['route without file', 'r,R,Ar,route,10,10,,,src,', 'route', '', 'waypoint file'],
  ])('rejects %s with file, line, column and value', (_what, row, column, value, problem) => {
    const e = errorOf(() => parseGazetteer(`${HEADER}\n${MOSCOW}\n${row}\n`, 'data/geo/gazetteer.csv'));
    expect(e.file).toBe('data/geo/gazetteer.csv');
    expect(e.line).toBe(3);
    expect(e.column).toBe(column);
    expect(e.value).toBe(value);
    expect(e.message).toContain(problem);
    expect(e.message).toMatch(/^data\/geo\/gazetteer\.csv:3: column/);
  });

  it('rejects a duplicate id, naming the first line', () => {
    const e = errorOf(() => parseGazetteer(`${HEADER}\n${MOSCOW}\n\n${MOSCOW}\n`, 'g.csv'));
    expect(e).toMatchObject({ line: 4, column: 'id', value: 'moscow' });
    expect(e.message).toContain('already used on line 2');
  });

  it('counts lines through quoted fields that span lines', () => {
    const quoted = 'a,"A, with comma","Aa|Bb\nCc",city,1,1,,,src,';
    const e = errorOf(() => parseGazetteer(`${HEADER}\n${quoted}\nb,B,Bb,city,1,999,,,src,\n`, 'g.csv'));
    expect(e.line).toBe(4);
  });

  it('rejects a row with the wrong number of fields', () => {
    const e = errorOf(() => parseGazetteer(`${HEADER}\n${MOSCOW}\nx,X,Ex,city,1,1,,,src,,extra\n`, 'g.csv'));
    expect(e.line).toBe(3);
    expect(e.message).toContain('quote values that contain commas');
  });

  it('rejects a file without the required header', () => {
    const e = errorOf(() => parseCsv('id,name\nx,y\n', 'g.csv', ['id', 'lat']));
    expect(e).toMatchObject({ line: 1, column: 'lat' });
  });
});

describe('gazetteer aliases', () => {
  const place = (aliases: string) =>
    `moscow,Moscow,${aliases},city,55.7558,37.6173,RU,Q649,Wikipedia: Moscow,`;
  const FILE = 'data/geo/gazetteer.csv';

  it.each([
    ['between two "|"', 'Moscow||Moskva', 'alias 2 of 3 is empty'],
    ['at the end', 'Moscow|', 'alias 2 of 2 is empty'],
    ['at the start', '|Moscow', 'alias 1 of 2 is empty'],
    ['of spaces only', '"Moscow| |Moskva"', 'alias 2 of 3 is empty'],
  ])('rejects an empty alias %s, at its row', (_where, aliases, problem) => {
    const e = errorOf(() =>
      parseGazetteer(`${HEADER}\n${MOSCOW.replace('moscow', 'm2')}\n${place(aliases)}\n`, FILE),
    );
    expect(e).toMatchObject({ file: FILE, line: 3, column: 'aliases' });
    expect(e.message).toContain(problem);
    expect(e.message).toContain('separate aliases by a single "|"');
  });

  it.each(['M', 'Moscow|M', 'Moscow|M.', 'Moscow|É'])('rejects an alias of one letter in %s', (aliases) => {
    const e = errorOf(() => parseGazetteer(`${HEADER}\n${place(aliases)}\n`, FILE));
    expect(e).toMatchObject({ line: 2, column: 'aliases' });
    expect(e.value).toBe(aliases.split('|').pop());
    expect(e.message).toContain('two letters or more');
  });

  it('accepts aliases of two letters, and no aliases at all', () => {
    expect(parseGazetteer(`${HEADER}\n${place('UK|U.S.')}\n`, FILE)[0]!.aliases).toEqual(['UK', 'U.S.']);
    expect(parseGazetteer(`${HEADER}\n${place('')}\n`, FILE)[0]!.aliases).toEqual([]);
  });

  it('rejects an alias listed twice for one place, as the finder compares them', () => {
    const e = errorOf(() => parseGazetteer(`${HEADER}\n${place('"Red  Square|Red\u00a0Square"')}\n`, FILE));
    expect(e).toMatchObject({ line: 2, column: 'aliases', value: 'Red\u00a0Square' });
    expect(e.message).toContain('listed twice');
  });

  it('rejects a header-only gazetteer at the gazetteer', () => {
    const e = errorOf(() => parseGazetteer(`${HEADER}\n`, FILE));
    expect(e).toMatchObject({ file: FILE, column: '(rows)' });
    expect(e.message).toContain('no places: add at least one row');
  });

  describe('shared by two places', () => {
    const text = `${HEADER}
washington-dc,"Washington, D.C.",Washington|Washington D.C.,city,38.9072,-77.0369,US,Q61,src,
washington-state,Washington (state),Washington State|Washington,region,47.33,-120.26,US,Q1223,src,
`;
    const places = parseGazetteer(text, FILE);
    const byId = new Map(places.map((p) => [p.id, p]));
    const rules = (csv: string) => parseRules(`pattern,resolves_to,note\n${csv}`, 'data/geo/rules.csv', byId);

    it('is an error at the later place, naming the first', () => {
      const e = errorOf(() => checkSharedAliases(places, [], FILE, 'data/geo/rules.csv'));
      expect(e).toMatchObject({ file: FILE, line: 3, column: 'aliases', value: 'Washington' });
      expect(e.message).toContain('also an alias of washington-dc (line 2)');
      expect(e.message).toContain('data/geo/rules.csv');
    });

    it('is an error after normalisation too (dashes, spaces)', () => {
      const dashes = parseGazetteer(
        `${HEADER}\na,Aa,Alaska-Siberia,region,1,1,,,s,\nb,Bb,"Alaska\u2013Siberia",region,1,1,,,s,\n`,
        FILE,
      );
      expect(errorOf(() => checkSharedAliases(dashes, [], FILE, 'r.csv')).line).toBe(3);
    });

    it('is fine where a rule on that alias resolves it to one of them', () => {
      expect(() =>
        checkSharedAliases(
          places,
          rules('"Vancouver Barracks, [Washington]",washington-state,\n'),
          FILE,
          'r.csv',
        ),
      ).not.toThrow();
    });

    it('is still an error where the rules on that alias resolve it elsewhere or to nothing', () => {
      expect(() =>
        checkSharedAliases(places, rules('Washington Post,,a newspaper\n'), FILE, 'r.csv'),
      ).toThrow(/also an alias of washington-dc/);
    });
  });
});

describe('parseRules', () => {
  const byId = new Map(parseGazetteer(`${HEADER}\n${MOSCOW}\n`, 'g.csv').map((p) => [p.id, p]));

  it('splits a pattern at its brackets', () => {
    const [r] = parseRules('pattern,resolves_to,note\n"Old [Moscow] Road",moscow,why\n', 'r.csv', byId);
    expect(r).toMatchObject({
      before: 'Old ',
      mention: 'Moscow',
      after: ' Road',
      resolvesTo: 'moscow',
      line: 2,
    });
  });

  it('reads a phrase without brackets and target as a non-mention', () => {
    const [r] = parseRules('pattern,resolves_to,note\nMoscow Mule,,a drink\n', 'r.csv', byId);
    expect(r).toMatchObject({ mention: 'Moscow Mule', resolvesTo: null });
  });

  it('rejects an unknown target and a target without brackets', () => {
    expect(errorOf(() => parseRules('pattern,resolves_to\n[Paris],paris\n', 'r.csv', byId))).toMatchObject({
      line: 2,
      column: 'resolves_to',
      value: 'paris',
    });
    expect(errorOf(() => parseRules('pattern,resolves_to\nMoscow,moscow\n', 'r.csv', byId))).toMatchObject({
      column: 'pattern',
    });
  });
});

describe('parseRoute', () => {
  const H = 'seq,name,lat,lon,time,source,note\n';
  it('parses waypoints with optional times', () => {
    const w = parseRoute(`${H}1,A,10,20,1937-06-18T01:04Z,s,\n2,B,11,21,,s,approx\n`, 'r.csv');
    expect(w.map((p) => [p.name, p.time])).toEqual([
      ['A', '1937-06-18T01:04Z'],
      ['B', null],
    ]);
  });
  it('rejects local times, times running backwards and falling seq', () => {
    expect(errorOf(() => parseRoute(`${H}1,A,1,1,1937-06-18 01:04,s,\n2,B,1,1,,s,\n`, 'r.csv')).column).toBe(
      'time',
    );
    expect(
      errorOf(() => parseRoute(`${H}1,A,1,1,1937-06-18T01:04Z,s,\n2,B,1,1,1937-06-17T01:04Z,s,\n`, 'r.csv'))
        .line,
    ).toBe(3);
    expect(errorOf(() => parseRoute(`${H}2,A,1,1,,s,\n1,B,1,1,,s,\n`, 'r.csv')).column).toBe('seq');
  });
});

describe('parseMoments', () => {
  const route = parseRoute('seq,name,lat,lon,time,source,note\n1,A,1,1,,s,\n2,B,2,2,,s,\n', 'r.csv');
  const text = 'First line.\nThe plane landed, with eleven gallons left.\n';
  it('ties each quote to its waypoint', () => {
    const [m] = parseMoments(
      'seq,line,quote,note\n2,2,"landed, with eleven gallons",n\n',
      'm.csv',
      route,
      text,
    );
    expect(m).toMatchObject({ waypoint: 1, line: 2, quote: 'landed, with eleven gallons' });
  });
  it('rejects a quote that is not on its line, and an unknown waypoint', () => {
    expect(
      errorOf(() => parseMoments('seq,line,quote,note\n2,1,landed,n\n', 'm.csv', route, text)),
    ).toMatchObject({
      line: 2,
      column: 'quote',
    });
    expect(
      errorOf(() => parseMoments('seq,line,quote,note\n7,2,landed,n\n', 'm.csv', route, text)).column,
    ).toBe('seq');
  });
  it('accepts the curated ANT-25 moments against the newsletter', async () => {
    const { readFileSync } = await import('node:fs');
    const read = (p: string) => readFileSync(new URL(`../../data/${p}`, import.meta.url), 'utf8');
    const ant25 = parseRoute(read('geo/routes/ant25-1937.csv'), 'ant25-1937.csv');
    const moments = parseMoments(
      read('geo/routes/ant25-1937.moments.csv'),
      'ant25-1937.moments.csv',
      ant25,
      read('newsletters/russian-embassy-newsletter-2020-06.txt'),
    );
    expect(moments.map((m) => ant25[m.waypoint]!.name)).toContain('North Pole');
    expect(moments.at(-1)!.quote).toContain('eleven gallons');
  });
});
