/**
 * The library's records as they are kept in IndexedDB (or in memory when the browser refuses
 * storage), the database's versions (one upgrade function per version), and the checks every
 * record read back goes through: a record that fails them is quarantined, never handed to the app.
 */
import { MAX_TOUR_SIZE, type ReviewChoice, type StoryEdit } from '../../core';

export type { ReviewChoice } from '../../core';

/** The database's version: UPGRADES[v] takes a database from version v to v + 1. */
export const SCHEMA_VERSION = 2;

/** The object stores of version 1. */
const FIRST_STORES = [
  'newsletters',
  'texts',
  'edits',
  'tours',
  'settings',
  'tombstones',
  'quarantine',
  'meta',
] as const;

/** The object stores, each keyed by the record's `key` path below. */
export const STORES = [...FIRST_STORES, 'textParts'] as const;
export type StoreName = (typeof STORES)[number];

/** The property each store is keyed by. */
export const KEY_PATH: Record<StoreName, string> = {
  newsletters: 'id',
  texts: 'id',
  edits: 'newsletter',
  tours: 'newsletter',
  settings: 'key',
  tombstones: 'key',
  quarantine: 'key',
  meta: 'key',
  textParts: 'key',
};

/** What an upgrade needs of the database being upgraded (idb's IDBPDatabase gives it). */
export interface UpgradeTarget {
  readonly objectStoreNames: { contains(name: string): boolean };
  createObjectStore(name: string, options: { keyPath: string }): unknown;
}

export type Upgrade = (db: UpgradeTarget) => void;

const createMissing = (db: UpgradeTarget, names: readonly StoreName[]) => {
  for (const name of names) {
    if (!db.objectStoreNames.contains(name)) db.createObjectStore(name, { keyPath: KEY_PATH[name] });
  }
};

export const UPGRADES: readonly Upgrade[] = [
  // 0 → 1: the first library.
  (db) => createMissing(db, FIRST_STORES),
  // 1 → 2: long texts kept in parts (textParts), so that no one write or read copies megabytes at
  // once. The texts kept whole before stay as they are, and are read as before.
  (db) => createMissing(db, ['textParts']),
];

/** When an item was last written (ms since 1970, by the writer's clock) and how often. */
export interface Stamp {
  updatedAt: number;
  /** 1 for the first write of the item, one more for each write after it. */
  revision: number;
}

