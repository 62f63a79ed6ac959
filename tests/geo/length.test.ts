import { readFileSync } from 'node:fs';
import { distance } from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { DataError, figureRange, parseFigures, parseRoute } from '../../src/core';
import { buildTrack } from '../../src/geo/playback';

const read = (name: string) =>
  readFileSync(new URL(`../../data/geo/routes/${name}`, import.meta.url), 'utf8');
const waypoints = parseRoute(read('ant25-1937.csv'), 'ant25-1937.csv');
const figures = parseFigures(read('ant25-1937.figures.csv'), 'ant25-1937.figures.csv');
const drawnKm = buildTrack(waypoints).totalKm;
const first = waypoints[0]!;
const last = waypoints[waypoints.length - 1]!;
const greatCircleKm = distance([first.lon, first.lat], [last.lon, last.lat], { units: 'kilometers' });
const { minKm, maxKm } = figureRange(figures);
const spreadKm = maxKm - minKm;

describe('ANT-25 length: computed figures against the documented ones', () => {
  it('reads every documented figure, converting miles', () => {
    const newsletter = figures.find((f) => f.kind === 'newsletter')!;
    expect(newsletter).toMatchObject({ value: 5288, unit: 'mi' });
    expect(newsletter.km).toBeCloseTo(8510.2, 1);
    expect(figures.filter((f) => f.kind === 'along_route').length).toBeGreaterThan(1);
    expect(figures.filter((f) => f.kind === 'straight_line').length).toBeGreaterThan(1);
    expect(spreadKm).toBeGreaterThan(0);
  });

  it('puts the great circle within 1% of each straight-line figure and of the newsletter', () => {
    // 1%: a spherical Earth (turf) is off by up to 0.5% on long lines, and sources may measure
    // from Moscow rather than the airfield about 30 km north-east of it.
    const straight = figures.filter((f) => f.kind === 'straight_line' || f.kind === 'newsletter');
    expect(straight.length).toBeGreaterThan(2);
    for (const f of straight) expect(Math.abs(greatCircleKm - f.km) / f.km).toBeLessThan(0.01);
  });

  it('keeps the drawn route within the sources’ spread of the along-route figures', () => {
    const alongRoute = figures.filter((f) => f.kind === 'along_route');
    const gap = Math.min(...alongRoute.map((f) => Math.abs(drawnKm - f.km)));
    expect(gap).toBeLessThanOrEqual(spreadKm);
    expect(drawnKm).toBeGreaterThan(greatCircleKm);
  });
});

describe('parseFigures', () => {
  const header = 'kind,value,unit,source,note\n';
  it.each([
    ['kind', 'guess,100,km,somewhere,\n', /figures\.csv:2: column "kind".*write one of/],
    ['unit', 'along_route,100,nm,somewhere,\n', /figures\.csv:2: column "unit".*write km or mi/],
    ['value', 'along_route,9 130,km,somewhere,\n', /figures\.csv:2: column "value".*plain number/],
    ['negative value', 'along_route,-5,km,somewhere,\n', /column "value"/],
    ['source', 'along_route,100,km,,\n', /figures\.csv:2: column "source".*needs a source/],
  ])('locates a bad %s', (_what, row, message) => {
    expect(() => parseFigures(header + row, 'figures.csv')).toThrow(DataError);
    expect(() => parseFigures(header + row, 'figures.csv')).toThrow(message);
  });

  it('rejects a file with no figures', () => {
    expect(() => parseFigures(header, 'figures.csv')).toThrow(/at least one figure/);
  });
});
