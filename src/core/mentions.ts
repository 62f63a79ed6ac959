import { isLineBreak } from './lines';
import {
  compactText,
  isInvisible,
  isWordChar,
  isWordCharAt,
  isWordCharBefore,
  normalizeText,
} from './normalize';
import type { Gazetteer, Mention, Rule, Story } from './types';

/** A surface form the finder looks for, and what it means by default. */
interface Entry {
  /** Normalised surface form; a single space in it matches any run of spaces in the text. */
  surface: string;
  /** Default place, or null: the phrase is no place mention (unless a rule says otherwise). */
  placeId: string | null;
  /** Context rules for this surface form, longest context first. */
  rules: Context[];
}

/** A rule's context, normalised once like the text it is compared with. */
interface Context {
  before: string;
  after: string;
  resolvesTo: string | null;
}

export interface PlaceFinder {
  /**
   * Finds the place mentions in `text`, in text order, each assigned to its story. With
   * `snippets: false` the sentences are not looked for (each mention's snippet is its own
   * words): for a caller that works them out itself, as the broad geoparser does.
   */
  findMentions(text: string, stories: readonly Story[], options?: { snippets?: boolean }): Mention[];
}

/** Capitalised aliases this long or longer also match when written in capitals ("VISIT RUSSIA"). */
const MIN_CAPS_VARIANT = 4;

/**
 * Builds a place finder over a gazetteer: longest match first, whole words only, case-aware
 * ("US" the country, never "us" the pronoun), each mention resolved to one place by the
 * gazetteer's rules, else by its alias.
 *
 * @example createPlaceFinder(gazetteer).findMentions('Moscow and Washington', stories)
 */
export function createPlaceFinder(gazetteer: Gazetteer): PlaceFinder {
  const index = buildIndex(gazetteer);
  // The code units a surface form can start with: a word starting with any other is skipped
  // before its first word is cut out and looked up (most words of a text).
  const starts = new Uint8Array(0x10000);
  // And the hashes of the first words (a bit each, of their low bits): a word whose bit is not
  // set starts no surface form, so it is not cut out of the text to be looked up.
  const firstWords = new Uint8Array(FIRST_WORD_BITS);
  for (const key of index.keys()) {
    starts[key.charCodeAt(0)] = 1;
    firstWords[hashOf(key, 0, key.length) & (FIRST_WORD_BITS - 1)] = 1;
  }
  return {
    findMentions(text, stories, { snippets = true } = {}) {
      const norm = normalizeText(text);
      // Names are matched in the text without its invisible characters ("Mos\u00adcow"); `map`
      // takes offsets found there back to the text.
      const { text: c, map } = compactText(norm);
      const at = map ? (k: number) => map[k]! : (k: number) => k;
      const sentence = sentenceFinder(text, norm);
      const found: Mention[] = [];
      let story = 0;
      for (let i = 0; i < c.length; i++) {
        if (starts[c.charCodeAt(i)] !== 1 || !isWordCharAt(c, i) || isWordCharBefore(c, i)) continue;
        const wordEnd = firstWordEnd(c, i);
        if (firstWords[hashOf(c, i, wordEnd) & (FIRST_WORD_BITS - 1)] === 0) continue;
        const bucket = index.get(c.slice(i, wordEnd));
        if (!bucket) continue;
        for (const entry of bucket) {
          const end = matchAt(c, i, entry.surface);
          if (end < 0) continue;
          const placeId = resolve(entry, c, i, end);
          if (placeId === undefined) continue; // context-only form whose context is absent here
          if (placeId !== null) {
            const start = at(i);
            const stop = at(end - 1) + 1;
            while (story < stories.length && stories[story]!.end <= start) story++;
            const inStory = story < stories.length && stories[story]!.start <= start;
            if (inStory) {
              const [snippetStart, snippetEnd] = snippets ? sentence(start, stop) : [start, stop];
              found.push({
                placeId,
                text: text.slice(start, stop),
                start,
                end: stop,
                story: story,
                snippetStart,
                snippetEnd,
                confidence: 1,
                source: 'curated',
                form: 'name',
              });
            }
          }
          i = end - 1; // a matched phrase is consumed whole, mention or not
          break;
        }
      }
      return found;
    },
  };
}

