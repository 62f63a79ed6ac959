/** Pure helpers for the flight playback panel: time and distance formatting, moments reached. */
import type { Moment } from '../../core';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const KM_PER_MILE = 1.609344;

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "T+hh:mm" for a time since take-off (whole minutes, rounded down). */
export function formatElapsed(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE_MS);
  return `T+${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** "18 Jun 01:04" for an epoch time shifted by `offsetHours` from UTC. */
export function formatClock(epochMs: number, offsetHours = 0): string {
  const d = new Date(Math.floor(epochMs / MINUTE_MS) * MINUTE_MS + offsetHours * HOUR_MS);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export const kmToMiles = (km: number) => km / KM_PER_MILE;

/** "1,234 km (767 mi)" */
export function formatDistance(km: number): string {
  const round = (n: number) => Math.round(n).toLocaleString('en-US');
  return `${round(km)} km (${round(kmToMiles(km))} mi)`;
}

/**
 * The latest moment reached at `epochMs`: the one whose waypoint time (`times`, epoch ms per
 * waypoint) is the latest at or before it; ties go to the later row. Undefined before any.
 */
export function latestMoment(
  moments: readonly Moment[],
  times: readonly number[],
  epochMs: number,
): Moment | undefined {
  let best: Moment | undefined;
  let bestTime = -Infinity;
  for (const m of moments) {
    const t = times[m.waypoint];
    if (t === undefined || Number.isNaN(t) || t > epochMs) continue;
    if (t >= bestTime) {
      best = m;
      bestTime = t;
    }
  }
  return best;
}

/** A mutable playback time that the map's plane follows without React renders. */
export class PlaybackClock {
  elapsedMs = 0;
  private listeners = new Set<(elapsedMs: number) => void>();
  set(elapsedMs: number) {
    this.elapsedMs = elapsedMs;
    this.listeners.forEach((l) => l(elapsedMs));
  }
  subscribe(listener: (elapsedMs: number) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
