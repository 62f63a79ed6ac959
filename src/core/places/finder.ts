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
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let w = wordCharLength(text, i);
    if (w === 0) {
      i++;
      continue;
    }
    const start = i;
    i += w;
    while ((w = wordCharLength(text, i)) > 0) i += w;
    // (?:[.'][\p{L}\p{N}]+)*
    for (;;) {
      const ch = text.charCodeAt(i);
      if ((ch !== DOT && ch !== APOSTROPHE) || (w = wordCharLength(text, i + 1)) === 0) break;
      i += 1 + w;
      while ((w = wordCharLength(text, i)) > 0) i += w;
    }
    let end = i;
    if (text.charCodeAt(i) === DOT) {
      i++;
      // The full stop is the token's only in an abbreviation: "U.S.", "St.", "Mich." (capitalised, short).
      if (
        text.lastIndexOf('.', i - 3) >= start || // /\..+\.$/: a dot before the last but one character
        (i - start <= ABBREVIATION_MAX && ABBREVIATION.test(text.slice(start, i)))
      )
        end = i;
    }
    const c = text.charCodeAt(start);
    const first = text[start]!;
    const cap = c < 128 ? c >= 65 && c <= 90 : first !== first.toLowerCase();
    out.push({ start, end, text: text.slice(start, end), cap });
  }
  return out;
}

