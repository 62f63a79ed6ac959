/**
 * Scores a place finder against gold toponyms, the usual way for news geoparsing:
 * - strict span match: a prediction counts when its [start, end) equals a gold span of the same
 *   article; precision, recall and F1 over all articles;
 * - accuracy@161 km: among the strictly matched spans whose gold has coordinates, the share whose
 *   predicted point lies within 161 km (100 miles) of the gold point.
 */
import { distance } from '@turf/distance';
import type { Article } from './corpus';

export interface Prediction {
  start: number;
  end: number;
  text: string;
  lat: number;
  lon: number;
}

export interface Scores {
  predicted: number;
  gold: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
  /** Strict matches whose gold has coordinates. */
  located: number;
  /** Of those, within 161 km. */
  within161: number;
  accuracy161: number;
  /** Predicted names that matched no gold span, most frequent first. */
  falseNames: [string, number][];
  /** Gold names that no prediction matched, most frequent first. */
  missedNames: [string, number][];
  /** Strict matches placed more than 161 km away, most frequent first. */
  farNames: [string, number][];
}

export const ACCURACY_KM = 161;

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

function ranked(counts: Map<string, number>): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en'));
}

const bump = (counts: Map<string, number>, name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);

/** Scores `predict` on every article; `predictions[i]` belongs to `articles[i]`. */
export function score(articles: readonly Article[], predictions: readonly (readonly Prediction[])[]): Scores {
  let predicted = 0;
  let gold = 0;
  let tp = 0;
  let located = 0;
  let within = 0;
  const falseNames = new Map<string, number>();
  const missedNames = new Map<string, number>();
  const farNames = new Map<string, number>();
  articles.forEach((article, i) => {
    const spans = new Map(article.toponyms.map((t) => [`${t.start}:${t.end}`, t]));
    const matched = new Set<string>();
    for (const p of predictions[i] ?? []) {
      predicted++;
      const key = `${p.start}:${p.end}`;
      const g = spans.get(key);
      if (!g || matched.has(key)) {
        bump(falseNames, p.text);
        continue;
      }
      matched.add(key);
      tp++;
      if (g.lat === null || g.lon === null) continue;
      located++;
      if (distance([p.lon, p.lat], [g.lon, g.lat], { units: 'kilometers' }) <= ACCURACY_KM) within++;
      else bump(farNames, p.text);
    }
    gold += article.toponyms.length;
    for (const [key, g] of spans) if (!matched.has(key)) bump(missedNames, g.phrase);
  });
  const precision = ratio(tp, predicted);
  const recall = ratio(tp, gold);
  return {
    predicted,
    gold,
    truePositives: tp,
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    located,
    within161: within,
    accuracy161: ratio(within, located),
    falseNames: ranked(falseNames),
    missedNames: ranked(missedNames),
    farNames: ranked(farNames),
  };
}
