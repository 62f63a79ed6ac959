import { readFileSync } from 'node:fs';
import { distance } from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { DataError, parseContext, parseRoute } from '../../src/core';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const waypoints = parseRoute(read('../../data/geo/routes/ant25-1937.csv'), 'ant25-1937.csv');
const file = 'data/geo/routes/ant25-1937.context.csv';
const context = parseContext(read(`../../${file}`), file, waypoints);
const HEADER = 'feature,kind,seq,name,lat,lon,waypoint,source,note\n';

describe('parseContext (the flight’s context)', () => {
  it('ties a river and two cities to the landing, each point with a source', () => {
    const landing = waypoints.length - 1;
    expect(context.map((f) => f.kind).sort()).toEqual(['city', 'city', 'river']);
    for (const f of context) {
      expect(f.waypoint).toBe(landing);
      expect(f.sources.length).toBeGreaterThan(0);
      expect(f.name).not.toBe('');
    }
    const at = waypoints[landing]!;
    // Everything lies near the landing field: context, not another map.
    for (const f of context) {
      for (const p of f.points)
        expect(distance(p, [at.lon, at.lat], { units: 'kilometers' })).toBeLessThan(70);
    }
  });

  it('orders a river’s points by seq, whatever the row order', () => {
    const text = `${HEADER}r,river,2,R,45.7,-122.7,9,s,\nr,river,1,R,45.6,-122.6,9,s,\nr,river,3,R,45.8,-122.8,9,t,\n`;
    const [river] = parseContext(text, 'x.csv', waypoints);
    expect(river!.points).toEqual([
      [-122.6, 45.6],
      [-122.7, 45.7],
      [-122.8, 45.8],
    ]);
    expect(river!.sources).toEqual(['s', 't']);
  });

  it('says which row is wrong: an unknown waypoint, a bad kind, a latitude out of range, a river point with no order', () => {
    const bad = (row: string, column: string) => {
      try {
        parseContext(HEADER + row, 'x.csv', waypoints);
      } catch (e) {
        expect(e).toBeInstanceOf(DataError);
        expect((e as DataError).line).toBe(2);
        expect((e as Error).message).toContain(column);
        return;
      }
      throw new Error(`no error for ${row}`);
    };
    bad('c,city,,C,45,-122,99,s,\n', 'waypoint');
    bad('c,lake,,C,45,-122,9,s,\n', 'kind');
    bad('c,city,,C,95,-122,9,s,\n', 'lat');
    bad('r,river,first,R,45,-122,9,s,\n', 'seq');
  });
});
