import { normalizeText } from '../normalize';

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const PLAIN = /^[!-~]+(?: [!-~]+)*$/;

/**
 * The key a place name is looked up by: quotes, dashes and spaces folded as the finder folds
 * them, invisible characters dropped, runs of spaces made one, lower case (so "MOSCOW",
 * "Moscow" and "moscow" share a key; the finder decides which case counts as a mention).
 *
 * @example placeKey('  Winston\u2013Salem ') === 'winston-salem'
 */
export function placeKey(name: string): string {
  // Printable ASCII words with single spaces between them (most names) need only lower case.
  if (PLAIN.test(name)) return name.toLowerCase();
  return normalizeText(name.replace(INVISIBLE, '')).trim().replace(/ +/g, ' ').toLowerCase();
}
