/**
 * A reader's changes to the stories of a newsletter: merge a story with the next, split one at a
 * paragraph, retitle one. Edits are kept as a list and applied to the geoparsed atlas in order,
 * each counted against the stories as the edits before it left them; one that no longer fits is
 * skipped and reported, never thrown, so a stale edit cannot keep a newsletter from opening.
 */
import type { Atlas, PlaceSummary } from '../atlas';
import { lineFrom, storyHeading, storyParagraphs } from '../stories';
import type { Mention, Story } from '../types';

/** A change the reader made to the stories (stories counted from 0 in text order). */
export type StoryEdit =
  | { op: 'merge'; story: number }
  /** `paragraph`: the 0-based paragraph (core storyParagraphs) the new story starts with, ≥ 1. */
  | { op: 'split'; story: number; paragraph: number }
  | { op: 'retitle'; story: number; title: string };

/** An edit that did not fit the stories it met, and why. */
export interface SkippedEdit {
  /** Its place in the list of edits (0-based). */
  position: number;
  edit: StoryEdit;
  /** What is wrong, for a person: "story 7 has only 3 paragraphs: …". */
  reason: string;
}

export interface EditedAtlas {
  /** The atlas with the edits that fit applied (the same object when none changed anything). */
  atlas: Atlas;
  skipped: SkippedEdit[];
}

/** A title is at most this many characters (after white space is collapsed). */
export const MAX_STORY_TITLE = 200;

/** A title as it is kept: runs of white space (line breaks too) as one space, trimmed. */
export const cleanTitle = (title: string) => title.replace(/\s+/g, ' ').trim();

/** The edit in words, counting stories and paragraphs from 1 as a reader does. */
export function describeStoryEdit(edit: StoryEdit): string {
  const story = `story ${edit.story + 1}`;
  switch (edit.op) {
    case 'merge':
      return `merge ${story} with the next`;
    case 'split':
      return `split ${story} at paragraph ${edit.paragraph + 1}`;
    case 'retitle':
      return `retitle ${story} as ${JSON.stringify(edit.title)}`;
  }
}

/**
 * Applies `edits` in order to the atlas's stories: their ranges, titles, kinds and indexes, every
 * mention's `story` and the places' story lists follow. An edit that does not fit (no such story,
 * no next story, no such paragraph, an empty title) is skipped and listed in `skipped`.
 *
 * @example applyStoryEdits(atlas, [{ op: 'merge', story: 0 }]).atlas.stories.length
 */
export function applyStoryEdits(atlas: Atlas, edits: readonly StoryEdit[]): EditedAtlas {
  const skipped: SkippedEdit[] = [];
  let stories: Story[] = atlas.stories;
  let moved = false;
  edits.forEach((edit, position) => {
    const result = applyOne(atlas, stories, edit);
    if (typeof result === 'string') {
      skipped.push({ position, edit, reason: `${capitalize(describeStoryEdit(edit))}: ${result}` });
      return;
    }
    stories = result;
    if (edit.op !== 'retitle') moved = true;
  });
  if (stories === atlas.stories) return { atlas, skipped };
  const indexed = stories.map((s, index) => (s.index === index ? s : { ...s, index }));
  if (!moved) return { atlas: { ...atlas, stories: indexed }, skipped };
  const mentions = atlas.mentions.map((m) => {
    const story = storyOf(indexed, m);
    return story === m.story ? m : { ...m, story };
  });
  const places = atlas.places.map((p) => restory(p, mentions));
  return { atlas: { ...atlas, stories: indexed, mentions, places }, skipped };
}

/** The stories after one edit, or why it does not fit them. */
function applyOne(atlas: Atlas, stories: Story[], edit: StoryEdit): Story[] | string {
  const n = stories.length;
  if (!Number.isSafeInteger(edit.story) || edit.story < 0 || edit.story >= n) {
    return `there ${n === 1 ? 'is 1 story' : `are ${n} stories`}; the edit was made for another version of the stories`;
  }
  const i = edit.story;
  const story = stories[i]!;
  const text = atlas.text;
  const with_ = (...replacement: Story[]) => [
    ...stories.slice(0, i),
    ...replacement,
    ...stories.slice(i + 1),
  ];
  switch (edit.op) {
    case 'retitle': {
      const title = cleanTitle(edit.title);
      if (title === '') return 'a story needs a title: write at least one letter';
      if (title.length > MAX_STORY_TITLE) {
        return `the title has ${title.length} characters; write at most ${MAX_STORY_TITLE}`;
      }
      return with_({ ...story, title });
    }
    case 'merge': {
      const next = stories[i + 1];
      if (!next) return 'it is the last story, so there is no next story to merge it with';
      const merged = { ...story, end: next.end };
      const paragraphs = storyParagraphs(text, merged);
      const kind = paragraphs.length
        ? storyHeading(lineFrom(text, paragraphs[0]!.start), paragraphs.length).kind
        : story.kind;
      return [...stories.slice(0, i), { ...merged, kind }, ...stories.slice(i + 2)];
    }
    case 'split': {
      const p = edit.paragraph;
      const paragraphs = storyParagraphs(text, story);
      if (!Number.isSafeInteger(p) || p < 1) {
        return 'a story can be split only where its second or a later paragraph starts';
      }
      if (p >= paragraphs.length) {
        return `the story has ${paragraphs.length === 1 ? 'only 1 paragraph' : `only ${paragraphs.length} paragraphs`}`;
      }
      const end = paragraphs[p - 1]!.end;
      const start = paragraphs[p]!.start;
      if (atlas.mentions.some((m) => m.start < start && m.end > end)) {
        return 'a place mention runs across that paragraph break';
      }
      const firstKind = storyHeading(lineFrom(text, paragraphs[0]!.start), p).kind;
      const second = storyHeading(lineFrom(text, start), paragraphs.length - p);
      return with_(
        { ...story, kind: firstKind, end },
        { index: i + 1, title: second.title, kind: second.kind, start, end: story.end },
      );
    }
  }
}

/** The index of the story a mention starts in, or -1 (stories in text order, apart). */
function storyOf(stories: readonly Story[], m: Mention): number {
  let lo = 0;
  let hi = stories.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = stories[mid]!;
    if (m.start < s.start) hi = mid - 1;
    else if (m.start >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** A place's summary with its stories as its mentions now give them (distinct, ascending). */
function restory(summary: PlaceSummary, mentions: readonly Mention[]): PlaceSummary {
  const stories = [...new Set(summary.mentions.map((k) => mentions[k]!.story))].sort((a, b) => a - b);
  const same = stories.length === summary.stories.length && stories.every((s, k) => s === summary.stories[k]);
  return same ? summary : { ...summary, stories };
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
