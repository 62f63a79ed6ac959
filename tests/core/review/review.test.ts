/**
 * The review (src/core/review): the groups a person looks at, and their choices applied, with
 * the real curated data and the real broad gazetteer (data/compiled/places.bin).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBroadData } from '../../../src/cli/broad';
import { readDataFiles } from '../../../src/cli/data';
import {
  applyReviewChoices,
  loadData,
  reviewItems,
  withChoice,
  withoutChoice,
  REVIEW_BELOW,
  type Atlas,
  type Place,
  type ReviewChoice,
} from '../../../src/core';
import { broadPlace, lexiconOf, openGazetteer } from '../../../src/core/places';
import { findBroadMentions, type UnmatchedSpan } from '../../../src/core/places/finder';
import { STORM_NEWS } from './stormNews';

const GAZETTEER = new URL('../../../data/compiled/places.bin', import.meta.url).pathname;
const buf = readFileSync(GAZETTEER);
const broad = openGazetteer(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
const lexicon = lexiconOf(broad);
const data = loadData(readDataFiles(), readBroadData());

const TEXT = STORM_NEWS;

/** The places a name can mean in the broad gazetteer, as the atlas's places. */
const candidates = (name: string): Place[] => broad.lookup(name).map((i) => broadPlace(broad.place(i)));
/** What a reload has: the gazetteer's places by id. */
const byId = new Map<string, Place>();
const resolve = (id: string) => byId.get(id);
const remember = (places: Place[]) => {
  for (const p of places) byId.set(p.id, p);
  return places;
};

const fresh = () => data.geoparseForReview(TEXT);

describe('the finder: names that matched no place', () => {
  const spans = (text: string) => {
    const out: UnmatchedSpan[] = [];
    findBroadMentions(text, broad, lexicon, [], out);
    return out.map((u) => u.text);
  };

  it('reports a capitalised name after a place cue, or before ", State", that no place is named', () => {
    expect(spans(TEXT)).toEqual(['Quibbletown', 'Zorblatt Creek']);
    expect(spans('She lives near Snorkelbury.')).toEqual(['Snorkelbury']);
  });

  it('does not report people, organisations, months, acronyms, institutions or a name it found', () => {
    const text =
      'A letter from Microsoft came in March. Mayor Ripley said crews at IBM and at Westfield ' +
      'High School worked in Greater London, with John Quibble said. A letter from Congressman ' +
      'Jim Moran came in World War II.';
    expect(spans(text)).toEqual([]);
  });

  it('reports every other mention of an unmatched name written the same, and no other name', () => {
    const text = 'Crews from Quibbletown came. Quibbletown sent more. Quibbletown Council met Snorkel.';
    const out: UnmatchedSpan[] = [];
    findBroadMentions(text, broad, lexicon, [], out);
    expect(out.map((u) => [u.text, u.start])).toEqual([
      ['Quibbletown', 11],
      ['Quibbletown', 29],
    ]);
  });

  it('gives the finder the same mentions whether or not it is asked for unmatched names', () => {
    for (const text of [TEXT, 'Crews from Lansing and Ann Arbor drove to Fowlerville, Mich., in March.']) {
      expect(findBroadMentions(text, broad, lexicon, [], [])).toEqual(
        findBroadMentions(text, broad, lexicon),
      );
    }
  });

  it('looks for unmatched names only when asked: geoparse gives the atlas geoparseForReview gives, without them', () => {
    const review = data.geoparseForReview(TEXT);
    expect(review.unmatched.length).toBeGreaterThan(0);
    expect(data.geoparse(TEXT)).toEqual(review.atlas);
  });
});

