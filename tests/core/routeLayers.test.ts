import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DataError,
  loadAtlas,
  loadFlight,
  parseClocks,
  parseRouteLayers,
  parseRoute,
  type RouteData,
} from '../../src/core';
import { readDataFiles } from '../../src/cli/data';

const FILE = 'data/geo/route-layers.csv';
const IDS = ['flight-a', 'other-b', 'extra-c'];

function errorOf(fn: () => unknown): DataError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error('expected a DataError');
}

describe('parseRouteLayers', () => {
  const good = 'id,layer,note\nflight-a,flight,the flight\nother-b,shown,\nextra-c,optional,a comparison\n';

  it('reads the flight, and the routes drawn on opening in file order', () => {
    const layers = parseRouteLayers(good, FILE, IDS);
    expect(layers.flight).toBe('flight-a');
    expect(layers.shown).toEqual(['flight-a', 'other-b']);
    expect(layers.layers.map((l) => [l.id, l.layer, l.line])).toEqual([
      ['flight-a', 'flight', 2],
      ['other-b', 'shown', 3],
      ['extra-c', 'optional', 4],
    ]);
    expect(layers.layers[2]!.note).toBe('a comparison');
  });

  it('allows no flight at all', () => {
    const layers = parseRouteLayers(
      'id,layer\nflight-a,shown\nother-b,optional\nextra-c,optional\n',
      FILE,
      IDS,
    );
    expect(layers.flight).toBeNull();
    expect(layers.shown).toEqual(['flight-a']);
  });

  it('names the file, line and column of a bad layer, and says what to write', () => {
    const e = errorOf(() => parseRouteLayers(good.replace('shown', 'visible'), FILE, IDS));
    expect(e).toMatchObject({ file: FILE, line: 3, column: 'layer', value: 'visible' });
    expect(e.message).toBe(`${FILE}:3: column "layer": write one of flight, shown, optional (got "visible")`);
  });

  it('rejects an id that is no route of the gazetteer, listing the ids it knows', () => {
    const e = errorOf(() => parseRouteLayers(good.replace('extra-c', 'extra-d'), FILE, IDS));
    expect(e).toMatchObject({ line: 4, column: 'id', value: 'extra-d' });
    expect(e.problem).toContain('write one of flight-a, other-b, extra-c');
  });

  it('rejects a route listed twice, pointing at the first row', () => {
    const e = errorOf(() => parseRouteLayers(good + 'other-b,optional,\n', FILE, IDS));
    expect(e).toMatchObject({ line: 5, column: 'id', value: 'other-b' });
    expect(e.problem).toContain('first on line 3');
  });

  it('rejects a second flight', () => {
    const e = errorOf(() => parseRouteLayers(good.replace('other-b,shown', 'other-b,flight'), FILE, IDS));
    expect(e).toMatchObject({ line: 3, column: 'layer', value: 'flight' });
    expect(e.problem).toContain('line 2 already makes flight-a the flight');
  });

  it('rejects a route of the gazetteer with no row, at the line to add it', () => {
    const e = errorOf(() => parseRouteLayers('id,layer\nflight-a,flight\nother-b,shown\n', FILE, IDS));
    expect(e).toMatchObject({ line: 4, column: 'id', value: 'extra-c' });
    expect(e.problem).toContain('add one');
  });

  it('rejects an empty id and a missing column', () => {
    expect(errorOf(() => parseRouteLayers('id,layer\n,shown\n', FILE, IDS))).toMatchObject({
      line: 2,
      column: 'id',
    });
    expect(errorOf(() => parseRouteLayers('id,note\nflight-a,x\n', FILE, IDS))).toMatchObject({
      line: 1,
      column: 'layer',
    });
  });
});

