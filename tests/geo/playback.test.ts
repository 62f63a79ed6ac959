import { readFileSync } from 'node:fs';
import { distance } from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { parseRoute, type Waypoint } from '../../src/core';
import { buildTrack, intermediatePoint, positionAt } from '../../src/geo/playback';

const ant25 = parseRoute(
  readFileSync(new URL('../../data/geo/routes/ant25-1937.csv', import.meta.url), 'utf8'),
  'ant25-1937.csv',
);
const track = buildTrack(ant25);
const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) =>
  distance([a.lon, a.lat], [b.lon, b.lat], { units: 'kilometers' });
const HOUR = 3_600_000;
const MINUTE = 60_000;

describe('ANT-25 playback track', () => {
  it('lasts the 63 h 16 min the sources give', () => {
    expect((track.endMs - track.startMs) / MINUTE).toBe(63 * 60 + 16);
  });

  it('starts at Shchyolkovo, passes the Pole and ends at Pearson Field', () => {
    const shchyolkovo = { lat: 55.87833, lon: 38.06167 }; // routes.md: Chkalovsky Airport
    const pearson = { lat: 45.62056, lon: -122.65639 }; // routes.md: Pearson Field
    expect(km(positionAt(track, 0), shchyolkovo)).toBeLessThan(5);
    expect(km(positionAt(track, track.endMs - track.startMs), pearson)).toBeLessThan(2);
    let nearest = Infinity;
    for (let t = 0; t <= track.endMs - track.startMs; t += MINUTE) {
      nearest = Math.min(nearest, km(positionAt(track, t), { lat: 90, lon: 0 }));
    }
    expect(nearest).toBeLessThan(50);
  });

  it('is continuous and monotonic in distance flown, minute by minute', () => {
    let previous = positionAt(track, 0);
    for (let t = MINUTE; t <= track.endMs - track.startMs; t += MINUTE) {
      const p = positionAt(track, t);
      expect(p.kmFlown).toBeGreaterThanOrEqual(previous.kmFlown);
      // no jump: one minute at the fastest leg's ground speed is well under 10 km
      expect(km(previous, p)).toBeLessThan(10);
      // within a leg, what it says it flew is what it moved (across a waypoint it turns, e.g. back from Eugene)
      if (p.leg === previous.leg)
        expect(Math.abs(p.kmFlown - previous.kmFlown - km(previous, p))).toBeLessThan(0.01);
      expect(p.kmFlown + p.kmRemaining).toBeCloseTo(track.totalKm, 6);
      previous = p;
    }
  });

  it('keeps the times the sources give at their waypoints and clamps outside the flight', () => {
    ant25.forEach((w, i) => {
      if (w.time) expect(track.times[i]).toBe(Date.parse(w.time));
    });
    expect(positionAt(track, -HOUR).kmFlown).toBe(0);
    expect(positionAt(track, 100 * HOUR).kmRemaining).toBe(0);
  });

  it('heads north out of Moscow and south down the Canadian side', () => {
    const start = positionAt(track, HOUR).heading;
    expect(start < 30 || start > 330).toBe(true);
    const pole = ant25.findIndex((w) => w.lat === 90);
    const afterPole = positionAt(track, track.times[pole]! - track.startMs + HOUR).heading;
    expect(Math.abs(afterPole - 180)).toBeLessThan(30);
  });
});

describe('intermediatePoint', () => {
  it('follows the great circle, not the straight line on the map', () => {
    const a = { lat: 45, lon: -120 };
    const b = { lat: 45, lon: 60 }; // opposite meridians: the great circle runs over the Pole
    expect(intermediatePoint(a, b, 0.5)[0]).toBeCloseTo(90, 6);
    const [lat, lon] = intermediatePoint({ lat: 0, lon: 0 }, { lat: 0, lon: 90 }, 1 / 3);
    expect(lat).toBeCloseTo(0, 9);
    expect(lon).toBeCloseTo(30, 9);
  });

  it('refuses a track without times at both ends', () => {
    const untimed: Waypoint[] = ant25.map((w) => ({ ...w, time: null }));
    expect(() => buildTrack(untimed)).toThrow(/first and the last with a time/);
  });
});
