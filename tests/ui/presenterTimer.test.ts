import { describe, expect, it } from 'vitest';
import {
  elapsedMs,
  formatElapsed,
  isRunning,
  pauseTimer,
  resetTimer,
  resumeTimer,
  spokenElapsed,
  startTimer,
} from '../../src/ui/tour/presenterTimer';

describe('the presenter timer', () => {
  it('counts from when it started', () => {
    const t = startTimer(1_000);
    expect(elapsedMs(t, 1_000)).toBe(0);
    expect(elapsedMs(t, 61_500)).toBe(60_500);
    expect(isRunning(t)).toBe(true);
  });

  it('stands still while paused and goes on from there when resumed', () => {
    let t = startTimer(0);
    t = pauseTimer(t, 10_000);
    expect(isRunning(t)).toBe(false);
    expect(elapsedMs(t, 50_000)).toBe(10_000);
    t = resumeTimer(t, 50_000);
    expect(elapsedMs(t, 55_000)).toBe(15_000);
    // Pausing twice or resuming twice changes nothing.
    expect(pauseTimer(pauseTimer(t, 60_000), 70_000)).toEqual(pauseTimer(t, 60_000));
    expect(resumeTimer(t, 99_000)).toBe(t);
  });

  it('resets to zero, running or paused as it was', () => {
    const running = resetTimer(startTimer(0), 30_000);
    expect(elapsedMs(running, 31_000)).toBe(1_000);
    const paused = resetTimer(pauseTimer(startTimer(0), 5_000), 30_000);
    expect(elapsedMs(paused, 90_000)).toBe(0);
    expect(isRunning(paused)).toBe(false);
  });

  it('reads as minutes and seconds, hours when it gets there', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(59_999)).toBe('0:59');
    expect(formatElapsed(125_000)).toBe('2:05');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
    expect(spokenElapsed(125_000)).toBe('2 minutes 5 seconds');
    expect(spokenElapsed(1_000)).toBe('1 second');
    expect(spokenElapsed(3_600_000)).toBe('1 hour 0 minutes 0 seconds');
  });
});
