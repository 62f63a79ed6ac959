/** The phone's bottom sheets (the place panel, the sidebar): three sizes, and where a drag lands. */

export type SheetState = 'collapsed' | 'half' | 'full';

export const SHEET_STATES: readonly SheetState[] = ['collapsed', 'half', 'full'];

/**
 * Each size as a share of the screen's height. Half leaves the map more than 40% of the screen
 * (the map controls' line sits above the sheet); full still shows a strip of the map.
 */
export const SHEET_SHARE: Readonly<Record<SheetState, number>> = { collapsed: 0.08, half: 0.45, full: 0.85 };

/** A press of the handle: half → full → collapsed → half. */
export function cycleSheet(state: SheetState): SheetState {
  return state === 'half' ? 'full' : state === 'full' ? 'collapsed' : 'half';
}

/** Arrow up grows the sheet, arrow down shrinks it; at either end it stays. */
export function stepSheet(state: SheetState, by: 1 | -1): SheetState {
  const i = SHEET_STATES.indexOf(state) + by;
  return SHEET_STATES[Math.min(Math.max(i, 0), SHEET_STATES.length - 1)]!;
}

/** The size nearest to a sheet `height` px tall on a screen `screen` px tall (where a drag ends). */
export function snapSheet(height: number, screen: number): SheetState {
  const share = screen > 0 ? height / screen : 0;
  let best: SheetState = 'half';
  for (const s of SHEET_STATES) {
    if (Math.abs(SHEET_SHARE[s] - share) < Math.abs(SHEET_SHARE[best] - share)) best = s;
  }
  return best;
}

/** Words for the handle's name: what the sheet shows now. */
export const SHEET_WORDS: Readonly<Record<SheetState, string>> = {
  collapsed: 'folded down',
  half: 'half open',
  full: 'fully open',
};
