/**
 * The review: the mentions a person should look at (the uncertain ones, and the names that
 * matched no place), grouped by name, and the person's choices applied to an atlas. A choice
 * names a name (placeKey of a mention's text) and applies to every mention written so in the
 * newsletter. Choices are applied to the atlas the finder made, never to one they were applied
 * to already: undoing one is applying the others to that original again.
 */
import { summarize, type Atlas } from '../atlas';
import { placeKey } from '../places/key';
import type { Mention, MentionSpan, Place } from '../types';
import type { ReviewChoice, UnmatchedName } from './types';

/**
 * Mentions under this confidence are listed for review: what no evidence in the text decided
 * (the finder's 'type' and 'population' answers, 0.6, and 'none', 0.35) and streets placed at
 * their town (0.5). Names the text itself settled (a "City, State" pattern 0.95, one place only
 * 0.9, the story's geography 0.8, a curated place found elsewhere 0.8) and a curated
 * newsletter's answers (1) are not.
 */
export const REVIEW_BELOW = 0.7;

/** One mention (or unmatched name) of a review group, with its sentence. */
export interface ReviewMention extends MentionSpan {
  /** Its index in the atlas's mentions, or -1 for a name that matched no place. */
  index: number;
  /** The finder's confidence, or 0 for a name that matched no place. */
  confidence: number;
}

export interface ReviewGroup {
  /** The key every mention of the group shares (placeKey), as review choices name it. */
  name: string;
  /** The name as the text first writes it. */
  text: string;
  /** 'unmatched': the name matched no place (no mention of it is on the map). */
  kind: 'uncertain' | 'unmatched';
  /** Every mention of the name, in text order (a choice applies to all of them). */
  mentions: ReviewMention[];
  /** The place the finder chose for most of its mentions, or null for an unmatched name. */
  place: Place | null;
  /** The lowest confidence among its mentions (0 for an unmatched name). */
  confidence: number;
}

/**
 * The groups to review, in the order the text first names them: every name with a mention under
 * REVIEW_BELOW (with all its mentions, certain ones too) and every name that matched no place.
 *
 * @example reviewItems(atlas, unmatched).map((g) => `${g.text} ×${g.mentions.length}`)
 */
export function reviewItems(atlas: Atlas, unmatched: readonly UnmatchedName[] = []): ReviewGroup[] {
  const keyOf = namedKeys();
  const keys = atlas.mentions.map((m) => keyOf(m.text));
  const doubtful = new Set<string>();
  atlas.mentions.forEach((m, i) => {
    if (m.confidence < REVIEW_BELOW) doubtful.add(keys[i]!);
  });
  const groups = new Map<string, ReviewGroup>();
  const groupOf = (name: string, text: string, kind: ReviewGroup['kind']) => {
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { name, text, kind, mentions: [], place: null, confidence: 1 }));
    return g;
  };
  atlas.mentions.forEach((m, i) => {
    const name = keys[i]!;
    if (!doubtful.has(name)) return;
    const g = groupOf(name, m.text, 'uncertain');
    g.mentions.push({ ...spanOf(m), index: i, confidence: m.confidence });
    g.confidence = Math.min(g.confidence, m.confidence);
  });
  for (const u of unmatched) {
    const g = groupOf(u.name, u.text, 'unmatched');
    g.mentions.push({ ...spanOf(u), index: -1, confidence: 0 });
    g.confidence = 0;
  }
  const out = [...groups.values()];
  for (const g of out) {
    g.mentions.sort((a, b) => a.start - b.start);
    g.text = g.mentions[0]!.text;
    g.place = mostNamed(g, atlas);
  }
  return out.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}

/** placeKey, once per distinct text (a newsletter writes the same few names thousands of times). */
function namedKeys(): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    let key = known.get(text);
    if (key === undefined) known.set(text, (key = placeKey(text)));
    return key;
  };
}

/** Where a mention or an unmatched name stands: its words, story and sentence (no more of it). */
const spanOf = (m: MentionSpan): MentionSpan => ({
  text: m.text,
  start: m.start,
  end: m.end,
  story: m.story,
  snippetStart: m.snippetStart,
  snippetEnd: m.snippetEnd,
});