function buildIndex(gazetteer: Gazetteer): Map<string, Entry[]> {
  const entries = new Map<string, Entry>();
  const entry = (surface: string): Entry => {
    let e = entries.get(surface);
    if (!e) entries.set(surface, (e = { surface, placeId: null, rules: [] }));
    return e;
  };
  for (const place of gazetteer.places) {
    for (const alias of place.aliases) {
      const surface = normalizeSurface(alias);
      entry(surface).placeId = place.id;
      const caps = surface.toUpperCase();
      if (caps !== surface && caps.length === surface.length && letters(surface) >= MIN_CAPS_VARIANT) {
        const e = entry(caps);
        e.placeId ??= place.id;
      }
    }
  }
  for (const rule of gazetteer.rules) entry(normalizeSurface(rule.mention)).rules.push(context(rule));
  for (const e of entries.values()) {
    e.rules.sort((a, b) => b.before.length + b.after.length - (a.before.length + a.after.length));
  }
  const index = new Map<string, Entry[]>();
  for (const e of entries.values()) {
    const key = firstWord(e.surface, 0);
    if (key === '') continue;
    const bucket = index.get(key) ?? [];
    bucket.push(e);
    index.set(key, bucket);
  }
  for (const bucket of index.values()) bucket.sort((a, b) => b.surface.length - a.surface.length);
  return index;
}

/** A rule's words around the mention, normalised, keeping the space that joins them to it. */
function context(rule: Rule): Context {
  const before =
    rule.before.trim() === '' ? '' : normalizeSurface(rule.before) + (rule.before.endsWith(' ') ? ' ' : '');
  const after =
    rule.after.trim() === '' ? '' : (rule.after.startsWith(' ') ? ' ' : '') + normalizeSurface(rule.after);
  return { before, after, resolvesTo: rule.resolvesTo };
}

export function normalizeSurface(s: string): string {
  return normalizeText(s).trim().replace(/ +/g, ' ');
}

function letters(s: string): number {
  let n = 0;
  for (const ch of s) if (isWordChar(ch)) n++;
  return n;
}

function firstWord(s: string, from: number): string {
  return s.slice(from, firstWordEnd(s, from));
}

function firstWordEnd(s: string, from: number): number {
  let end = from;
  while (end < s.length && isWordCharAt(s, end)) end += isHighSurrogate(s, end) ? 2 : 1;
  return end;
}

/** Bits of createPlaceFinder's table of first words' hashes. */
const FIRST_WORD_BITS = 1 << 16;