describe('reviewItems', () => {
  const { atlas, unmatched } = fresh();
  const groups = reviewItems(atlas, unmatched);

  it('lists the uncertain names with all their mentions and the unmatched names, in text order', () => {
    const low = new Set(atlas.mentions.filter((m) => m.confidence < REVIEW_BELOW).map((m) => m.text));
    const uncertain = groups.filter((g) => g.kind === 'uncertain');
    expect(new Set(uncertain.map((g) => g.text))).toEqual(low);
    for (const g of uncertain) {
      const all = atlas.mentions.flatMap((m, i) => (m.text === g.text ? [i] : []));
      expect(g.mentions.map((m) => m.index)).toEqual(all);
      expect(g.place?.id).toBe(atlas.mentions[all[0]!]!.placeId);
    }
    expect(groups.filter((g) => g.kind === 'unmatched').map((g) => g.name)).toEqual(
      unmatched.map((u) => u.name),
    );
    expect(unmatched.map((u) => u.name)).toEqual(['quibbletown', 'zorblatt creek']);
    const starts = groups.map((g) => g.mentions[0]!.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('gives each mention its sentence and story', () => {
    const springfield = groups.find((g) => g.name === 'springfield')!;
    expect(springfield.mentions).toHaveLength(2);
    expect(springfield.mentions.map((m) => TEXT.slice(m.snippetStart, m.snippetEnd))).toEqual([
      'The storm reached Springfield on Monday.',
      'Later, Springfield reopened its schools and crews went on to Clinton.',
    ]);
    const zorblatt = groups.find((g) => g.name === 'zorblatt creek')!;
    expect(zorblatt).toMatchObject({ kind: 'unmatched', place: null, confidence: 0, text: 'Zorblatt Creek' });
    expect(zorblatt.mentions[0]!.story).toBe(1);
  });

  it('leaves out names the text settled', () => {
    expect(groups.map((g) => g.name)).not.toContain('paris');
  });
});

describe('applyReviewChoices', () => {
  const { atlas, unmatched } = fresh();
  const copy = structuredClone(atlas);
  const springfields = remember(candidates('Springfield'));
  const other = springfields.find((p) => !atlas.mentions.some((m) => m.placeId === p.id))!;
  const quibbletown = remember(candidates('Omaha'))[0]!;
  const moveSpringfield: ReviewChoice = { name: 'springfield', verdict: { kind: 'place', place: other.id } };
  const dropClinton: ReviewChoice = { name: 'clinton', verdict: { kind: 'not-a-place' } };
  const placeQuibbletown: ReviewChoice = {
    name: 'quibbletown',
    verdict: { kind: 'place', place: quibbletown.id },
  };
  const texts = (a: Atlas) => a.mentions.map((m) => `${m.text}@${m.start}:${m.placeId}`);

  it('moves every mention of the name to the chosen place, and no other mention', () => {
    const after = applyReviewChoices(atlas, [moveSpringfield], resolve, unmatched);
    atlas.mentions.forEach((m, i) => {
      const n = after.mentions[i]!;
      if (m.text === 'Springfield')
        expect(n).toEqual({ ...m, placeId: other.id, confidence: 1, source: 'geonames' });
      else expect(n).toBe(m);
    });
    expect(after.gazetteer.byId.get(other.id)).toBe(other);
    const summary = after.places.find((p) => p.place.id === other.id)!;
    expect(summary.mentions.map((i) => after.mentions[i]!.text)).toEqual(['Springfield', 'Springfield']);
    expect(after.places.map((p) => p.place.id)).not.toContain(atlas.mentions[0]!.placeId);
  });

  it('drops every mention of a name that is not a place', () => {
    const after = applyReviewChoices(atlas, [dropClinton], resolve, unmatched);
    expect(texts(after)).toEqual(texts(atlas).filter((t) => !t.startsWith('Clinton@')));
    expect(after.places.flatMap((p) => p.mentions).sort((a, b) => a - b)).toEqual(
      after.mentions.map((_, i) => i),
    );
  });

  it('makes an unmatched name chosen as a place mentions of it, in text order', () => {
    const after = applyReviewChoices(atlas, [placeQuibbletown], resolve, unmatched);
    const added = after.mentions.filter((m) => m.text === 'Quibbletown');
    expect(added).toEqual([
      expect.objectContaining({
        placeId: quibbletown.id,
        start: unmatched[0]!.start,
        story: 0,
        form: 'name',
      }),
    ]);
    const starts = after.mentions.map((m) => m.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(after.mentions).toHaveLength(atlas.mentions.length + 1);
  });

  it('never changes the atlas it is given, and undo is the others applied to it', () => {
    const all = [moveSpringfield, dropClinton, placeQuibbletown];
    const after = applyReviewChoices(atlas, all, resolve, unmatched);
    expect(after).not.toEqual(atlas);
    expect(atlas).toEqual(copy);
    const undone = withoutChoice(all, 'clinton');
    expect(applyReviewChoices(atlas, undone, resolve, unmatched)).toEqual(
      applyReviewChoices(atlas, [moveSpringfield, placeQuibbletown], resolve, unmatched),
    );
    expect(applyReviewChoices(atlas, withoutChoice([dropClinton], 'clinton'), resolve, unmatched)).toEqual(
      atlas,
    );
  });

  it('counts the later of two choices for a name', () => {
    const choices = withChoice([dropClinton], {
      name: 'clinton',
      verdict: { kind: 'place', place: other.id },
    });
    expect(choices).toHaveLength(1);
    const after = applyReviewChoices(atlas, choices, resolve, unmatched);
    expect(after.mentions.find((m) => m.text === 'Clinton')?.placeId).toBe(other.id);
  });

  it('leaves a name as it was when its place cannot be found', () => {
    const lost: ReviewChoice = { name: 'springfield', verdict: { kind: 'place', place: 'no-such-place' } };
    expect(applyReviewChoices(atlas, [lost], resolve, unmatched)).toEqual(atlas);
  });

  it('gives the same atlas when the choices are applied after a fresh geoparse', () => {
    const all = [moveSpringfield, dropClinton, placeQuibbletown];
    const again = fresh();
    expect(applyReviewChoices(again.atlas, all, resolve, again.unmatched)).toEqual(
      applyReviewChoices(atlas, all, resolve, unmatched),
    );
  });
});
