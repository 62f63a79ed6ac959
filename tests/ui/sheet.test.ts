import { describe, expect, it } from 'vitest';
import { cycleSheet, SHEET_SHARE, snapSheet, stepSheet } from '../../src/ui/sheet/sheetModel';

describe('bottom sheet sizes', () => {
  it('a press goes half → full → folded → half', () => {
    expect(cycleSheet('half')).toBe('full');
    expect(cycleSheet('full')).toBe('collapsed');
    expect(cycleSheet('collapsed')).toBe('half');
  });

  it('arrows step one size and stop at either end', () => {
    expect(stepSheet('collapsed', 1)).toBe('half');
    expect(stepSheet('half', 1)).toBe('full');
    expect(stepSheet('full', 1)).toBe('full');
    expect(stepSheet('half', -1)).toBe('collapsed');
    expect(stepSheet('collapsed', -1)).toBe('collapsed');
  });

  it('a drag lets go at the nearest size', () => {
    expect(snapSheet(780, 812)).toBe('full');
    expect(snapSheet(400, 812)).toBe('half');
    expect(snapSheet(500, 812)).toBe('half');
    expect(snapSheet(650, 812)).toBe('full');
    expect(snapSheet(60, 812)).toBe('collapsed');
    expect(snapSheet(0, 0)).toBe('collapsed');
  });

  it('half open leaves the map at least 40% of the screen', () => {
    expect(1 - SHEET_SHARE.half).toBeGreaterThanOrEqual(0.4);
  });
});
