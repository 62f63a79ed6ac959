import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataError, parseSeas } from '../../src/core';

const FILE = 'data/geo/seas.csv';
const HEADER = 'id,name,lon,lat,min_zoom,max_zoom,source,note\n';

function errorOf(fn: () => unknown): DataError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error('expected a DataError');
}

describe('parseSeas', () => {
  it('reads each sea with its point, zooms and source', () => {
    const seas = parseSeas(`${HEADER}bering-sea,Bering Sea,-178,58,3,7,"IHO S-23: Bering Sea",\n`, FILE);
    expect(seas).toEqual([
      {
        id: 'bering-sea',
        name: 'Bering Sea',
        lon: -178,
        lat: 58,
        minZoom: 3,
        maxZoom: 7,
        source: 'IHO S-23: Bering Sea',
      },
    ]);
  });

  it('names the file, line and column of a bad row', () => {
    const lat = errorOf(() => parseSeas(`${HEADER}a,A,0,0,1,2,s,\nb,B,10,95,1,2,s,\n`, FILE));
    expect([lat.file, lat.line, lat.column]).toEqual([FILE, 3, 'lat']);
    const zoom = errorOf(() => parseSeas(`${HEADER}a,A,0,0,5,2,s,\n`, FILE));
    expect([zoom.line, zoom.column]).toEqual([2, 'max_zoom']);
    const source = errorOf(() => parseSeas(`${HEADER}a,A,0,0,1,2,,\n`, FILE));
    expect(source.column).toBe('source');
    const twice = errorOf(() => parseSeas(`${HEADER}a,A,0,0,1,2,s,\na,A,1,1,1,2,s,\n`, FILE));
    expect([twice.line, twice.column]).toEqual([3, 'id']);
  });

  it('reads the data file: every row has a source', () => {
    const seas = parseSeas(readFileSync(FILE, 'utf8'), FILE);
    expect(seas.length).toBeGreaterThanOrEqual(5);
    for (const s of seas) expect(s.source).not.toBe('');
  });
});