/** True when s[from, to) is ASCII without capitals: its own lower case, so not lowered again. */
function isLowerAscii(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c >= 128 || (c >= 65 && c <= 90)) return false;
  }
  return true;
}

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
  const tokens = tokenize(c);
  const lowerHere = new Set<string>();
  for (const t of tokens) {
    if (!t.cap) lowerHere.add(isLowerAscii(c, t.start, t.end) ? t.text : t.text.toLowerCase());
  }
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
  for (let k = 1; k < tokens.length; k++) {
    const a = tokens[k - 1]!;
    const b = tokens[k]!;
    if (
      b.cap &&
      a.cap &&
      spaceOrDotSpace(a, b) &&
      (lex.isHonorific(a.text.replace(/\.$/, '').toLowerCase()) ||
        (lex.isFirstName(a.text.toLowerCase()) && !liesIn(a.text, b.text)))
    ) {
      surnames.add(b.text.toLowerCase());
    }
  }
  // And a name given an age, as news writes people: "Kijuan McDonald, 24, of Archer", "Jordan
  // Dyer, a 17-year-old".
  for (const m of c.matchAll(AGE_AFTER)) {
    const word = WORD_BEFORE.exec(c.slice(Math.max(0, m.index - 40), m.index));
    if (word && lookup(word[1]!).length > 0) surnames.add(word[1]!.toLowerCase());
  }
  const gap = (a: Token, b: Token) => c.slice(a.end, b.start);
  /** gap(a, b) is " " (so tested without a slice). */
  const oneSpace = (a: Token, b: Token) => b.start - a.end === 1 && c.charCodeAt(a.end) === SPACE;
  /** gap(a, b) matches /^\.? $/: a space, or a full stop and a space. */
  function spaceOrDotSpace(a: Token, b: Token) {
    const d = b.start - a.end;
    return c.charCodeAt(b.start - 1) === SPACE && (d === 1 || (d === 2 && c.charCodeAt(a.end) === DOT));
  }
  /** gap(a, b) is ", ". */
  const commaSpace = (a: Token, b: Token) =>
    b.start - a.end === 2 && c.charCodeAt(a.end) === COMMA && c.charCodeAt(a.end + 1) === SPACE;

  const spans: Span[] = [];
  /** Unmatched names found at tokens with no span, in text order (see UnmatchedSpan). */
  const missed: { start: number; end: number }[] = [];
  /** The other runs of capitalised words at tokens with no span (unmatched where a place stands elsewhere?). */
  const others: { start: number; end: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.cap) continue;
    const span = longestName(i) ?? demonymAt(i);
    if (!span) {
      if (unmatched) unmatchedAt(i);
      continue;
    }
    const prev = tokens[i - 1];
    // A first name or a title before it in the same name makes it a person's ("Abraham Lincoln",
    // "Michael Jordan"), unless that first name is a town of the state or country it names
    // ("Augusta Georgia").
    const ofPerson =
      prev !== undefined &&
      spaceOrDotSpace(prev, t) &&
      (lex.isFirstName(prev.text.toLowerCase()) ||
        lex.isHonorific(prev.text.replace(/\.$/, '').toLowerCase())) &&
      !liesIn(prev.text, c.slice(t.start, span.end));
    if (!ofPerson) spans.push(span);
    i = span.last;
  }

  /** The longest name in the gazetteer starting at token i, if the context allows it. */
  function longestName(i: number): Span | null {
    const t = tokens[i]!;
    // The tokens from i joined into one run by a space or a hyphen each, each capitalised or a
    // connector: a name of n tokens must lie within it.
    let run = 1;
    for (let k = i; run < MAX_TOKENS && k + 1 < tokens.length; k++, run++) {
      const next = tokens[k + 1]!;
      const d = next.start - tokens[k]!.end;
      const ch = c.charCodeAt(next.start - 1);
      if (d !== 1 || (ch !== SPACE && ch !== HYPHEN) || !(next.cap || CONNECTORS.has(next.text))) break;
    }
    for (let n = run; n >= 1; n--) {
      const last = tokens[i + n - 1]!;
      if (!last.cap) continue;
      let end = last.end;
      let candidates = lookup(c.slice(t.start, end));
      if (candidates.length === 0 && /'s$/i.test(last.text)) {
        end -= 2; // "Ohio's"
        candidates = lookup(c.slice(t.start, end));
      }
      if (candidates.length === 0 && last.text.endsWith('.') && last.text.length > 4) {
        end -= 1; // a full stop read as an abbreviation's: "in Iraq."
        candidates = lookup(c.slice(t.start, end));
      }
      if (candidates.length === 0) continue;
      if (n === 1 && !singleWordAllowed(i, c.slice(t.start, end), candidates)) return null;
      return { start: t.start, end, candidates, form: 'name', last: i + n - 1 };
    }
    return null;
  }

  /** A single capitalised word is a place only when nothing says it is a common word or a person. */
  function singleWordAllowed(i: number, surface: string, candidates: number[]): boolean {
    const lower = surface.toLowerCase();
    // Letters of an organisation or country ("KBR", "US"); a longer word in capitals is a
    // dateline's name ("CHARLESTON").
    const acronym =
      surface.replace(/\./g, '').length <= 4 && surface.length > 1 && surface === surface.toUpperCase();
    const large = kindsOf(candidates).some(isLarge);
    if (surface.replace(/\./g, '').length < 3 && !acronym) return false;
    if (lex.isCalendar(lower) || lex.isHonorific(lower.replace(/\.$/, ''))) return false;
    // A word this text also writes in lower case is a word here ("mission", "us").
    if (lowerHere.has(lower) && !acronym && !large) return false;
    const next = tokens[i + 1];
    const before = tokens[i - 1];
    // A first name before a capitalised word is a person's ("Michael Jordan"), unless it is a
    // town of the state or country that word names ("Augusta Georgia").
    if (lex.isFirstName(lower) && next?.cap && oneSpace(tokens[i]!, next) && !liesIn(surface, next.text))
      return false;
    // A country or region that is also a common word ("Turkey", "the West"): where a place
    // stands, or capitalised inside a sentence.
    // A common word that starts a longer capitalised name is part of that name ("South Arlington").
    const startsName = next !== undefined && next.cap && oneSpace(tokens[i]!, next);
    if (large) {
      // A country or state named like a person who is one in this text ("Michael Jordan …
      // Jordan scored", "Jordan said"), only where a place stands ("in Jordan").
      const person =
        surnames.has(lower) ||
        (lex.isPersonName(lower) &&
          next !== undefined &&
          oneSpace(tokens[i]!, next) &&
          SPEECH.has(next.text));
      if (person) return placeContext(i);
      if (!lex.isCommon(lower) || acronym) return true; // "US" is no "us"
      if (startsName) return false;
      const inside =
        before !== undefined &&
        !before.cap &&
        before.text !== 'the' &&
        !/[.!?]/.test(gap(before, tokens[i]!));
      return inside || placeContext(i);
    }
    // A person who speaks ("Ripley said").
    if (next && oneSpace(tokens[i]!, next) && SPEECH.has(next.text)) return false;
    const doubtful =
      acronym || // an organisation's letters ("KBR"), unless a country or region
      surnames.has(lower) ||
      lex.isCommon(lower) ||
      lex.isPersonName(lower) ||
      lex.isOtherName(lower);
    if (!doubtful) return true;
    if (startsName && lex.isCommon(lower)) return false;
    // A word of a longer name that is no place ("Medical Center", "Sheriff Dyer").
    if (before?.cap && oneSpace(before, tokens[i]!)) return false;
    return placeContext(i);
  }

  /** Words around token i that make it a place: "in X", "X, State", "City, X". */
  function placeContext(i: number): boolean {
    const before = tokens[i - 1];
    const next = tokens[i + 1];
    const cue = before !== undefined && !before.cap && PLACE_CUES.has(before.text);
    const afterPlace =
      before !== undefined &&
      commaSpace(before, tokens[i]!) &&
      spans[spans.length - 1]?.end === before.end &&
      kindsOf(lookup(c.slice(tokens[i]!.start, tokens[i]!.end))).some(
        (k) => k === 'admin1' || k === 'country',
      );
    if (afterPlace) return true;
    const regionAfter =
      next !== undefined &&
      commaSpace(tokens[i]!, next) &&
      next.cap &&
      kindsOf(lookup(next.text)).some((k) => k === 'admin1' || k === 'country');
    // "Florence Alabama": a town before the state that holds it, without the comma.
    const ownRegionAfter =
      next !== undefined && next.cap && oneSpace(tokens[i]!, next) && liesIn(tokens[i]!.text, next.text);
    return cue || regionAfter || ownRegionAfter;
  }

  /** A demonym of one or two words at token i ("Russian", "Sri Lankan"). */
  function demonymAt(i: number): Span | null {
    for (const n of [2, 1]) {
      if (i + n > tokens.length) continue;
      const last = tokens[i + n - 1]!;
      if (n === 2 && (!oneSpace(tokens[i]!, last) || !last.cap)) continue;
      const countries = lex.demonym(c.slice(tokens[i]!.start, last.end));
      if (countries.length > 0) {
        return {
          start: tokens[i]!.start,
          end: last.end,
          candidates: countries,
          form: 'demonym',
          last: i + n - 1,
        };
      }
    }
    return null;
  }

  /** Notes the unmatched name starting at capitalised token i, if one does (cheap tests first). */
  function unmatchedAt(i: number) {
    const t = tokens[i]!;
    const before = tokens[i - 1];
    // The first word of its run: not the second word of a longer name ("Foo Bar, Kansas").
    if (before?.cap && /^[ -]$/.test(gap(before, t))) return;
    let last = i;
    while (last - i + 1 < MAX_TOKENS && last + 1 < tokens.length) {
      const next = tokens[last + 1]!;
      const ch = c.charCodeAt(next.start - 1);
      if (next.start - tokens[last]!.end !== 1 || (ch !== SPACE && ch !== HYPHEN) || !next.cap) break;
      last++;
    }
    const after = tokens[last + 1];
    const cue = before !== undefined && !before.cap && oneSpace(before, t) && UNMATCHED_CUES.has(before.text);
    const regionAfter =
      !cue &&
      after !== undefined &&
      after.cap &&
      commaSpace(tokens[last]!, after) &&
      kindsOf(lookup(after.text)).some((k) => k === 'admin1' || k === 'country');
    const runEnd = () => {
      let end = tokens[last]!.end;
      const lastText = tokens[last]!.text;
      if (/['’]s$/i.test(lastText)) end -= 2;
      else if (c.charCodeAt(end - 1) === DOT && lastText.indexOf('.') === lastText.length - 1) end -= 1; // a sentence's full stop, not "U.S."'s
      return end;
    };
    if (!cue && !regionAfter) {
      // Kept in case the name is unmatched where a place stands elsewhere in the text.
      others.push({ start: t.start, end: runEnd() });
      return;
    }
    const words = tokens.slice(i, last + 1).map((w) => w.text.replace(/\.$/, '').toLowerCase());
    const first = words[0]!;
    if (first === 'the' || lex.isCalendar(first) || lex.isHonorific(first)) return;
    if (words.some((w) => lex.isOtherName(w)) || INSTITUTION.has(words[words.length - 1]!)) return;
    if (after && oneSpace(tokens[last]!, after) && SPEECH.has(after.text)) return;
    // A first name before another word is a person's ("in John Smith's", "from Congressman Jim Moran").
    if (words.slice(0, -1).some((w) => lex.isFirstName(w))) return;
    if (words.some((w) => EVENTS.has(w))) return; // "in World War II"
    if (words.length === 1) {
      const letters = t.text.replace(/\./g, '');
      if (letters.length < 3 || letters === letters.toUpperCase()) return; // "at IBM"
      if (lex.isCommon(first) || lex.isPersonName(first) || surnames.has(first) || lowerHere.has(first))
        return;
    }
    missed.push({ start: t.start, end: runEnd() });
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
  const unit: number[] = [];
  {
    let u = 0;
    for (const sp of spans) {
      const at = back(sp.start);
      while (u < units.length && units[u]!.end <= at) u++;
      unit.push(u);
    }
  }
  // The places that vote for their region and country in each unit: sums per unit, and per
  // unit and name (so a name's own votes can be left out of its score). Kept as sums, the
  // scoring stays linear in the text however many names a story has.
  const sums = new Map<string, Map<string, number>>(); // "unit" and "unit|name" → key → votes
  const surfaces = spans.map((sp) => c.slice(sp.start, sp.end).toLowerCase());
  // Each span's buckets: its unit's, and its unit's and name's (made once, not at every vote).
  const unitKeys = spans.map((_, k) => `${unit[k]}`);
  const nameKeys = spans.map((_, k) => `${unit[k]}|${surfaces[k]}`);
  // A place's region key, made once per place (votes ask for it again and again).
  const regions = new Map<number, string>();
  const regionOf = (p: BroadPlace) => {
    let key = regions.get(p.index);
    if (key === undefined) regions.set(p.index, (key = `${p.country}.${p.admin1}`));
    return key;
  };
  const addTo = (bucket: string, key: string, weight: number) => {
    let m = sums.get(bucket);
    if (!m) sums.set(bucket, (m = new Map()));
    m.set(key, (m.get(key) ?? 0) + weight);
  };
  const vote = (k: number, place: BroadPlace, weight: number) => {
    if (place.country === '') return;
    for (const bucket of [unitKeys[k]!, nameKeys[k]!]) {
      addTo(bucket, place.country, weight);
      if (place.kind !== 'country' && place.kind !== 'continent') addTo(bucket, regionOf(place), weight);
    }
  };
  /** A town's prominence against the text's votes: PRIOR_WEIGHT × log10 of its people, once per place. */
  const priors = new Map<number, number>();
  const priorOf = (p: BroadPlace) => {
    let x = priors.get(p.index);
    if (x === undefined) priors.set(p.index, (x = PRIOR_WEIGHT * Math.log10(p.population + 1)));
    return x;
  };
  /** The votes of the rest of the unit (names other than span k's) for p's country and region. */
  const votesFor = (k: number, p: BroadPlace) => {
    const all = sums.get(unitKeys[k]!);
    if (p.country === '' || !all) return { country: 0, region: 0 };
    const own = sums.get(nameKeys[k]!);
    const region = regionOf(p);
    // Rounded: fractions of votes summed and taken away again must not break a tie.
    const round = (x: number) => Math.round(x * 1e6) / 1e6;
    return {
      country: round((all.get(p.country) ?? 0) - (own?.get(p.country) ?? 0)),
      region: round((all.get(region) ?? 0) - (own?.get(region) ?? 0)),
    };
  };
  const chosen: (BroadPlace | null)[] = spans.map(() => null);
  const confidence: number[] = spans.map(() => 0);
  const by: Evidence[] = spans.map(() => 'none');
  const bySurface = new Map<string, BroadPlace>();
  /** Spans resolved by 1., and the places they vote for. */
  const settled: boolean[] = spans.map(() => false);
  const patternVotes: [number, BroadPlace][] = [];
  // 1. "City, State" and "City, Country".
  spans.forEach((s, k) => {
    const next = spans[k + 1];
    if (!next || s.form !== 'name' || c.slice(s.end, next.start) !== ', ') return;
    const holders = next.candidates
      .map((i) => place(i))
      .filter((p) => p.kind === 'admin1' || p.kind === 'country');
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
    bySurface.set(nameKeys[k]!, inside[0]!);
    settled[k] = settled[k + 1] = true;
    patternVotes.push([k, inside[0]!]);
  });
  // 3. The geography of the names with one place only, or one large place only (a state
  // name that is also a village's: "Texas").
  /** The votes of span k before anything is resolved. */
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
      const byRegion = new Map<string, BroadPlace>();
      for (const i of candidates) {
        const p = place(i);
        byRegion.set(regionOf(p), p);
      }
      list = [...byRegion.values()];
    } else list = [];
    firstVoteLists.set(candidates, list);
    return list;
  };
  /** Resolves span k by 2. to 5., by the votes cast. */
  const decide = (s: Span, k: number) => {
    const known = bySurface.get(nameKeys[k]!); // 2. one sense per discourse
    if (known && s.candidates.includes(known.index)) {
      chosen[k] = known;
      confidence[k] = 0.9;
      by[k] = 'discourse';
      return;
    }
    // Each candidate's votes and score worked out once, in arrays by candidate (not in the
    // sort's comparisons).
    const n = s.candidates.length;
    const places: BroadPlace[] = new Array(n);
    const geo = new Float64Array(n);
    let local = false;
    for (let j = 0; j < n; j++) {
      const p = (places[j] = place(s.candidates[j]!));
      const v = votesFor(k, p);
      // A vote for the country counts 1, for the region 5 (the region's and its country's).
      geo[j] = v.country + 4 * v.region;
      // A large place comes before a town of its name, unless the text speaks of the town's
      // region (a whole name's worth of votes) and not at all of the large place ("Palestine"
      // in a story of Texas towns).
      if (!isLarge(p.kind) && v.region >= 1) local = true;
    }
    // Among towns, evidence against prominence: a vote of the text outweighs a place ten times
    // as populous (one name of the same region, five votes, outweighs 100,000 times), so
    // fractions of votes from ambiguous names do not carry a hamlet over a city. Large places
    // go by type before population ("Georgia": the country before the state).
    const score = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const p = places[j]!;
      const large = isLarge(p.kind);
      score[j] = geo[j]! + (large && !(local && geo[j] === 0) ? 100 : 0) + (large ? 0 : priorOf(p));
    }
    const order = Array.from({ length: n }, (_, j) => j);
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
    const geography = (p: BroadPlace) => geo[places.indexOf(p)]!;
    const sorted = order.map((j) => places[j]!);
    const [best, rival] = sorted as [BroadPlace, BroadPlace | undefined];
    chosen[k] = best;
    if (!rival) {
      confidence[k] = s.form === 'demonym' ? 0.85 : 0.9;
      by[k] = 'only';
    } else if (geography(best) > geography(rival)) {
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
  const votePatterns = () => {
    for (const [k, p] of patternVotes) vote(k, p, 3);
  };
  /**
   * Every span not resolved by 1., decided once per name and unit: the spans of one name in one
   * unit have the same candidates and, their own votes left out, the same votes.
   */
  const decideAll = () => {
    const first = new Map<string, number>();
    spans.forEach((s, k) => {
      if (settled[k]) return;
      const key = `${s.form}|${nameKeys[k]}`;
      const j = first.get(key);
      if (j === undefined) {
        first.set(key, k);
        decide(s, k);
      } else {
        chosen[k] = chosen[j]!;
        confidence[k] = confidence[j]!;
        by[k] = by[j]!;
      }
    });
  };
  votePatterns();
  spans.forEach((s, k) => !settled[k] && firstVote(s, k));
  decideAll();
  // Once more, each name resolved by the text voting wholly for its place, so names that agree
  // carry each other ("Portland, Bangor and Augusta" are all of Maine).
  sums.clear();
  votePatterns();
  spans.forEach((s, k) => {
    if (settled[k]) return;
    if (by[k] === 'only' || by[k] === 'geography' || by[k] === 'discourse') vote(k, chosen[k]!, 1);
    else firstVote(s, k);
  });
  decideAll();
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
