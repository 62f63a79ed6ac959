import { normalizeText } from '../normalize';

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const PLAIN = /^[!-~]+(?: [!-~]+)*$/;
/** Abbreviated words of place names, read as the words they stand for ("St. Louis", "Mt. Airy"). */
const ABBREVIATED = /(^| |-)(st|ste|mt|ft)(?:\.|(?= |-|$))/g;
const SPELLED: Record<string, string> = { st: 'saint', ste: 'sainte', mt: 'mount', ft: 'fort' };

/**
 * The key a place name is looked up by: quotes, dashes and spaces folded as the finder folds
 * them, invisible characters dropped, runs of spaces made one, lower case (so "MOSCOW",
 * "Moscow" and "moscow" share a key; the finder decides which case counts as a mention), and
 * the abbreviations St., Ste., Mt. and Ft. spelled out ("St. Petersburg" and "Saint Petersburg"
 * share a key, whichever of them the gazetteer lists).
 *
 * @example placeKey('  Winston\u2013Salem ') === 'winston-salem'
 * @example placeKey('Ft. Worth') === 'fort worth'
 */
export function placeKey(name: string): string {
  // Printable ASCII words with single spaces between them (most names) need only lower case.
  const key = PLAIN.test(name)
    ? name.toLowerCase()
    : normalizeText(name.replace(INVISIBLE, '')).trim().replace(/ +/g, ' ').toLowerCase();
  return key.replace(ABBREVIATED, (_, before: string, word: string) => before + SPELLED[word]!);
}
