/**
 * Build-time rules that tie demonyms ("Russian", "Sri Lankan") to the places they name, from
 * the places' own names and aliases: a word list says which words are demonyms, the rules say
 * of what; a curated file corrects what they get wrong or miss (see the build script).
 */
import { placeKey } from './key';

/** A place a demonym may name (a country, a continent): its index and its names. */
export interface DemonymTarget {
  index: number;
  names: readonly string[];
}

/**
 * Endings that make a demonym of a name ("Russia" + "n", "Peru" + "vian" is not one: that is
 * for the curated file). The stem left by cutting the ending is the name itself or the name
 * without its last one to three letters ("Mexic|an" of "Mexic|o", "Belg|ian" of "Belg|ium").
 */
export const DEMONYM_ENDINGS = ['', 'e', 'n', 'an', 'ian', 'ean', 'ese', 'i', 'ish', 'ic', 'er'] as const;
const MAX_REST = 3;
const MIN_STEM = 3;

/**
 * The forms of a name a demonym is made from: the name, without a leading "the", cut before
 * a comma or a bracket ("Korea, Republic of" → "korea"), before " and " ("Trinidad and
 * Tobago" → "trinidad"); all folded by placeKey.
 */
export function nameForms(name: string): string[] {
  let key = placeKey(name).replace(/^the /, '');
  const forms = new Set([key]);
  key = key.replace(/\s*[,(].*$/, '');
  forms.add(key);
  forms.add(key.replace(/ and .*$/, ''));
  forms.delete('');
  return [...forms];
}

/**
 * How well demonym `d` fits name form `v` (0: not at all): the length of the name's part the
 * demonym keeps, a little more when it keeps the whole name. "nigerian" fits "nigeria" (7.5)
 * better than "niger" (5.5); "dominican" fits "dominican republic" (its first word, 9) better
 * than "dominica" (8.5).
 */
export function demonymFit(d: string, v: string): number {
  let best = 0;
  if (v.startsWith(d + ' ')) best = d.length;
  for (const ending of DEMONYM_ENDINGS) {
    if (!d.endsWith(ending)) continue;
    const stem = d.slice(0, d.length - ending.length);
    if (stem.length < MIN_STEM || !v.startsWith(stem)) continue;
    const rest = v.slice(stem.length);
    if (rest.length > MAX_REST || /[^a-z]/.test(rest)) continue;
    if (ending === '' && rest === '') continue; // the name itself is no demonym
    best = Math.max(best, stem.length + (rest === '' ? 0.5 : 0));
  }
  return best;
}

/**
 * Maps each candidate demonym (lower case) to the targets it fits best (several when they tie),
 * leaving out candidates that fit none and candidates that are a target's name ("laos"). Same
 * candidates and targets, same result, whatever their order.
 */
export function matchDemonyms(
  candidates: Iterable<string>,
  targets: readonly DemonymTarget[],
): Map<string, number[]> {
  const forms = targets.map((t) => ({ index: t.index, forms: [...new Set(t.names.flatMap(nameForms))] }));
  const names = new Set(forms.flatMap((t) => t.forms));
  const out = new Map<string, number[]>();
  for (const d of [...new Set([...candidates].map(placeKey))].sort()) {
    if (d === '' || names.has(d)) continue;
    let best = 0;
    let hits: number[] = [];
    for (const t of forms) {
      const fit = Math.max(0, ...t.forms.map((v) => demonymFit(d, v)));
      if (fit === 0 || fit < best) continue;
      if (fit > best) [best, hits] = [fit, []];
      hits.push(t.index);
    }
    if (hits.length > 0)
      out.set(
        d,
        [...new Set(hits)].sort((a, b) => a - b),
      );
  }
  return out;
}

/**
 * Demonyms that the word lists lack, made from the names by rules that rarely go wrong, for a
 * place that `known` (the demonyms found so far) gives none: a name ending in "a" + "n"
 * ("Tanzania", "Sri Lanka"), in "i" + "an" ("Mali"), in "stan" + "i"; of several words, also
 * "e" + "an" ("Sierra Leone"), "land" + "er" ("New Zealand"). And, for any name of several
 * words, the first word before a demonym of the rest that is longer than the rest ("South" +
 * "Sudanese", given that "sudanese" names a target called "Sudan"; not "Great" + "Brit").
 * Names of more than three words or with "of" or "and" in them give none, and none replaces
 * a demonym of `known`.
 */
export function madeDemonyms(
  targets: readonly DemonymTarget[],
  known: ReadonlyMap<string, readonly number[]>,
): Map<string, number[]> {
  const byForm = new Map<string, number[]>();
  for (const t of targets) {
    for (const v of new Set(t.names.flatMap(nameForms))) byForm.set(v, [...(byForm.get(v) ?? []), t.index]);
  }
  const demonymsOf = new Map<number, string[]>();
  const named = new Set([...known.values()].flat());
  for (const [d, places] of known) {
    if (d.includes(' ')) continue;
    for (const p of places) demonymsOf.set(p, [...(demonymsOf.get(p) ?? []), d]);
  }
  const out = new Map<string, Set<number>>();
  const add = (d: string, index: number) => out.set(d, (out.get(d) ?? new Set()).add(index));
  for (const t of targets) {
    for (const v of new Set(t.names.flatMap(nameForms))) {
      const words = v.split(' ');
      if (words.length > 3 || words.includes('of') || words.includes('and') || /[^a-z ]/.test(v)) continue;
      if (!named.has(t.index)) {
        if (v.endsWith('a')) add(v + 'n', t.index);
        else if (v.endsWith('i')) add(v + 'an', t.index);
        else if (v.endsWith('stan')) add(v + 'i', t.index);
        else if (words.length > 1 && v.endsWith('e')) add(v + 'an', t.index);
        else if (words.length > 1 && v.endsWith('land')) add(v + 'er', t.index);
      }
      if (words.length < 2) continue;
      const rest = words.slice(1).join(' ');
      for (const other of byForm.get(rest) ?? []) {
        for (const d of demonymsOf.get(other) ?? [])
          if (d.length > rest.length) add(`${words[0]} ${d}`, t.index);
      }
    }
  }
  return new Map(
    [...out]
      .filter(([d]) => !known.has(d))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([d, set]) => [d, [...set].sort((a, b) => a - b)]),
  );
}

/**
 * The plural of a demonym, or null for one used as it is ("the Chinese", "the Swiss", "the
 * French"): "russian" → "russians", "german" → "germans", "englishman" → "englishmen".
 */
export function demonymPlural(d: string): string | null {
  if (/(ese|ish|ch|sh|ss|s|x|z)$/.test(d)) return null;
  if (/(sh|ch|s|wo)man$/.test(d)) return d.slice(0, -3) + 'men'; // not "german"
  return d + 's';
}
