/**
 * The presenter view's timer (pure: the clock is passed in): time presented since the view
 * opened, paused and resumed, reset to zero. Times in milliseconds.
 */

export interface PresenterTimer {
  /** Time counted before the current run (or in total, while paused). */
  counted: number;
  /** When the current run began, or null while paused. */
  runningSince: number | null;
}

export const startTimer = (now: number): PresenterTimer => ({ counted: 0, runningSince: now });

export const elapsedMs = (t: PresenterTimer, now: number): number =>
  t.counted + (t.runningSince === null ? 0 : Math.max(0, now - t.runningSince));

export const isRunning = (t: PresenterTimer) => t.runningSince !== null;

export const pauseTimer = (t: PresenterTimer, now: number): PresenterTimer =>
  t.runningSince === null ? t : { counted: elapsedMs(t, now), runningSince: null };

export const resumeTimer = (t: PresenterTimer, now: number): PresenterTimer =>
  t.runningSince === null ? { ...t, runningSince: now } : t;

/** Back to zero; a running timer keeps running from now, a paused one stays paused. */
export const resetTimer = (t: PresenterTimer, now: number): PresenterTimer => ({
  counted: 0,
  runningSince: t.runningSince === null ? null : now,
});

/** "0:00", "12:34", "1:02:03" (whole seconds, rounded down). */
export function formatElapsed(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
}

/** "12 minutes 5 seconds", for screen readers. */
export function spokenElapsed(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const unit = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  return [h ? unit(h, 'hour') : '', h || m ? unit(m, 'minute') : '', unit(sec, 'second')]
    .filter(Boolean)
    .join(' ');
}
