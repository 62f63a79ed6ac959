/**
 * Finds place mentions in any English text with the broad gazetteer (see format.ts): longest
 * match over runs of capitalised words, names inside longer names, demonyms as mentions of their
 * country, and words that are also common words or people's names only where the context says
 * so. Each mention is resolved to one place by evidence, in this order:
 *   1. "City, State" / "City, Country" (the next name is an admin-1 or country holding it);
 *   2. one sense per discourse: a name resolved by 1. keeps that place in its story (each story
 *      is a discourse of its own: `units`);
 *   3. the story's own geography: every other name of the story votes for the admin-1 regions
 *      and countries it can be in (a name of one place, or resolved by 1., a whole vote; an
 *      ambiguous name a share for each), and between places of one type a place there outranks
 *      one elsewhere (a large place, 4., comes before any town whatever the votes); among towns
 *      the votes are weighed against population (a vote against ten times as many people);
 *      then once more, each name the text resolved voting wholly for its place, so names that
 *      agree carry each other ("Portland, Bangor and Augusta": Maine);
 *   4. feature type: a country, an admin-1 region, a sea or a range before a town of its name
 *      (unless the text speaks of the town's region and not at all of the large place), a
 *      capital before a state of its country named like it, then an admin-2, a city;
 *   5. population.
 * Every mention carries a confidence in [0, 1]; one that no evidence separates from a rival of
 * the same type and similar population is low (under 0.5).
 */
import { compactText, normalizeText, wordCharLength } from '../normalize';
import type { BroadGazetteer, BroadKind, BroadPlace } from './format';

/** The word lists the finder consults (compiled from well-kept lexicons with the gazetteer). */
export interface Lexicon {
  /** A common lower-case English word ("mission", "march"). */
  isCommon(word: string): boolean;
  /** A person's first name. */
  isFirstName(word: string): boolean;
  /** A person's first or last name. */
  isPersonName(word: string): boolean;
  /** The name of an organisation, a team or a language ("Toyota", "English"). */
  isOtherName(word: string): boolean;
  /** A title before a person's name ("Sen", "Mrs"). */
  isHonorific(word: string): boolean;
  /** A month or weekday name. */
  isCalendar(word: string): boolean;
  /** The gazetteer indexes of the countries a demonym ("Russian", "Sri Lankans") names. */
  demonym(word: string): number[];
}

export interface BroadMention {
  /** Offsets into the original text, end exclusive. */
  start: number;
  end: number;
  /** The original text at [start, end). */
  text: string;
  place: BroadPlace;
  /** 'demonym' for "Russian" (a mention of Russia), else 'name'. */
  form: 'name' | 'demonym';
  confidence: number;
  /** Other places the name could have meant. */
  rivals: number;
  /** What decided between them (see the order above); 'only' when the name has one place. */
  by: Evidence;
  /** The gazetteer indexes of every place the name could mean. */
  candidates: readonly number[];
}

/**
 * A name that matched no place, where the text speaks of a place: a run of capitalised words
 * after "in", "at", "near", "from" (and a few more: UNMATCHED_CUES), or before ", <state or
 * country>" ("Smallville, Kansas"), which no gazetteer entry names and no word list tells for a
 * person's name, an organisation's, a month or a common word. Offsets into the original text.
 */
export interface UnmatchedSpan {
  start: number;
  end: number;
  text: string;
}

export type Evidence = 'only' | 'pattern' | 'discourse' | 'geography' | 'type' | 'population' | 'none';

interface Token {
  start: number;
  end: number;
  text: string;
  cap: boolean;
}

/**
 * Words joined by dots or apostrophes ("U.S.", "O'Hare"), with a full stop of an abbreviation:
 * what tokenize finds (without this expression: it is the definition the tests hold it to).
 */
