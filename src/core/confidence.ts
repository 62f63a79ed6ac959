/**
 * When a mention counts as uncertain, and its confidence in words. One threshold for every view
 * that shows a mention (the reader's highlights, the place panel, the Review panel's list).
 */

/**
 * A mention below this confidence is shown as uncertain. Curated answers are 1; the broad finder
 * gives 0.8 and up where evidence (a region named nearby, a sole candidate, a curated place) picks
 * the place, 0.6 where only the feature type or the population does, 0.5 for a street placed at
 * its town, and under 0.5 where nothing separates rivals (src/core/places/finder.ts, combine.ts).
 */
export const UNCERTAIN_BELOW = 0.75;

/** True when the mention should look uncertain: its confidence is under UNCERTAIN_BELOW. */
export const isUncertain = (confidence: number) => confidence < UNCERTAIN_BELOW;

/** Under this, the place is a guess among rivals that nothing separates. */
const GUESS_BELOW = 0.5;

/**
 * The confidence as a person reads it: "95% sure", "uncertain, 60% sure", "uncertain, a guess
 * (35% sure)". Percentages are whole, and never 100% below 1 or 0% above 0.
 */
export function confidenceInWords(confidence: number): string {
  const c = Math.min(1, Math.max(0, confidence));
  const pct = c === 1 ? 100 : c === 0 ? 0 : Math.min(99, Math.max(1, Math.round(c * 100)));
  if (!isUncertain(c)) return `${pct}% sure`;
  if (c < GUESS_BELOW) return `uncertain, a guess (${pct}% sure)`;
  return `uncertain, ${pct}% sure`;
}
