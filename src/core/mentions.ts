import { isWordChar, normalizeText } from './normalize';
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
  /** Finds the place mentions in `text`, in text order, each assigned to its story. */
  findMentions(text: string, stories: readonly Story[]): Mention[];
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
  return {
    findMentions(text, stories) {
      const norm = normalizeText(text);
      const found: Mention[] = [];
      let story = 0;
      for (let i = 0; i < norm.length; i++) {
        if (!isWordChar(norm[i]) || isWordChar(norm[i - 1])) continue;
        const bucket = index.get(firstWord(norm, i));
        if (!bucket) continue;
        for (const entry of bucket) {
          const end = matchAt(norm, i, entry.surface);
          if (end < 0) continue;
          const placeId = resolve(entry, norm, i, end);
          if (placeId === undefined) continue; // context-only form whose context is absent here
          if (placeId !== null) {
            while (story < stories.length && stories[story]!.end <= i) story++;
            const inStory = story < stories.length && stories[story]!.start <= i;
            if (inStory) {
              const [snippetStart, snippetEnd] = sentenceAround(text, norm, i, end);
              found.push({
                placeId,
                text: text.slice(i, end),
                start: i,
                end,
                story: story,
                snippetStart,
                snippetEnd,
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
  let end = from;
  while (end < s.length && isWordChar(s[end])) end++;
  return s.slice(from, end);
}

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
  if (isWordChar(surface[surface.length - 1]) && isWordChar(norm[i])) return -1;
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
 * to the next sentence end after it (or the line end), trimmed.
 */
export function sentenceAround(text: string, norm: string, start: number, end: number): [number, number] {
  const lineStart = norm.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = norm.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = norm.length;
  let from = lineStart;
  for (let i = start - 1; i > lineStart; i--) {
    if (norm[i] === ' ' && isSentenceEnd(norm, i - 1)) {
      from = i + 1;
      break;
    }
  }
  let to = lineEnd;
  for (let i = end; i < lineEnd; i++) {
    if (isSentenceEnd(norm, i) && (i + 1 === lineEnd || norm[i + 1] === ' ')) {
      to = i + 1;
      // keep a closing quote with its sentence
      while (to < lineEnd && (norm[to] === '"' || norm[to] === "'")) to++;
      break;
    }
  }
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return [from, to];
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
