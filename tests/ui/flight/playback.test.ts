import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMoments, parseRoute, type Moment } from '../../../src/core';
import { buildTrack } from '../../../src/geo';
import {
  formatClock,
  formatDistance,
  formatElapsed,
  kmToMiles,
  latestMoment,
  PlaybackClock,
} from '../../../src/ui/flight/playback';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const waypoints = parseRoute(read('../../../data/geo/routes/ant25-1937.csv'), 'ant25-1937.csv');
const track = buildTrack(waypoints);
const moments = parseMoments(
  read('../../../data/geo/routes/ant25-1937.moments.csv'),
  'ant25-1937.moments.csv',
  waypoints,
  read('../../../data/newsletters/russian-embassy-newsletter-2020-06.txt'),
);

describe('playback formatting', () => {
  it('formats elapsed time as T+hh:mm, whole minutes rounded down', () => {
    expect(formatElapsed(0)).toBe('T+00:00');
    expect(formatElapsed(59_999)).toBe('T+00:00');
    expect(formatElapsed((63 * 60 + 16) * 60_000)).toBe('T+63:16');
    expect(formatElapsed(-5)).toBe('T+00:00');
  });

  it('formats UTC and Moscow (UTC+3) clock times', () => {
    const takeOff = Date.UTC(1937, 5, 18, 1, 4);
    expect(formatClock(takeOff)).toBe('18 Jun 01:04');
    expect(formatClock(takeOff, 3)).toBe('18 Jun 04:04');
    expect(formatClock(Date.UTC(1937, 5, 20, 22, 30), 3)).toBe('21 Jun 01:30');
  });

  it('converts km to statute miles', () => {
    expect(kmToMiles(1.609344)).toBeCloseTo(1, 10);
    expect(formatDistance(8510.21)).toBe('8,510 km (5,288 mi)');
    expect(formatDistance(0)).toBe('0 km (0 mi)');
  });
});

describe('latestMoment', () => {
  const m = (waypoint: number, line: number): Moment => ({ waypoint, line, quote: `q${line}`, note: '' });

  it('is undefined before the first moment and picks the latest reached', () => {
    const times = [0, 10, 20];
    const list = [m(0, 1), m(2, 3), m(1, 2)];
    expect(latestMoment(list, times, -1)).toBeUndefined();
    expect(latestMoment(list, times, 0)?.line).toBe(1);
    expect(latestMoment(list, times, 15)?.line).toBe(2);
    expect(latestMoment(list, times, 20)?.line).toBe(3);
  });

  it('shows the eleven gallons at the landing and the take-off at the start of ANT-25', () => {
    expect(latestMoment(moments, track.times, track.startMs)?.line).toBe(112);
    const landing = latestMoment(moments, track.times, track.endMs);
    expect(landing?.quote).toContain('eleven gallons');
    expect(latestMoment(moments, track.times, track.endMs - 1)?.quote).not.toContain('eleven gallons');
  });

  it('quotes the first 24 uneventful hours at the Pole, reached about 24 hours after take-off', () => {
    const pole = waypoints.findIndex((w) => w.name === 'North Pole');
    const atPole = latestMoment(moments, track.times, track.times[pole]!);
    expect(atPole?.waypoint).toBe(pole);
    expect(atPole?.line).toBe(116);
    expect(atPole?.quote).toContain('relatively uneventful for the first 24 hours');
    const hours = (track.times[pole]! - track.startMs) / 3_600_000;
    expect(hours).toBeGreaterThan(23);
    expect(hours).toBeLessThan(25);
  });
});

describe('PlaybackClock', () => {
  it('tells its listeners of each new time until they unsubscribe', () => {
    const clock = new PlaybackClock();
    const seen: number[] = [];
    const off = clock.subscribe((ms) => seen.push(ms));
    clock.set(5);
    off();
    clock.set(9);
    expect(seen).toEqual([5]);
    expect(clock.elapsedMs).toBe(9);
  });
});