/** FNV-1a of the code units s[from, to). */
function hashOf(s: string, from: number, to: number): number {
  let h = 0x811c9dc5 | 0;
  for (let k = from; k < to; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

const isHighSurrogate = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c < 0xdc00;
};

/** End offset of `surface` matched at `start` in `norm` as whole words, or -1. */
function matchAt(norm: string, start: number, surface: string): number {
  let i = start;
  for (let k = 0; k < surface.length; k++) {
    const want = surface[k];
    if (want === ' ') {
      if (norm[i] !== ' ') return -1;
      while (norm[i] === ' ') i++;
    } else if (norm[i++] !== want) {
      return -1;
    }
  }
  if (isWordChar(surface[surface.length - 1]) && isWordCharAt(norm, i)) return -1;
  return i;
}

/**
 * The place a matched surface form means here: the first rule whose context fits, else its
 * default; null for a phrase that is no place mention; undefined for a form that only rules
 * give a meaning to, where none fits (shorter forms are tried then).
 */
function resolve(entry: Entry, norm: string, start: number, end: number): string | null | undefined {
  for (const rule of entry.rules) {
    const fitsBefore =
      rule.before === '' || norm.slice(Math.max(0, start - rule.before.length), start) === rule.before;
    const fitsAfter = rule.after === '' || norm.slice(end, end + rule.after.length) === rule.after;
    if (fitsBefore && fitsAfter) return rule.resolvesTo;
  }
  return entry.placeId ?? undefined;
}

/**
 * The sentence around [start, end): from the last sentence end before it (or the line start)
 * to the next sentence end after it (or the line end), trimmed. `norm` is normalizeText(text).
 */
export function sentenceAround(text: string, norm: string, start: number, end: number): [number, number] {
  const lineStart = Math.max(norm.lastIndexOf('\n', start - 1), norm.lastIndexOf('\r', start - 1)) + 1;
  return sentenceFinder(text, norm, lineStart)(start, end);
}

/**
 * sentenceAround for many mentions in text order: each call's start and end must not be before
 * the last call's. Both scans only move forward, so all the calls together take time linear in
 * the text, however long its lines ("Moscow " a million times without a full stop). `from`: an
 * offset known to be at a line start, where the scans begin.
 */
export function sentenceFinder(
  text: string,
  norm: string,
  from = 0,
): (start: number, end: number) => [number, number] {
  // Backward boundary: scanned up to `p`; `sentenceStart` is the line start or the offset after
  // the last space that follows a sentence end; `endBefore` is isSentenceEnd(norm, p - 1).
  let p = from;
  let lineStart = from;
  let sentenceStart = from;
  let endBefore = false;
  // Forward boundary: `stop` is the first line break or sentence end at or after `stopFrom`.
  let stopFrom = -1;
  let stop = -1;
  let stopIsBreak = false;
  // a snippet starts and ends with a visible character: no white space, no invisible one
  const trimmedFrom = memo((k) => {
    while (k < text.length && isBlankChar(text[k]!)) k++;
    return k;
  });
  const trimmedTo = memo((k) => {
    while (k > 0 && isBlankChar(text[k - 1]!)) k--;
    return k;
  });
  const closingQuotes = memo((k) => {
    while (k < norm.length && (norm[k] === '"' || norm[k] === "'")) k++;
    return k;
  });
  return (start, end) => {
    if (start < p) {
      // called out of order: start again at the line start (still correct, no longer linear)
      p =
        lineStart =
        sentenceStart =
          Math.max(norm.lastIndexOf('\n', start - 1), norm.lastIndexOf('\r', start - 1)) + 1;
      endBefore = false;
      stopFrom = -1;
    }
    // The scan in local variables (kept in registers), written back after it.
    let q = p;
    let qLineStart = lineStart;
    let qSentenceStart = sentenceStart;
    let qEndBefore = endBefore;
    for (; q < start; q++) {
      const code = norm.charCodeAt(q);
      // Most characters end no line, no sentence and are no quote: endBefore turns false.
      if (code > QUOTE && code !== FULL_STOP && code !== QUESTION && code !== APOSTROPHE) {
        qEndBefore = false;
        continue;
      }
      // A space after a sentence end starts a sentence; it ends none itself.
      if (code === SPACE) {
        if (qEndBefore && q > qLineStart) qSentenceStart = q + 1;
        qEndBefore = false;
        continue;
      }
      const ch = norm[q];
      if (isLineBreak(ch)) {
        qLineStart = qSentenceStart = q + 1;
        qEndBefore = false;
        continue;
      }
      if (ch === ' ' && q > qLineStart && qEndBefore) qSentenceStart = q + 1;
      qEndBefore = isQuote(ch) && q > 0 ? qEndBefore : isSentenceEnd(norm, q);
    }
    p = q;
    lineStart = qLineStart;
    sentenceStart = qSentenceStart;
    endBefore = qEndBefore;
    if (end < stopFrom || end > stop) {
      let endHere = false;
      for (let i = end; ; i++) {
        const code = norm.charCodeAt(i); // NaN past the end: not above QUOTE
        if (
          (code > QUOTE && code !== FULL_STOP && code !== QUESTION && code !== APOSTROPHE) ||
          code === SPACE
        ) {
          endHere = false; // no line break, no quote, no sentence end
          continue;
        }
        const ch = norm[i];
        if (i >= norm.length || isLineBreak(ch)) {
          stop = i;
          stopIsBreak = true;
          break;
        }
        endHere = i > end && isQuote(ch) ? endHere : isSentenceEnd(norm, i);
        const next = norm[i + 1];
        if (endHere && (i + 1 === norm.length || isLineBreak(next) || next === ' ')) {
          stop = i;
          stopIsBreak = false;
          break;
        }
      }
      stopFrom = end;
    }
    // keep a closing quote with its sentence
    const to = stopIsBreak ? stop : closingQuotes(stop + 1);
    const a = trimmedFrom(sentenceStart);
    if (a >= to) return [to, to];
    return [a, Math.max(a, trimmedTo(to))];
  };
}

const isQuote = (ch: string | undefined) => ch === '"' || ch === "'";
/** Character codes the sentence scans stop at; every other one above QUOTE ends nothing. */
const QUOTE = 34; // '"'; '!' is 33, the line breaks and the space lower still
const APOSTROPHE = 39;
const SPACE = 32;
const FULL_STOP = 46;
const QUESTION = 63;
const isBlankChar = (ch: string) => /\s/.test(ch) || isInvisible(ch);

/** A one-argument function that remembers its last answer (the same boundary, many mentions). */
function memo(f: (k: number) => number): (k: number) => number {
  let last = -1;
  let value = 0;
  return (k) => (k === last ? value : ((last = k), (value = f(k))));
}

/** A full stop, question or exclamation mark that ends a sentence (not an initial like "D.C."). */
function isSentenceEnd(norm: string, i: number): boolean {
  let ch = norm[i];
  while ((ch === '"' || ch === "'") && i > 0) ch = norm[--i];
  if (ch === '?' || ch === '!') return true;
  if (ch !== '.') return false;
  // "D.C." "U.S." "George C. Marshall": a single capital letter before the dot is an initial.
  return !(isWordChar(norm[i - 1]) && !isWordChar(norm[i - 2]) && norm[i - 1] === norm[i - 1]!.toUpperCase());
}