export const TOKEN = /[\p{L}\p{N}]+(?:[.'][\p{L}\p{N}]+)*\.?/gu;
/** Lower-case words that may stand inside a name ("Stratford upon Avon", "Isle of Man"). */
const CONNECTORS = new Set(['of', 'de', 'la', 'le', 'du', 'del', 'upon', 'on', 'the', 'da', 'el', 'and']);
/** Words before a name that make it a place ("in Reading", "from Mobile"). */
const PLACE_CUES = new Set([
  'in',
  'at',
  'from',
  'to',
  'near',
  'outside',
  'across',
  'around',
  'toward',
  'towards',
  'into',
  'via',
  'through',
  'throughout',
  'visited',
  'visit',
]);
/** Words before a name that matched nothing that make it a place the gazetteer lacks (PLACE_CUES less "to", "into", "visit"…: "to Smith"). */
const UNMATCHED_CUES = new Set(['in', 'at', 'near', 'from', 'outside', 'around', 'via', 'throughout']);
/** Last words of an institution's name ("at Westfield High School"), not a place's. */
const INSTITUTION = new Set([
  'school',
  'university',
  'college',
  'academy',
  'hospital',
  'church',
  'center',
  'centre',
  'company',
  'inc',
  'corp',
  'club',
  'museum',
  'library',
  'department',
  'council',
  'court',
  'hall',
]);
/** Words of an event's name, not a place's ("World War II", "Memorial Day"). */
const EVENTS = new Set(['war', 'day', 'games', 'olympics', 'cup', 'festival', 'week']);
/** Words after a person's name that make it one ("Ripley said"). */
const SPEECH = new Set(['said', 'says', 'told', 'added', 'wrote', 'asked', 'explained', 'noted', 'stated']);
/** The longest word of each set (a token longer than that is none of its words). */
const longest = (set: ReadonlySet<string>) => Math.max(...[...set].map((w) => w.length));
const CONNECTOR_MAX = longest(CONNECTORS);
const PLACE_CUE_MAX = longest(PLACE_CUES);
const SPEECH_MAX = longest(SPEECH);
const MAX_TOKENS = 6;
/** An age after a name: ", 24," or ", a 17-year-old" (a literal search, then the word before). */
const AGE_AFTER = /, (?:\d{1,3},|an? \d{1,3}-year-old)/g;
const WORD_BEFORE = /(?:^|[^\p{L}'’-])(\p{Lu}[\p{Ll}'’]+)$/u;
/** Weight of a place's prominence, log10 of its population, against the text's votes. */
const PRIOR_WEIGHT = 1;
const RANK: Record<BroadKind, number> = {
  continent: 0,
  country: 1,
  admin1: 2,
  region: 3,
  water: 3,
  mountains: 3,
  lake: 3,
  river: 3,
  capital: 4,
  admin2: 5,
  city: 6,
};
/** Places that outrank a town of the same name: continents, countries, states, seas, regions, ranges, rivers. */
const isLarge = (kind: BroadKind) => RANK[kind] <= 3;

/**
 * The TOKEN matches of `text` (a hand-written scanner that finds exactly what matchAll(TOKEN)
 * finds, without a regular expression per character), each with the full stop that is an
 * abbreviation's only.
 */
export function tokenize(text: string): Token[] {
  const { count, start, end, cap } = scanTokens(text);
  const out: Token[] = [];
  for (let k = 0; k < count; k++) {
    out.push({ start: start[k]!, end: end[k]!, text: text.slice(start[k], end[k]), cap: cap[k] === 1 });
  }
  return out;
}

/** Tokens as columns (what tokenize finds, without an object or a string per token). */
interface Tokens {
  count: number;
  start: Int32Array;
  end: Int32Array;
  /** 1 where the token starts with a capital. */
  cap: Uint8Array;
}

function scanTokens(text: string): Tokens {
  let capacity = (text.length >> 3) + 16;
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let caps = new Uint8Array(capacity);
  let count = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    // ASCII letters and digits from a table, here (most of a text), the rest by wordCharLength.
    let ch = text.charCodeAt(i);
    let w = ch < 128 ? ASCII_WORD[ch]! : wordCharLength(text, i);
    if (w === 0) {
      i++;
      continue;
    }
    const start = i;
    i += w;
    i = wordEnd(text, i);
    // (?:[.'][\p{L}\p{N}]+)*
    for (;;) {
      ch = text.charCodeAt(i);
      if ((ch !== DOT && ch !== APOSTROPHE) || (w = wordCharLength(text, i + 1)) === 0) break;
      i = wordEnd(text, i + 1 + w);
    }
    let end = i;
    if (text.charCodeAt(i) === DOT) {
      i++;
      // The full stop is the token's only in an abbreviation: "U.S.", "St.", "Mich." (capitalised, short).
      if (
        hasDot(text, start, i - 3) || // /\..+\.$/: a dot before the last but one character
        (i - start <= ABBREVIATION_MAX && isAbbreviation(text, start, i))
      )
        end = i;
    }
    const c = text.charCodeAt(start);
    let cap: boolean;
    if (c < 128) cap = c >= 65 && c <= 90;
    else {
      const first = text[start]!;
      cap = first !== first.toLowerCase();
    }
    if (count === capacity) {
      capacity *= 2;
      const s = new Int32Array(capacity);
      const e = new Int32Array(capacity);
      const k = new Uint8Array(capacity);
      s.set(starts);
      e.set(ends);
      k.set(caps);
      starts = s;
      ends = e;
      caps = k;
    }
    starts[count] = start;
    ends[count] = end;
    caps[count] = cap ? 1 : 0;
    count++;
  }
  return { count, start: starts, end: ends, cap: caps };
}

/** The end of the run of word characters (letters and digits) from i. */
function wordEnd(text: string, i: number): number {
  for (;;) {
    const ch = text.charCodeAt(i);
    if (ch < 128) {
      if (ASCII_WORD[ch] === 0) return i;
      i++;
    } else {
      const w = wordCharLength(text, i); // 0 past the end (NaN)
      if (w === 0) return i;
      i += w;
    }
  }
}

/** A full stop in text[from, to] (to included). */
function hasDot(text: string, from: number, to: number): boolean {
  for (let k = to; k >= from; k--) if (text.charCodeAt(k) === DOT) return true;
  return false;
}

/** ASCII letters and digits: 1 (what wordCharLength says of them). */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = wordCharLength(String.fromCharCode(c), 0);

/**
 * ABBREVIATION.test(s.slice(from, to)), answered without the slice for plain ASCII (a capital,
 * up to three small letters and the full stop: what \p{Lu} and \p{Ll} are in ASCII).
 */
function isAbbreviation(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (s.charCodeAt(k) >= 128) return ABBREVIATION.test(s.slice(from, to));
  const n = to - from;
  if (n < 2 || n > 5 || s.charCodeAt(to - 1) !== DOT) return false;
  const first = s.charCodeAt(from);
  if (first < 65 || first > 90) return false;
  for (let k = from + 1; k < to - 1; k++) {
    const c = s.charCodeAt(k);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/**
 * The words of `text` written in lower case (its tokens that start with no capital), each as
 * its lower case: a set asked whether it holds a word. Plain ASCII words without a capital
 * (most) are kept as offsets in a hash table of their own, not as strings; the rest as their
 * toLowerCase. It answers for words of LOWER_MIN characters or more (no shorter one is asked).
 */
function lowerWords(text: string, tokens: Tokens): (word: string) => boolean {
  const { count, start, end, cap } = tokens;
  // Sized for the distinct words, not the tokens (a text repeats its words): a small table
  // stays in the processor's cache. It doubles when half full.
  let size = 1024;
  let mask = size - 1;
  let slot = new Int32Array(size).fill(-1); // a token index, or -1
  let hashOf = new Int32Array(size);
  let distinct = 0;
  const others = new Set<string>();
  const put = (k: number, h: number) => {
    let s = h & mask;
    while (slot[s]! >= 0) s = (s + 1) & mask;
    slot[s] = k;
    hashOf[s] = h;
  };
  for (let k = 0; k < count; k++) {
    if (cap[k] === 1) continue;
    const from = start[k]!;
    const to = end[k]!;
    if (to - from < LOWER_MIN && isPlain(text, from, to)) continue; // never asked about
    let h = FNV_OFFSET;
    let plain = true;
    for (let j = from; j < to; j++) {
      const c = text.charCodeAt(j);
      if (c >= 128 || (c >= 65 && c <= 90)) {
        plain = false;
        break;
      }
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    if (!plain) {
      others.add(text.slice(from, to).toLowerCase());
      continue;
    }
    let s = h & mask;
    let known = false;
    for (let t = slot[s]!; t >= 0; s = (s + 1) & mask, t = slot[s]!) {
      if (
        hashOf[s] === h &&
        end[t]! - start[t]! === to - from &&
        sameChars(text, start[t]!, from, to - from)
      ) {
        known = true;
        break;
      }
    }
    if (known) continue;
    slot[s] = k;
    hashOf[s] = h;
    if (++distinct * 2 > size) {
      const oldSlot = slot;
      const oldHash = hashOf;
      size *= 2;
      mask = size - 1;
      slot = new Int32Array(size).fill(-1);
      hashOf = new Int32Array(size);
      for (let q = 0; q < oldSlot.length; q++) if (oldSlot[q]! >= 0) put(oldSlot[q]!, oldHash[q]!);
    }
  }
  return (word) => {
    if (others.has(word)) return true;
    if (word.length < LOWER_MIN) return false;
    let h = FNV_OFFSET;
    for (let j = 0; j < word.length; j++) h = Math.imul(h ^ word.charCodeAt(j), FNV_PRIME);
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const t = slot[s]!;
      if (t < 0) return false;
      if (hashOf[s] === h && end[t]! - start[t]! === word.length && text.startsWith(word, start[t]!))
        return true;
    }
  };
}

/**
 * lowerWords is asked about words of this many characters or more: a shorter one is never a
 * place on its own (singleWordAllowed), so the shorter plain words ("of", "in") are not kept.
 */
const LOWER_MIN = 3;

/** text[from, to) is ASCII without capitals. */
function isPlain(text: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c >= 128 || (c >= 65 && c <= 90)) return false;
  }
  return true;
}

/** True when text[a, a + n) and text[b, b + n) are the same code units. */
function sameChars(text: string, a: number, b: number, n: number): boolean {
  for (let j = 0; j < n; j++) if (text.charCodeAt(a + j) !== text.charCodeAt(b + j)) return false;
  return true;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

const DOT = 46;
const APOSTROPHE = 39;
const SPACE = 32;
const HYPHEN = 45;
const COMMA = 44;
/** A capitalised short word with its full stop ("St.", "Mich."). */
const ABBREVIATION = /^\p{Lu}\p{Ll}{0,3}\.$/u;
/** The longest ABBREVIATION in code units: four astral letters and the dot. */
const ABBREVIATION_MAX = 9;

interface Span {
  start: number;
  end: number;
  candidates: number[];
  form: 'name' | 'demonym';
  /** Index of the span's last token. */
  last: number;
}

/**
 * The place mentions of `text`, in text order.
 *
 * @example findBroadMentions('Flooding in Paris, Texas.', g, lex).map((m) => m.place.admin1) // ['TX', …]
 */
export function findBroadMentions(
  text: string,
  g: BroadGazetteer,
  lex: Lexicon,
  /** The text's stories (offsets into `text`): each is a discourse of its own for 2. and 3. */
  units: readonly { start: number; end: number }[] = [],
  /** When given, the names that matched no place where a place stands are added to it (UnmatchedSpan). */
  unmatched?: UnmatchedSpan[],
): BroadMention[] {
  // Names and places are looked up again and again (a story names its towns often): once each.
  const looked = new Map<string, number[]>();
  const lookup = (name: string) => {
    let found = looked.get(name);
    if (!found) looked.set(name, (found = g.lookup(name)));
    return found;
  };
  const made = new Map<number, BroadPlace>();
  const place = (i: number) => {
    let p = made.get(i);
    if (!p) made.set(i, (p = g.place(i)));
    return p;
  };
  const { text: c, map } = compactText(normalizeText(text));
  const back = (k: number) => (map ? (k < map.length ? map[k]! : text.length) : k);
  const tokens = scanTokens(c);
  const { count, start: ts, end: te, cap: tc } = tokens;
  /** Token k's text. */
  const textOf = (k: number) => c.slice(ts[k], te[k]);
  const lowerHere = lowerWords(c, tokens);
  // What the finder asks of a token's word, worked out once per word (a text repeats its words).
  const words = new Map<string, Word>();
  const wordList: Word[] = [];
  /** Token k's word: wordList[wordAt[k] - 1], or 0 before it is asked for. */
  const wordAt = new Int32Array(count);
  const wordOf = (k: number): Word => {
    const at = wordAt[k]!;
    if (at > 0) return wordList[at - 1]!;
    const t = textOf(k);
    let w = words.get(t);
    if (!w) {
      w = {
        id: 0,
        text: t,
        lower: t.toLowerCase(),
        firstName: lex.isFirstName(t.toLowerCase()),
        honorific: lex.isHonorific(t.replace(/\.$/, '').toLowerCase()),
        places: null,
        trimmed: null,
        bySpace: null,
        byHyphen: null,
        demonym: null,
        pairs: null,
      };
      words.set(t, w);
      wordList.push(w);
      w.id = wordList.length;
    }
    wordAt[k] = w.id;
    return w;
  };
  const placesOf = (w: Word) => (w.places ??= lookup(w.text));
  const kindsOf = (cands: number[]) => cands.map((i) => place(i).kind);
  /** A town named `inner` lies in a state or country named `outer` ("Augusta Georgia", "Paris Texas"). */
  const liesInMemo = new Map<string, boolean>();
  const liesIn = (inner: string, outer: string) => {
    const key = `${inner}\u0000${outer}`;
    let known = liesInMemo.get(key);
    if (known === undefined) liesInMemo.set(key, (known = liesInUncached(inner, outer)));
    return known;
  };
  const liesInUncached = (inner: string, outer: string) => {
    const holders = lookup(outer)
      .map(place)
      .filter((h) => h.kind === 'admin1' || h.kind === 'country');
    return (
      holders.length > 0 &&
      lookup(inner).some((i) => {
        const p = place(i);
        return (
          !isLarge(p.kind) &&
          holders.some((h) => h.country === p.country && (h.kind === 'country' || h.admin1 === p.admin1))
        );
      })
    );
  };
  // Surnames of this text: capitalised words after a first name or a title ("John Ripley").
  const surnames = new Set<string>();
  for (let k = 1; k < count; k++) {
    if (tc[k] === 0 || tc[k - 1] === 0 || !spaceOrDotSpace(k - 1, k)) continue;
    const a = wordOf(k - 1);
    if (a.honorific || (a.firstName && !liesIn(a.text, wordOf(k).text))) surnames.add(wordOf(k).lower);
  }
  // And a name given an age, as news writes people: "Kijuan McDonald, 24, of Archer", "Jordan
  // Dyer, a 17-year-old".
  for (const m of c.matchAll(AGE_AFTER)) {
    const word = WORD_BEFORE.exec(c.slice(Math.max(0, m.index - 40), m.index));
    if (word && lookup(word[1]!).length > 0) surnames.add(word[1]!.toLowerCase());
  }
  /** The text between tokens a and b. */
  const gap = (a: number, b: number) => c.slice(te[a], ts[b]);
  /** gap(a, b) is " " (so tested without a slice). */
  const oneSpace = (a: number, b: number) => ts[b]! - te[a]! === 1 && c.charCodeAt(te[a]!) === SPACE;
  /** gap(a, b) matches /^\.? $/: a space, or a full stop and a space. */
  function spaceOrDotSpace(a: number, b: number) {
    const d = ts[b]! - te[a]!;
    return c.charCodeAt(ts[b]! - 1) === SPACE && (d === 1 || (d === 2 && c.charCodeAt(te[a]!) === DOT));
  }
  /** gap(a, b) is ", ". */
  const commaSpace = (a: number, b: number) =>
    ts[b]! - te[a]! === 2 && c.charCodeAt(te[a]!) === COMMA && c.charCodeAt(te[a]! + 1) === SPACE;
  /** Token k is one of `set`'s words (none longer than `longest`), sliced only when it may be. */
  const isOneOf = (k: number, set: ReadonlySet<string>, longest: number) =>
    te[k]! - ts[k]! <= longest && set.has(textOf(k));

  // What singleWordAllowed asks of a word whatever its context, once per word.
  const singles = new Map<string, Single>();
  const singleOf = (surface: string, candidates: number[]): Single => {
    let s = singles.get(surface);
    if (!s) {
      const lower = surface.toLowerCase();
      const letters = surface.replace(/\./g, '').length;
      // Letters of an organisation or country ("KBR", "US"); a longer word in capitals is a
      // dateline's name ("CHARLESTON").
      const acronym = letters <= 4 && surface.length > 1 && surface === surface.toUpperCase();
      s = {
        lower,
        acronym,
        large: kindsOf(candidates).some(isLarge),
        tooShort: letters < 3 && !acronym,
        calendarOrTitle: lex.isCalendar(lower) || lex.isHonorific(lower.replace(/\.$/, '')),
        // (asked only where it counts: a word shorter than LOWER_MIN is tooShort or an acronym)
        lowerHere: lowerHere(lower),
        firstName: lex.isFirstName(lower),
        personName: lex.isPersonName(lower),
        common: lex.isCommon(lower),
        otherName: lex.isOtherName(lower),
        surname: surnames.has(lower),
      };
      singles.set(surface, s);
    }
    return s;
  };

  /** longestName's phrases, one array for every call. */
  const phrasesAt: Phrase[] = [];
  const spans: Span[] = [];
  /** Unmatched names found at tokens with no span, in text order (see UnmatchedSpan). */
  const missed: { start: number; end: number }[] = [];
  /** The other runs of capitalised words at tokens with no span (unmatched where a place stands elsewhere?). */
  const others: { start: number; end: number }[] = [];
  for (let i = 0; i < count; i++) {
    if (tc[i] === 0) continue;
    const span = longestName(i) ?? demonymAt(i);
    if (!span) {
      if (unmatched) unmatchedAt(i);
      continue;
    }
    // A first name or a title before it in the same name makes it a person's ("Abraham Lincoln",
    // "Michael Jordan"), unless that first name is a town of the state or country it names
    // ("Augusta Georgia").
    let ofPerson = false;
    if (i > 0 && spaceOrDotSpace(i - 1, i)) {
      const prev = wordOf(i - 1);
      ofPerson = (prev.firstName || prev.honorific) && !liesIn(prev.text, c.slice(ts[i], span.end));
    }
    if (!ofPerson) spans.push(span);
    i = span.last;
  }

  /** Notes the unmatched name starting at capitalised token i, if one does (cheap tests first). */
  function unmatchedAt(i: number) {
    // The first word of its run: not the second word of a longer name ("Foo Bar, Kansas").
    if (i > 0 && tc[i - 1] !== 0 && /^[ -]$/.test(gap(i - 1, i))) return;
    let last = i;
    while (last - i + 1 < MAX_TOKENS && last + 1 < count) {
      const next = last + 1;
      const ch = c.charCodeAt(ts[next]! - 1);
      if (ts[next]! - te[last]! !== 1 || (ch !== SPACE && ch !== HYPHEN) || tc[next] === 0) break;
      last++;
    }
    const after = last + 1 < count ? last + 1 : -1;
    const cue = i > 0 && tc[i - 1] === 0 && oneSpace(i - 1, i) && UNMATCHED_CUES.has(textOf(i - 1));
    const regionAfter =
      !cue &&
      after >= 0 &&
      tc[after] !== 0 &&
      commaSpace(last, after) &&
      kindsOf(lookup(textOf(after))).some((k) => k === 'admin1' || k === 'country');
    const runEnd = () => {
      let end = te[last]!;
      const lastText = textOf(last);
      if (/['’]s$/i.test(lastText)) end -= 2;
      else if (c.charCodeAt(end - 1) === DOT && lastText.indexOf('.') === lastText.length - 1) end -= 1; // a sentence's full stop, not "U.S."'s
      return end;
    };
    if (!cue && !regionAfter) {
      // Kept in case the name is unmatched where a place stands elsewhere in the text.
      others.push({ start: ts[i]!, end: runEnd() });
      return;
    }
    const words: string[] = [];
    for (let k = i; k <= last; k++) words.push(textOf(k).replace(/\.$/, '').toLowerCase());
    const first = words[0]!;
    if (first === 'the' || lex.isCalendar(first) || lex.isHonorific(first)) return;
    if (words.some((w) => lex.isOtherName(w)) || INSTITUTION.has(words[words.length - 1]!)) return;
    if (after >= 0 && oneSpace(last, after) && SPEECH.has(textOf(after))) return;
    // A first name before another word is a person's ("in John Smith's", "from Congressman Jim Moran").
    if (words.slice(0, -1).some((w) => lex.isFirstName(w))) return;
    if (words.some((w) => EVENTS.has(w))) return; // "in World War II"
    if (words.length === 1) {
      const letters = textOf(i).replace(/\./g, '');
      if (letters.length < 3 || letters === letters.toUpperCase()) return; // "at IBM"
      if (lex.isCommon(first) || lex.isPersonName(first) || surnames.has(first) || lowerHere(first)) return;
    }
    missed.push({ start: ts[i]!, end: runEnd() });
  }

  /** The longest name in the gazetteer starting at token i, if the context allows it. */
  function longestName(i: number): Span | null {
    const from = ts[i]!;
    // The tokens from i joined into one run by a space or a hyphen each, each capitalised or a
    // connector: a name of n tokens must lie within it.
    let run = 1;
    for (let k = i; run < MAX_TOKENS && k + 1 < count; k++, run++) {
      const next = k + 1;
      const d = ts[next]! - te[k]!;
      const ch = c.charCodeAt(ts[next]! - 1);
      if (
        d !== 1 ||
        (ch !== SPACE && ch !== HYPHEN) ||
        !(tc[next] === 1 || isOneOf(next, CONNECTORS, CONNECTOR_MAX))
      )
        break;
    }
    // The phrases of 1 to run words from i (each gap is one space or hyphen: run says so).
    const phrases = phrasesAt;
    phrases[0] = wordOf(i);
    for (let m = 1; m < run; m++) {
      const before = phrases[m - 1]!;
      const byGap =
        c.charCodeAt(ts[i + m]! - 1) === SPACE
          ? (before.bySpace ??= new Map<Word, Phrase>())
          : (before.byHyphen ??= new Map<Word, Phrase>());
      const w = wordOf(i + m);
      let p = byGap.get(w);
      if (!p) byGap.set(w, (p = { places: null, trimmed: null, bySpace: null, byHyphen: null }));
      phrases[m] = p;
    }
    for (let n = run; n >= 1; n--) {
      const last = i + n - 1;
      if (tc[last] === 0) continue;
      const lastEnd = te[last]!;
      let end = lastEnd;
      const phrase = phrases[n - 1]!;
      let candidates = (phrase.places ??= lookup(c.slice(from, end)));
      if (candidates.length === 0 && endsWithApostropheS(c, ts[last]!, lastEnd)) {
        end -= 2; // "Ohio's"
        candidates = phrase.trimmed ??= lookup(c.slice(from, end));
      }
      if (candidates.length === 0 && c.charCodeAt(lastEnd - 1) === DOT && lastEnd - ts[last]! > 4) {
        end -= 1; // a full stop read as an abbreviation's: "in Iraq."
        candidates = phrase.trimmed ??= lookup(c.slice(from, end));
      }
      if (candidates.length === 0) continue;
      if (n === 1 && !singleWordAllowed(i, end === lastEnd ? wordOf(i).text : c.slice(from, end), candidates))
        return null;
      return { start: from, end, candidates, form: 'name', last };
    }
    return null;
  }

  /** A single capitalised word is a place only when nothing says it is a common word or a person. */
  function singleWordAllowed(i: number, surface: string, candidates: number[]): boolean {
    const w = singleOf(surface, candidates);
    const { acronym, large } = w;
    if (w.tooShort) return false;
    if (w.calendarOrTitle) return false;
    // A word this text also writes in lower case is a word here ("mission", "us").
    if (w.lowerHere && !acronym && !large) return false;
    const next = i + 1 < count ? i + 1 : -1;
    const before = i - 1;
    // A first name before a capitalised word is a person's ("Michael Jordan"), unless it is a
    // town of the state or country that word names ("Augusta Georgia").
    if (
      w.firstName &&
      next >= 0 &&
      tc[next] === 1 &&
      oneSpace(i, next) &&
      !liesIn(surface, wordOf(next).text)
    )
      return false;
    // A country or region that is also a common word ("Turkey", "the West"): where a place
    // stands, or capitalised inside a sentence.
    // A common word that starts a longer capitalised name is part of that name ("South Arlington").
    const startsName = next >= 0 && tc[next] === 1 && oneSpace(i, next);
    /** A person who speaks ("Ripley said"). */
    const speaks = () => next >= 0 && oneSpace(i, next) && isOneOf(next, SPEECH, SPEECH_MAX);
    if (large) {
      // A country or state named like a person who is one in this text ("Michael Jordan …
      // Jordan scored", "Jordan said"), only where a place stands ("in Jordan").
      const person = w.surname || (w.personName && speaks());
      if (person) return placeContext(i);
      if (!w.common || acronym) return true; // "US" is no "us"
      if (startsName) return false;
      const inside =
        before >= 0 &&
        tc[before] === 0 &&
        !(te[before]! - ts[before]! === 3 && textOf(before) === 'the') &&
        !/[.!?]/.test(gap(before, i));
      return inside || placeContext(i);
    }
    if (speaks()) return false;
    const doubtful =
      acronym || // an organisation's letters ("KBR"), unless a country or region
      w.surname ||
      w.common ||
      w.personName ||
      w.otherName;
    if (!doubtful) return true;
    if (startsName && w.common) return false;
    // A word of a longer name that is no place ("Medical Center", "Sheriff Dyer").
    if (before >= 0 && tc[before] === 1 && oneSpace(before, i)) return false;
    return placeContext(i);
  }

  /** Words around token i that make it a place: "in X", "X, State", "City, X". */
  function placeContext(i: number): boolean {
    const before = i - 1;
    const next = i + 1 < count ? i + 1 : -1;
    const cue = before >= 0 && tc[before] === 0 && isOneOf(before, PLACE_CUES, PLACE_CUE_MAX);
    const afterPlace =
      before >= 0 &&
      commaSpace(before, i) &&
      spans[spans.length - 1]?.end === te[before] &&
      kindsOf(lookup(textOf(i))).some((k) => k === 'admin1' || k === 'country');
    if (afterPlace) return true;
    const regionAfter =
      next >= 0 &&
      commaSpace(i, next) &&
      tc[next] === 1 &&
      kindsOf(placesOf(wordOf(next))).some((k) => k === 'admin1' || k === 'country');
    // "Florence Alabama": a town before the state that holds it, without the comma.
    const ownRegionAfter =
      next >= 0 && tc[next] === 1 && oneSpace(i, next) && liesIn(textOf(i), wordOf(next).text);
    return cue || regionAfter || ownRegionAfter;
  }

  /** A demonym of one or two words at token i ("Russian", "Sri Lankan"). */
  function demonymAt(i: number): Span | null {
    if (i + 2 <= count && oneSpace(i, i + 1) && tc[i + 1] === 1) {
      const pairs = (wordOf(i).pairs ??= new Map<Word, number[]>());
      const second = wordOf(i + 1);
      let countries = pairs.get(second);
      if (!countries) pairs.set(second, (countries = lex.demonym(c.slice(ts[i], te[i + 1]))));
      if (countries.length > 0) {
        return { start: ts[i]!, end: te[i + 1]!, candidates: countries, form: 'demonym', last: i + 1 };
      }
    }
    const w = wordOf(i);
    const countries = (w.demonym ??= lex.demonym(w.text));
    if (countries.length > 0)
      return { start: ts[i]!, end: te[i]!, candidates: countries, form: 'demonym', last: i };
    return null;
  }

  if (unmatched && missed.length > 0) {
    // Every other mention of an unmatched name, written the same, is one too ("Crews from
    // Quibbletown came. Quibbletown sent more."), in text order among them.
    const names = new Set(missed.map((m) => c.slice(m.start, m.end)));
    const same = others.filter((m) => names.has(c.slice(m.start, m.end)));
    if (same.length) {
      const all = [...missed, ...same].sort((a, b) => a.start - b.start);
      missed.length = 0;
      for (const m of all) missed.push(m);
    }
  }
  if (unmatched) {
    // A name of a span found further on is no unmatched name ("in Greater London": London).
    let k = 0;
    for (const m of missed) {
      while (k < spans.length && spans[k]!.end <= m.start) k++;
      if (k < spans.length && spans[k]!.start < m.end) continue;
      const start = back(m.start);
      const end = back(m.end - 1) + 1;
      unmatched.push({ start, end, text: text.slice(start, end) });
    }
  }

  // Resolution.
  // The discourse unit (story) of each span.
  const unit = new Int32Array(spans.length);
  {
    let u = 0;
    spans.forEach((sp, k) => {
      const at = back(sp.start);
      while (u < units.length && units[u]!.end <= at) u++;
      unit[k] = u;
    });
  }
  // Each span's name (its text in lower case) as a number, the same in every unit.
  const nameIds = new Map<string, number>();
  const name = new Int32Array(spans.length);
  spans.forEach((sp, k) => {
    const surface = c.slice(sp.start, sp.end).toLowerCase();
    let id = nameIds.get(surface);
    if (id === undefined) nameIds.set(surface, (id = nameIds.size));
    name[k] = id;
  });
  /** Span k's name in its unit, as one number (the key of bySurface). */
  const nameInUnit = (k: number) => unit[k]! * nameIds.size + name[k]!;
  // What the votes need of a place, once per place: the numbers of its country and region (the
  // regions and countries a text names, numbered as met) and its prominence.
  const keyIds = new Map<string, number>();
  const keyOf = (key: string) => {
    let id = keyIds.get(key);
    if (id === undefined) keyIds.set(key, (id = keyIds.size));
    return id;
  };
  const facts = new Map<number, Facts>();
  const factsOf = (p: BroadPlace): Facts => {
    let f = facts.get(p.index);
    if (f === undefined) {
      const none = p.country === '';
      f = {
        country: none ? -1 : keyOf(p.country),
        region: keyOf(`${p.country}.${p.admin1}`),
        votesRegion: p.kind !== 'country' && p.kind !== 'continent',
        prior: PRIOR_WEIGHT * Math.log10(p.population + 1),
      };
      facts.set(p.index, f);
    }
    return f;
  };
  // The places that vote for their region and country in the unit being resolved: sums for the
  // unit (by key number), and for each of its names (so a name's own votes can be left out of
  // its score). Kept as sums, the scoring stays linear in the text however many names a story
  // has. A unit is resolved whole before the next: no vote crosses units.
  const sum: number[] = [];
  const touched: number[] = [];
  /** The unit's names: span k's is slot[name[k]] while slotUnit[name[k]] is the unit's. */
  const slot = new Int32Array(nameIds.size);
  const slotUnit = new Int32Array(nameIds.size).fill(-1);
  /** A name's votes: slot × KEY_SPAN + key → votes. */
  const own = new Map<number, number>();
  const addTo = (slotOf: number, key: number, weight: number) => {
    while (sum.length <= key) sum.push(0);
    if (sum[key] === 0) touched.push(key);
    sum[key]! += weight;
    const at = slotOf * KEY_SPAN + key;
    own.set(at, (own.get(at) ?? 0) + weight);
  };
  const vote = (k: number, place: BroadPlace, weight: number) => {
    const f = factsOf(place);
    if (f.country < 0) return;
    const s = slot[name[k]!]!;
    addTo(s, f.country, weight);
    if (f.votesRegion) addTo(s, f.region, weight);
  };
  const clearVotes = () => {
    for (const key of touched) sum[key] = 0;
    touched.length = 0;
    own.clear();
  };
  // Rounded: fractions of votes summed and taken away again must not break a tie.
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  /** The votes of the rest of the unit (names other than span k's) for key `key`. */
  const othersVotes = (k: number, key: number) =>
    round((sum[key] ?? 0) - (own.get(slot[name[k]!]! * KEY_SPAN + key) ?? 0));
  const chosen: (BroadPlace | null)[] = spans.map(() => null);
  const confidence: number[] = spans.map(() => 0);
  const by: Evidence[] = spans.map(() => 'none');
  const bySurface = new Map<number, BroadPlace>();
  /** Spans resolved by 1., and the places they vote for. */
  const settled: boolean[] = spans.map(() => false);
  const patternVotes: [number, BroadPlace][] = [];
  // 1. "City, State" and "City, Country".
  spans.forEach((s, k) => {
    const next = spans[k + 1];
    if (
      !next ||
      s.form !== 'name' ||
      next.start - s.end !== 2 ||
      c.charCodeAt(s.end) !== COMMA ||
      c.charCodeAt(s.end + 1) !== SPACE
    )
      return;
    const holders = next.candidates
      .map((i) => place(i))
      .filter((p) => p.kind === 'admin1' || p.kind === 'country');
    if (holders.length === 0) return;
    const inside = s.candidates
      .map((i) => place(i))
      .filter(
        (p) =>
          !isLarge(p.kind) &&
          holders.some((h) => h.country === p.country && (h.kind === 'country' || h.admin1 === p.admin1)),
      );
    if (inside.length === 0) return;
    inside.sort((a, b) => RANK[a.kind] - RANK[b.kind] || b.population - a.population);
    chosen[k] = inside[0]!;
    confidence[k] = 0.95;
    by[k] = inside.length === s.candidates.length ? 'only' : 'pattern';
    const holder = holders.find(
      (h) => h.country === inside[0]!.country && (h.kind === 'country' || h.admin1 === inside[0]!.admin1),
    )!;
    chosen[k + 1] = holder;
    confidence[k + 1] = 0.95;
    by[k + 1] = next.candidates.length === 1 ? 'only' : 'pattern';
    bySurface.set(nameInUnit(k), inside[0]!);
    settled[k] = settled[k + 1] = true;
    patternVotes.push([k, inside[0]!]);
  });
  // 3. The geography of the names with one place only, or one large place only (a state
  // name that is also a village's: "Texas").
  /** Span k's votes before anything is resolved: a share of one vote for each place of firstVotes. */
  const firstVote = (s: Span, k: number) => {
    const places = firstVotes(s.candidates);
    for (const p of places) vote(k, p, 1 / places.length);
  };
  /** The places a name's candidates vote for before anything is resolved, once per candidate list. */
  const firstVoteLists = new Map<readonly number[], BroadPlace[]>();
  const firstVotes = (candidates: readonly number[]): BroadPlace[] => {
    let list = firstVoteLists.get(candidates);
    if (list) return list;
    const large = candidates.map((i) => place(i)).filter((p) => isLarge(p.kind));
    if (candidates.length === 1) list = [place(candidates[0]!)];
    else if (large.length === 1) list = [large[0]!];
    else if (large.length === 0) {
      // An ambiguous name speaks a little for each region it could be in: the regions that
      // several names of the story share win ("Gainesville" and "Hall County").
      const byRegion = new Map<number, BroadPlace>();
      for (const i of candidates) {
        const p = place(i);
        byRegion.set(factsOf(p).region, p);
      }
      list = [...byRegion.values()];
    } else list = [];
    firstVoteLists.set(candidates, list);
    return list;
  };
  /** Resolves span k by 2. to 5., by the votes cast. */
  const decide = (s: Span, k: number) => {
    const known = bySurface.get(nameInUnit(k)); // 2. one sense per discourse
    if (known && s.candidates.includes(known.index)) {
      chosen[k] = known;
      confidence[k] = 0.9;
      by[k] = 'discourse';
      return;
    }
    const n = s.candidates.length;
    if (n === 1) {
      // No rival: nothing to weigh.
      chosen[k] = place(s.candidates[0]!);
      confidence[k] = s.form === 'demonym' ? 0.85 : 0.9;
      by[k] = 'only';
      return;
    }
    // Each candidate's votes and score worked out once, in arrays by candidate (not in the
    // sort's comparisons).
    const places: BroadPlace[] = new Array<BroadPlace>(n);
    const geo = new Float64Array(n);
    let local = false;
    for (let j = 0; j < n; j++) {
      const p = (places[j] = place(s.candidates[j]!));
      const f = factsOf(p);
      const country = f.country < 0 ? 0 : othersVotes(k, f.country);
      const region = f.country < 0 ? 0 : othersVotes(k, f.region);
      // A vote for the country counts 1, for the region 5 (the region's and its country's).
      geo[j] = country + 4 * region;
      // A large place comes before a town of its name, unless the text speaks of the town's
      // region (a whole name's worth of votes) and not at all of the large place ("Palestine"
      // in a story of Texas towns).
      if (!isLarge(p.kind) && region >= 1) local = true;
    }
    // Among towns, evidence against prominence: a vote of the text outweighs a place ten times
    // as populous (one name of the same region, five votes, outweighs 100,000 times), so
    // fractions of votes from ambiguous names do not carry a hamlet over a city. Large places
    // go by type before population ("Georgia": the country before the state).
    const score = new Float64Array(n);
    const order: number[] = [];
    for (let j = 0; j < n; j++) {
      const p = places[j]!;
      const large = isLarge(p.kind);
      score[j] = geo[j]! + (large && !(local && geo[j] === 0) ? 100 : 0) + (large ? 0 : factsOf(p).prior);
      order.push(j);
    }
    order.sort((a, b) => {
      const pa = places[a]!;
      const pb = places[b]!;
      return score[b]! - score[a]! || RANK[pa.kind] - RANK[pb.kind] || pb.population - pa.population;
    });
    // A city that is most of the region of its name is what the name means ("Vienna", "Moscow"),
    // and so is a country's capital named like one of its states, unless the text is about the
    // state ("Washington").
    const top = places[order[0]!]!;
    if (top.kind === 'admin1') {
      const at = order.findIndex((j) => {
        const p = places[j]!;
        return (
          p.country === top.country &&
          geo[j]! >= geo[order[0]!]! &&
          (p.kind === 'capital' ||
            (p.kind === 'city' && p.admin1 === top.admin1 && p.population >= top.population / 2))
        );
      });
      if (at > 0) order.unshift(...order.splice(at, 1));
    }
    // (A place listed twice has the same votes at both places.)
    const best = places[order[0]!]!;
    const rival = places[order[1]!]!;
    const bestGeo = geo[order[0]!]!;
    const rivalGeo = geo[order[1]!]!;
    chosen[k] = best;
    if (bestGeo > rivalGeo) {
      confidence[k] = 0.8;
      by[k] = 'geography';
    } else if (RANK[best.kind] < RANK[rival.kind]) {
      confidence[k] = 0.6;
      by[k] = 'type';
    } else if (best.population > 2 * rival.population) {
      confidence[k] = 0.6;
      by[k] = 'population';
    } else {
      confidence[k] = 0.35;
      by[k] = 'none';
    }
  };
  // Each unit resolved in turn: its spans are spans[from, to) (spans and units are in text order).
  let pattern = 0;
  /** The unit's "City, State" places, each a strong vote. */
  const votePatterns = (from: number, to: number) => {
    for (let q = pattern; q < patternVotes.length && patternVotes[q]![0] < to; q++) {
      const [k, p] = patternVotes[q]!;
      if (k >= from) vote(k, p, 3);
    }
  };
  /** Which span of a name (and form) in the unit was decided first: its slot × 2 + form. */
  let decided = new Int32Array(64);
  /**
   * Every span of the unit not resolved by 1., decided once per name: the spans of one name in
   * one unit have the same candidates and, their own votes left out, the same votes.
   */
  const decideAll = (from: number, to: number, slots: number) => {
    if (decided.length < 2 * slots) decided = new Int32Array(4 * slots);
    decided.fill(-1, 0, 2 * slots);
    for (let k = from; k < to; k++) {
      if (settled[k]) continue;
      const s = spans[k]!;
      const at = slot[name[k]!]! * 2 + (s.form === 'name' ? 0 : 1);
      const j = decided[at]!;
      if (j < 0) {
        decided[at] = k;
        decide(s, k);
      } else {
        chosen[k] = chosen[j]!;
        confidence[k] = confidence[j]!;
        by[k] = by[j]!;
      }
    }
  };
  for (let from = 0; from < spans.length;) {
    let to = from + 1;
    while (to < spans.length && unit[to] === unit[from]) to++;
    // The unit's names, numbered from 0.
    let slots = 0;
    for (let k = from; k < to; k++) {
      const id = name[k]!;
      if (slotUnit[id] !== from) {
        slotUnit[id] = from;
        slot[id] = slots++;
      }
    }
    votePatterns(from, to);
    for (let k = from; k < to; k++) if (!settled[k]) firstVote(spans[k]!, k);
    decideAll(from, to, slots);
    // Once more, each name resolved by the text voting wholly for its place, so names that agree
    // carry each other ("Portland, Bangor and Augusta" are all of Maine).
    clearVotes();
    votePatterns(from, to);
    for (let k = from; k < to; k++) {
      if (settled[k]) continue;
      if (by[k] === 'only' || by[k] === 'geography' || by[k] === 'discourse') vote(k, chosen[k]!, 1);
      else firstVote(spans[k]!, k);
    }
    decideAll(from, to, slots);
    clearVotes();
    while (pattern < patternVotes.length && patternVotes[pattern]![0] < to) pattern++;
    from = to;
  }
  return spans.map((s, k) => {
    const start = back(s.start);
    const end = back(s.end - 1) + 1;
    return {
      start,
      end,
      text: text.slice(start, end),
      place: chosen[k]!,
      form: s.form,
      confidence: confidence[k]!,
      rivals: s.candidates.length - 1,
      by: by[k]!,
      candidates: s.candidates,
    };
  });
}

/** A word of the text, with what the finder asks of it (see findBroadMentions' wordOf). */
interface Word extends Phrase {
  /** Its place in wordList, from 1. */
  id: number;
  text: string;
  lower: string;
  /** lex.isFirstName of its lower case. */
  firstName: boolean;
  /** lex.isHonorific of its lower case without a final full stop. */
  honorific: boolean;
  /** Its demonym's countries, once asked. */
  demonym: number[] | null;
  /** The countries of the demonym it makes with the word after it and a space, once asked. */
  pairs: Map<Word, number[]> | null;
}

/**
 * Words joined by single spaces or hyphens, as the finder meets them: a path of words from the
 * first word (a Word is the phrase of itself), so the places of a phrase are looked up once,
 * not cut out of the text again at every meeting.
 */
interface Phrase {
  /** Its places (lookup), once asked. */
  places: number[] | null;
  /** The places of it without a last "'s" or full stop (see longestName), once asked. */
  trimmed: number[] | null;
  /** The longer phrases: this one, a space or a hyphen, and the next word. */
  bySpace: Map<Word, Phrase> | null;
  byHyphen: Map<Word, Phrase> | null;
}

/** What singleWordAllowed asks of a one-word name whatever its context. */
interface Single {
  lower: string;
  acronym: boolean;
  large: boolean;
  tooShort: boolean;
  calendarOrTitle: boolean;
  lowerHere: boolean;
  firstName: boolean;
  personName: boolean;
  common: boolean;
  otherName: boolean;
  surname: boolean;
}

/** What the votes need of a place (see findBroadMentions' factsOf). */
interface Facts {
  /** Its country's key number, or -1 (a place of no country votes for nothing). */
  country: number;
  region: number;
  /** It votes for its region as well as its country (a country or continent only for its country). */
  votesRegion: boolean;
  prior: number;
}

/** More than the key numbers a text can have: a name's votes are kept at slot × KEY_SPAN + key. */
const KEY_SPAN = 1 << 20;

/** The text[from, to) ends with "'s" or "'S". */
function endsWithApostropheS(text: string, from: number, to: number): boolean {
  if (to - from < 2 || text.charCodeAt(to - 2) !== APOSTROPHE) return false;
  const s = text.charCodeAt(to - 1);
  return s === 115 || s === 83;
}
