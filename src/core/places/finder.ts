/**
 * PROTOTYPE: a place finder over the broad gazetteer for text the curated data does not know.
 */
import { type BroadGazetteer, type BroadPlace } from './format';

export interface BroadMention {
  start: number;
  end: number;
  text: string;
  place: BroadPlace;
  confidence: number;
}

interface Token {
  start: number;
  end: number;
  text: string;
  cap: boolean;
}

const TOKEN = /[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*\.?/gu;
const CONNECTORS = new Set(['of', 'de', 'la', 'le', 'du', 'del', 'upon', 'on', 'the', 'and', 'da', 'el']);
const MAX_TOKENS = 6;
const KIND_RANK: Record<string, number> = {
  continent: 0,
  country: 1,
  admin1: 2,
  capital: 3,
  admin2: 4,
  city: 5,
};

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let t = m[0];
    // A trailing full stop belongs to the token only for abbreviations like "U.S." or "St."
    if (t.endsWith('.') && !/\..+\.$/.test(t) && !/^[A-Z][a-z]?\.$/.test(t)) t = t.slice(0, -1);
    const first = t[0]!;
    out.push({ start: m.index, end: m.index + t.length, text: t, cap: first !== first.toLowerCase() });
  }
  return out;
}

/** Word lists the finder consults (built from well-kept lexicons, never typed in code). */
export interface Lexicon {
  /** Common lower-case English words. */
  common: ReadonlySet<string>;
  /** First and last names of people, lower case. */
  names: ReadonlySet<string>;
  /** Month and weekday names, lower case. */
  calendar: ReadonlySet<string>;
  /** Demonym (lower case) → the country's index in the gazetteer. */
  demonyms: ReadonlyMap<string, number>;
  /** Titles before a person's name ("Sen", "Mrs"), lower case. */
  honorifics: ReadonlySet<string>;
}

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
  'visit',
  'visited',
  'throughout',
]);