describe('parseClocks', () => {
  it('reads a label, an offset from UTC and a source', () => {
    expect(parseClocks('label,utc_offset_h,source,note\nMoscow,3,tz,\nYukon,-8,x,n\n', 'c.csv')).toEqual([
      { label: 'Moscow', offsetHours: 3, source: 'tz', note: '' },
      { label: 'Yukon', offsetHours: -8, source: 'x', note: 'n' },
    ]);
  });

  it('names the cell of a bad offset or a missing source', () => {
    expect(errorOf(() => parseClocks('label,utc_offset_h,source\nMoscow,UTC+3,tz\n', 'c.csv'))).toMatchObject(
      {
        file: 'c.csv',
        line: 2,
        column: 'utc_offset_h',
        value: 'UTC+3',
      },
    );
    expect(errorOf(() => parseClocks('label,utc_offset_h,source\nMoscow,3,\n', 'c.csv'))).toMatchObject({
      line: 2,
      column: 'source',
    });
  });
});

describe('loadFlight', () => {
  const route = (id: string, file: string): RouteData => ({
    place: { id, route: file } as RouteData['place'],
    waypoints: parseRoute(
      'seq,name,lat,lon,time,source,note\n1,A,0,0,2000-01-01T00:00Z,s,\n2,B,0,1,2000-01-01T01:00Z,s,\n',
      file,
    ),
  });
  const routes = [route('flight-a', 'flight-a-1937.csv'), route('other-b', 'other-b.csv')];
  const layers = parseRouteLayers('id,layer\nflight-a,flight\nother-b,shown\n', FILE, [
    'flight-a',
    'other-b',
  ]);

  it("finds the flight's files beside its route file, by name", () => {
    const flight = loadFlight(
      layers,
      routes,
      {
        'flight-a-1937.moments.csv': 'seq,line,quote\n2,1,landed\n',
        'flight-a-1937.figures.csv': 'kind,value,unit,source\nalong_route,111,km,s\n',
        'flight-a-1937.clocks.csv': 'label,utc_offset_h,source\nHome,2,s\n',
        'other-b.clocks.csv': 'label,utc_offset_h,source\nElsewhere,5,s\n',
      },
      'they landed\n',
    );
    expect(flight?.route.place.id).toBe('flight-a');
    expect(flight?.moments).toEqual([{ waypoint: 1, line: 1, quote: 'landed', note: '' }]);
    expect(flight?.figures.map((f) => f.km)).toEqual([111]);
    expect(flight?.clocks.map((c) => c.label)).toEqual(['Home']);
  });

  it('gives nothing of a kind whose file is missing, and null with no flight', () => {
    expect(loadFlight(layers, routes, {}, '')).toMatchObject({ moments: [], figures: [], clocks: [] });
    const none = parseRouteLayers('id,layer\nflight-a,shown\nother-b,shown\n', FILE, ['flight-a', 'other-b']);
    expect(loadFlight(none, routes, {}, '')).toBeNull();
  });

  it('reports a bad file of the flight under its path in data/geo/routes/', () => {
    const e = errorOf(() =>
      loadFlight(layers, routes, { 'flight-a-1937.clocks.csv': 'label,utc_offset_h,source\nHome,x,s\n' }, ''),
    );
    expect(e.file).toBe('data/geo/routes/flight-a-1937.clocks.csv');
  });
});

describe('the curated route layers', () => {
  const data = readDataFiles();
  const text = readFileSync(
    new URL('../../data/newsletters/russian-embassy-newsletter-2020-06.txt', import.meta.url),
    'utf8',
  );
  const atlas = loadAtlas({ ...data, text });
  const layers = parseRouteLayers(
    readFileSync(new URL('../../data/geo/route-layers.csv', import.meta.url), 'utf8'),
    FILE,
    atlas.routes.map((r) => r.place.id),
  );

  it('list every route of the gazetteer, with one flight', () => {
    expect(layers.layers.length).toBe(atlas.routes.length);
    expect(layers.layers.filter((l) => l.layer === 'flight').length).toBe(1);
  });

  it('give the flight its moments, figures and Moscow clock (UTC+3 in 1937, with a source)', () => {
    const flight = loadFlight(layers, atlas.routes, data.routes, atlas.text)!;
    expect(flight.route.place.id).toBe(layers.flight);
    expect(flight.moments.length).toBeGreaterThan(3);
    expect(flight.figures.length).toBeGreaterThan(3);
    expect(flight.clocks).toEqual([expect.objectContaining({ label: 'Moscow', offsetHours: 3 })]);
    expect(flight.clocks[0]!.source).toMatch(/Europe\/Moscow/);
  });
});