/** The place most of the group's mentions name (the first named of equals), or null. */
function mostNamed(g: ReviewGroup, atlas: Atlas): Place | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (const m of g.mentions) {
    if (m.index < 0) continue;
    const id = atlas.mentions[m.index]!.placeId;
    const n = (counts.get(id) ?? 0) + 1;
    counts.set(id, n);
    if (best === null || n > counts.get(best)!) best = id;
  }
  return best === null ? null : (atlas.gazetteer.byId.get(best) ?? null);
}

/**
 * The atlas with the choices applied (a new Atlas; `atlas` is not changed): every mention whose
 * name a choice names is moved to the chosen place or, for "not a place", dropped; an unmatched
 * name chosen as a place becomes mentions of it (unless a mention covers it already); places
 * the choices name that the atlas's gazetteer lacks are added to it, and `places` is made
 * again. Of two choices for one name the later counts. A choice whose place `resolve` does not
 * know (and the atlas's gazetteer does not hold) is left out, and so are its mentions left as
 * they were. A chosen mention is certain (confidence 1).
 *
 * Apply choices to the atlas the finder made: undoing a choice is applying the others to it.
 */
export function applyReviewChoices(
  atlas: Atlas,
  choices: readonly ReviewChoice[],
  resolve: (id: string) => Place | undefined,
  unmatched: readonly UnmatchedName[] = [],
): Atlas {
  /** Name → the chosen place, or null for "not a place". */
  const chosen = new Map<string, Place | null>();
  for (const c of choices) {
    if (c.verdict.kind === 'not-a-place') {
      chosen.set(c.name, null);
      continue;
    }
    const place = atlas.gazetteer.byId.get(c.verdict.place) ?? resolve(c.verdict.place);
    if (place) chosen.set(c.name, place);
    else chosen.delete(c.name);
  }
  const moved = (m: MentionSpan, place: Place, form: Mention['form']): Mention => ({
    placeId: place.id,
    ...spanOf(m),
    confidence: 1,
    source: place.line > 0 ? 'curated' : 'geonames',
    form,
  });
  const kept: Mention[] = [];
  const keyOf = namedKeys();
  for (const m of atlas.mentions) {
    const name = chosen.size ? keyOf(m.text) : '';
    if (!chosen.has(name)) kept.push(m);
    else {
      const place = chosen.get(name)!;
      if (place) kept.push(moved(m, place, m.form));
    }
  }
  const added = unmatched
    .filter((u) => chosen.get(u.name))
    .map((u) => moved(u, chosen.get(u.name)!, 'name'))
    .sort((a, b) => a.start - b.start);
  const mentions = added.length ? mergeByStart(kept, added) : kept;
  let gazetteer = atlas.gazetteer;
  const missing = [...new Set(chosen.values())].filter(
    (p): p is Place => p !== null && !gazetteer.byId.has(p.id),
  );
  if (missing.length) {
    const places = [...gazetteer.places, ...missing];
    gazetteer = { ...gazetteer, places, byId: new Map(places.map((p) => [p.id, p])) };
  }
  return { ...atlas, mentions, places: summarize(mentions, gazetteer), gazetteer };
}

/** `mentions` and `added` (each in text order) in text order; an added one a mention overlaps is left out. */
function mergeByStart(mentions: readonly Mention[], added: readonly Mention[]): Mention[] {
  const out: Mention[] = [];
  let k = 0;
  const overlaps = (a: Mention, b: Mention | undefined) =>
    b !== undefined && a.start < b.end && b.start < a.end;
  for (const m of mentions) {
    while (k < added.length && added[k]!.start < m.start) {
      const a = added[k++]!;
      if (!overlaps(a, m) && !overlaps(a, out[out.length - 1])) out.push(a);
    }
    out.push(m);
  }
  for (; k < added.length; k++) if (!overlaps(added[k]!, out[out.length - 1])) out.push(added[k]!);
  return out;
}

/** The choices with `choice` in place of any earlier one for its name. */
export function withChoice(choices: readonly ReviewChoice[], choice: ReviewChoice): ReviewChoice[] {
  return [...choices.filter((c) => c.name !== choice.name), choice];
}

/** The choices without the one for `name` (undo). */
export function withoutChoice(choices: readonly ReviewChoice[], name: string): ReviewChoice[] {
  return choices.filter((c) => c.name !== name);
}