export function findBroadMentions(text: string, g: BroadGazetteer, lex?: Lexicon): BroadMention[] {
  const tokens = tokenize(text);
  const lowerWords = new Set<string>();
  for (const t of tokens) if (!t.cap) lowerWords.add(t.text.toLowerCase());
  const found: { start: number; end: number; text: string; candidates: number[]; tokens: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.cap) continue;
    let hit: (typeof found)[number] | null = null;
    for (let n = Math.min(MAX_TOKENS, tokens.length - i); n >= 1; n--) {
      const last = tokens[i + n - 1]!;
      if (!last.cap) continue;
      // The words between must be joined by spaces, hyphens or connectors only.
      let ok = true;
      for (let k = i; k < i + n - 1; k++) {
        const gap = text.slice(tokens[k]!.end, tokens[k + 1]!.start);
        if (
          !/^[ -]$/.test(gap) ||
          (!tokens[k + 1]!.cap && !CONNECTORS.has(tokens[k + 1]!.text.toLowerCase()))
        )
          ok = false;
      }
      if (!ok) continue;
      const surface = text.slice(t.start, last.end);
      const candidates = g.lookup(surface);
      if (candidates.length === 0) continue;
      const lower = surface.toLowerCase();
      const bigPlace = candidates.some((c) => ['country', 'admin1'].includes(g.place(c).kind));
      // A word this text also writes in lower case is a common word here, unless an acronym or a large place.
      if (n === 1 && lowerWords.has(lower) && surface !== surface.toUpperCase() && !bigPlace) continue;
      if (n === 1 && surface.length < 3 && surface !== surface.toUpperCase()) continue;
      if (n === 1 && lex) {
        if (lex.calendar.has(lower) || lex.honorifics.has(lower.replace(/\.$/, ''))) continue;
        const next = tokens[i + 1];
        // A first name before a capitalised word is a person's ("Michael Smith").
        if (lex.names.has(lower) && next && next.cap && text.slice(last.end, next.start) === ' ') continue;
        const big = candidates.some((c) => {
          const k = g.place(c).kind;
          return k === 'country' || k === 'admin1';
        });
        const ambiguous = lex.common.has(lower) || (lex.names.has(lower) && !big);
        if (ambiguous) {
          const before = tokens[i - 1];
          const cue = before && !before.cap && PLACE_CUES.has(before.text.toLowerCase());
          const afterGap = tokens[i + 1] ? text.slice(last.end, tokens[i + 1]!.start) : '';
          const stateAfter =
            afterGap === ', ' &&
            tokens[i + 1]!.cap &&
            g.lookup(tokens[i + 1]!.text).some((c) => ['admin1', 'country'].includes(g.place(c).kind));
          if (!cue && !stateAfter) continue;
        }
      }
      hit = { start: t.start, end: last.end, text: surface, candidates, tokens: n };
      break;
    }
    if (!hit && lex) {
      const country = lex.demonyms.get(t.text.toLowerCase());
      if (country !== undefined)
        found.push({ start: t.start, end: t.end, text: t.text, candidates: [country], tokens: 1 });
      continue;
    }
    if (hit) {
      // A capitalised word before it in the same name (a first name, a title) makes it no place.
      const prev = tokens[i - 1];
      const joined = prev && /^\.? $/.test(text.slice(prev.end, t.start));
      const personLike =
        prev &&
        joined &&
        lex !== undefined &&
        (lex.names.has(prev.text.toLowerCase()) ||
          lex.honorifics.has(prev.text.toLowerCase().replace(/\.$/, ''))) &&
        g.lookup(prev.text).length === 0;
      if (!personLike) found.push(hit);
      i += hit.tokens - 1;
    }
  }
  // Resolution: "City, State" first, then the document's dominant admin-1 and country, then kind and population.
  const a1Votes = new Map<string, number>();
  const countryVotes = new Map<string, number>();
  const pick = (cands: number[], at: number): { place: BroadPlace; confidence: number } => {
    const places = cands.map((c) => g.place(c));
    // "X, Y": Y names the admin-1 or country of a candidate
    const next = found.find((f) => f.start > at);
    if (next && /^, $/.test(text.slice(found.find((f) => f.start === at)!.end, next.start))) {
      const nextPlaces = next.candidates
        .map((c) => g.place(c))
        .filter((p) => p.kind === 'admin1' || p.kind === 'country');
      for (const p of places) {
        if (
          nextPlaces.some(
            (q) => q.country === p.country && (q.kind === 'country' || q.admin1 === p.admin1),
          ) &&
          p.kind !== 'admin1'
        ) {
          return { place: p, confidence: 0.95 };
        }
      }
    }
    const score = (p: BroadPlace) =>
      (p.kind === 'country' ? 1e6 : 0) +
      (a1Votes.get(`${p.country}.${p.admin1}`) ?? 0) * 1000 +
      (countryVotes.get(p.country) ?? 0) * 10 +
      (p.kind === 'admin1' ? 50 : 0) +
      Math.log10(1 + p.population);
    places.sort((a, b) => score(b) - score(a) || KIND_RANK[a.kind]! - KIND_RANK[b.kind]!);
    return { place: places[0]!, confidence: places.length === 1 ? 0.9 : 0.6 };
  };
  // Votes from unambiguous mentions.
  for (const f of found) {
    if (f.candidates.length === 1) {
      const p = g.place(f.candidates[0]!);
      if (p.kind !== 'country')
        a1Votes.set(`${p.country}.${p.admin1}`, (a1Votes.get(`${p.country}.${p.admin1}`) ?? 0) + 1);
      countryVotes.set(p.country, (countryVotes.get(p.country) ?? 0) + 1);
    }
  }
  return found.map((f) => {
    const { place, confidence } = pick(f.candidates, f.start);
    return { start: f.start, end: f.end, text: f.text, place, confidence };
  });
}