/** The formats a newsletter can come from: the core's document formats. */
export const SOURCE_FORMATS = ['text', 'html', 'eml'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export interface NewsletterSource {
  /** The file's name as it was imported ("" for pasted text). */
  name: string;
  format: SourceFormat;
}

/** An imported newsletter, without its text (kept apart, so listing the library stays cheap). */
export interface NewsletterMeta extends Stamp {
  id: string;
  title: string;
  /** ISO 8601 date or part of one ("2020-06"), or null when the newsletter gives none. */
  date: string | null;
  /** When it was imported (ms since 1970). */
  addedAt: number;
  source: NewsletterSource;
  /** core/fingerprint.ts of the text: the same text (whatever its line ends) gives the same one. */
  fingerprint: string;
  /** Length of the text, in UTF-16 code units. */
  length: number;
}

/**
 * The longest text kept in one record (UTF-16 code units): a longer one is kept in parts of this
 * length, each its own record (TextPartRecord), each written and read in a task of its own, so
 * that the page never copies a 10 MB text into storage, or out of it, in one task.
 */
export const TEXT_PART_LENGTH = 1 << 19;

/** A newsletter's text: whole (every text before version 2, and the short ones since), or in parts. */
export type TextRecord = WholeText | PartedText;

export interface WholeText {
  id: string;
  text: string;
}

/**
 * A long text's head: its parts are `partKey(id, 0)` … `partKey(id, parts - 1)` in textParts,
 * each TEXT_PART_LENGTH long but the last.
 */
export interface PartedText {
  id: string;
  /** How many parts: length / TEXT_PART_LENGTH, rounded up (at least 2). */
  parts: number;
  /** The whole text's length: the parts' lengths add up to it. */
  length: number;
}

/** One part of a long text. */
export interface TextPartRecord {
  /** partKey(id, index) */
  key: string;
  /** The newsletter's id. */
  id: string;
  index: number;
  text: string;
}

/** The key of part `index` of newsletter `id`'s text (the part number follows the last "#"). */
export const partKey = (id: string, index: number) => `${id}#${index}`;

/** A change the reader made to the stories: core/edits (applyStoryEdits) applies them. */
export type { StoryEdit };

/** A newsletter's story edits and review choices (bundled or imported): one item, kept apart. */
export interface EditsRecord extends Stamp {
  newsletter: string;
  storyEdits: StoryEdit[];
  reviewChoices: ReviewChoice[];
}

/** A newsletter's saved tour: the tour file's JSON text, read by core/tour.ts's readSavedTour. */
export interface TourRecord extends Stamp {
  newsletter: string;
  text: string;
}

export interface SettingRecord extends Stamp {
  key: string;
  value: unknown;
}

/** A removed item: writes older than `updatedAt` (the removal) do not bring it back. */
export interface TombstoneRecord {
  /** `<store>:<item key>` */
  key: string;
  updatedAt: number;
}

/** A record that failed its check, kept as it was found. */
export interface QuarantineRecord {
  /** `<store>:<item key>:<ISO time>`, with `#n` when that is taken. */
  key: string;
  store: StoreName;
  /** The record's key in its store, or null when it had none. */
  itemKey: string | null;
  value: unknown;
  reason: string;
  at: number;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

const MAX_ID = 200;

type Check = (value: Record<string, unknown>) => string | null;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID;
const isTime = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;

function stamp(v: Record<string, unknown>): string | null {
  if (!isTime(v.updatedAt)) return '"updatedAt" is not a time';
  if (!Number.isSafeInteger(v.revision) || (v.revision as number) < 1)
    return '"revision" is not a count from 1';
  return null;
}

function storyEdit(e: unknown): string | null {
  if (!isObject(e) || !isCount(e.story)) return 'a story edit without a story number';
  if (e.op === 'merge') return null;
  if (e.op === 'split') return isCount(e.paragraph) ? null : 'a split without a paragraph number';
  if (e.op === 'retitle') return typeof e.title === 'string' ? null : 'a retitle without a title';
  return `a story edit of unknown kind ${JSON.stringify(e.op)}`;
}

function reviewChoice(c: unknown): string | null {
  if (!isObject(c) || typeof c.name !== 'string' || !c.name) return 'a review choice without a name';
  const v = c.verdict;
  if (isObject(v) && v.kind === 'not-a-place') return null;
  if (isObject(v) && v.kind === 'place' && isId(v.place)) return null;
  return `the review choice for "${c.name}" has no verdict ("place" with a place id, or "not-a-place")`;
}

function firstProblem<T>(
  items: unknown,
  check: (item: unknown) => string | null,
  what: string,
): string | null {
  if (!Array.isArray(items)) return `"${what}" is not a list`;
  for (const item of items as T[]) {
    const problem = check(item);
    if (problem) return problem;
  }
  return null;
}

const CHECKS: Record<StoreName, Check> = {
  newsletters: (v) => {
    if (!isId(v.id)) return '"id" is not an id';
    if (typeof v.title !== 'string') return '"title" is not text';
    if (v.date !== null && typeof v.date !== 'string') return '"date" is neither text nor null';
    if (!isTime(v.addedAt)) return '"addedAt" is not a time';
    const s = v.source;
    if (!isObject(s) || typeof s.name !== 'string' || !SOURCE_FORMATS.includes(s.format as SourceFormat)) {
      return `"source" is not a file name with a format (${SOURCE_FORMATS.join(', ')})`;
    }
    if (typeof v.fingerprint !== 'string' || !/^[0-9a-f]{8}$/.test(v.fingerprint)) {
      return '"fingerprint" is not 8 hex digits';
    }
    if (!isCount(v.length)) return '"length" is not a count';
    return stamp(v);
  },
  texts: (v) => {
    if (!isId(v.id)) return '"id" is not an id';
    if ('parts' in v) {
      if (!isCount(v.length) || (v.length as number) <= TEXT_PART_LENGTH)
        return '"length" is not the count of a text long enough to be kept in parts';
      return v.parts === Math.ceil((v.length as number) / TEXT_PART_LENGTH)
        ? null
        : `"parts" is not the number of parts of ${TEXT_PART_LENGTH} characters its length makes`;
    }
    return typeof v.text === 'string' ? null : '"text" is not text';
  },
  textParts: (v) => {
    if (!isId(v.id)) return '"id" is not an id';
    if (!isCount(v.index)) return '"index" is not a count';
    if (v.key !== partKey(v.id as string, v.index as number)) return '"key" is not the part\'s id and index';
    return typeof v.text === 'string' ? null : '"text" is not text';
  },
  edits: (v) => {
    if (!isId(v.newsletter)) return '"newsletter" is not an id';
    return (
      firstProblem(v.storyEdits, storyEdit, 'storyEdits') ??
      firstProblem(v.reviewChoices, reviewChoice, 'reviewChoices') ??
      stamp(v)
    );
  },
  tours: (v) => {
    if (!isId(v.newsletter)) return '"newsletter" is not an id';
    if (typeof v.text !== 'string') return '"text" is not text';
    if (v.text.length > MAX_TOUR_SIZE) return 'the tour is larger than a tour may be';
    return stamp(v);
  },
  settings: (v) => {
    if (!isId(v.key)) return '"key" is not a name';
    return 'value' in v ? stamp(v) : 'the setting has no "value"';
  },
  tombstones: (v) => {
    if (typeof v.key !== 'string') return '"key" is missing';
    return isTime(v.updatedAt) ? null : '"updatedAt" is not a time';
  },
  quarantine: (v) => (typeof v.key === 'string' ? null : '"key" is missing'),
  meta: (v) => (typeof v.key === 'string' ? null : '"key" is missing'),
};

/** Why `value`, read from `store`, is not a record of it, or null when it is one. */
export function recordProblem(store: StoreName, value: unknown): string | null {
  if (!isObject(value))
    return `it is ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}, not a record`;
  return CHECKS[store](value);
}

/** The record's key as its store keys it (a string), or null when it has none. */
export function keyOf(store: StoreName, value: unknown): string | null {
  if (!isObject(value)) return null;
  const key = value[KEY_PATH[store]];
  return typeof key === 'string' ? key : null;
}

export { isId };
