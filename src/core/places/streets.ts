/**
 * Streets and numbered roads named in a text ("Orchard St.", "Northwest 34th Street", "Route
 * 128"): places of local news that no gazetteer lists. The combination places each in the town
 * the text names with it (see combine.ts); one with no town in its story is left out.
 */

/** A capitalised word, or an ordinal ("34th"), of a street's name. */
const WORD = String.raw`(?:\p{Lu}[\p{L}'’-]*|\d+(?:st|nd|rd|th))`;
/** The street types of postal addresses, written out or abbreviated as news writes them. */
const TYPES = [
  'Street',
  'St\\.',
  'Avenue',
  'Ave\\.',
  'Road',
  'Rd\\.',
  'Drive',
  'Boulevard',
  'Blvd\\.',
  'Lane',
  'Highway',
  'Parkway',
  'Pike',
  'Turnpike',
  'Expressway',
  'Freeway',
];
/**
 * A street type after a space, not inside a longer word nor a longer name ("Wall Street
 * Journal", "Elm Street School", "Main St. Louis" are not streets of a town).
 */
const TYPE = new RegExp(String.raw` (?:${TYPES.join('|')})(?![\p{L}\p{N}]| \p{Lu})`, 'gu');
/** One to four words of a name, ending just before the street type (matched on the text before it). */
const NAME_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}.])${WORD}(?: ${WORD}){0,3} $`, 'u');
/** The longest name of four words this many characters before the type covers all but freaks. */
const LOOK_BACK = 120;
/** A numbered road: "Highway 19", "Route 128", "Interstate 45", "County Road 3". */
const NUMBERED = /(?:Highway|Route|Interstate|State Road|State Route|County Road) \d+/g;
/** A letter or digit: a numbered road must not start inside a word. */
const WORDLIKE = /[\p{L}\p{N}]/u;
/** Words that say what kind of road, not which: "County Road", "State Highway" are no names. */
const GENERIC = /^(?:County|State|Federal|National|Interstate) \S+$/u;
/** An article before a name is no part of it ("the Main Street"). */
const ARTICLE = /^(?:The|A|An) /u;

export interface StreetSpan {
  start: number;
  end: number;
}

/** The streets and numbered roads of `text`, in text order, none inside another. */
export function findStreets(text: string): StreetSpan[] {
  const found: StreetSpan[] = [];
  // The street types first (a literal search), then the name before each: a pattern tried at
  // every capital letter of the text would cost more than the rest of the finder.
  for (const m of text.matchAll(TYPE)) {
    const from = Math.max(0, m.index - LOOK_BACK);
    const name = NAME_BEFORE.exec(text.slice(from, m.index + 1));
    if (!name) continue;
    let start = from + name.index;
    const end = m.index + m[0].length;
    const article = ARTICLE.exec(text.slice(start, end));
    if (article) start += article[0].length;
    if (!text.slice(start, end).includes(' ') || GENERIC.test(text.slice(start, end))) continue;
    found.push({ start, end });
  }
  for (const m of text.matchAll(NUMBERED)) {
    const end = m.index + m[0].length;
    if (m.index > 0 && WORDLIKE.test(text[m.index - 1]!)) continue;
    if (end < text.length && WORDLIKE.test(text[end]!)) continue;
    found.push({ start: m.index, end });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: StreetSpan[] = [];
  for (const s of found) if (out.length === 0 || s.start >= out[out.length - 1]!.end) out.push(s);
  return out;
}
