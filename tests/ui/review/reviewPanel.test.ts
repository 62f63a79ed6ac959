/**
 * The Review panel (src/ui/review) rendered to markup in Node (React's server renderer: no DOM),
 * over an atlas of the real curated data and broad gazetteer: what it lists, how it marks the
 * name in its sentences (as text, never as HTML), its buttons and labels, and the hooks.
 */
import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { readBroadData } from '../../../src/cli/broad';
import { readDataFiles } from '../../../src/cli/data';
import { loadData, reviewItems, type Atlas, type CandidatePlace, type ReviewChoice } from '../../../src/core';
import { openGazetteer } from '../../../src/core/places';
import { createGazetteerSearch } from '../../../src/core/review';
import ReviewPanel, { type ReviewPanelProps } from '../../../src/ui/review/ReviewPanel';
import {
  describePlace,
  groupStatus,
  sentencePieces,
  useReview,
  useReviewState,
} from '../../../src/ui/review';

const buf = readFileSync(new URL('../../../data/compiled/places.bin', import.meta.url));
const search = createGazetteerSearch(
  openGazetteer(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)),
);
const data = loadData(readDataFiles(), readBroadData());

const TEXT = [
  'Storm news',
  'The storm reached Springfield on Monday. Crews from Quibbletown <img src=x onerror=alert(1)> helped.',
  'Later, Springfield reopened its schools.',
].join('\n');
const { atlas, unmatched } = data.geoparseForReview(TEXT);
const items = reviewItems(atlas, unmatched);
const candidates: Record<string, CandidatePlace[]> = {
  springfield: search.search('Springfield', 8),
  quibbletown: [],
};

const render = (overrides: Partial<ReviewPanelProps> = {}) =>
  renderToStaticMarkup(
    createElement(ReviewPanel, {
      atlas,
      items,
      candidates,
      choices: [],
      onChoose: () => undefined,
      onUndo: () => undefined,
      search: async () => [],
      onClose: () => undefined,
      loadTopology: null,
      ...overrides,
    }),
  );

describe('the Review panel', () => {
  it('lists every group with its name and count, and opens the first with its sentences, the name marked', () => {
    const html = render();
    expect(items.map((g) => g.name)).toEqual(['springfield', 'quibbletown']);
    expect(html).toContain('Springfield</span> <span class="review-count">(2 mentions)');
    expect(html).toContain('Quibbletown</span> <span class="review-count">(1 mention)');
    expect(html).toContain('<li>The storm reached <mark>Springfield</mark> on Monday.</li>');
    expect(html).toContain('<li>Later, <mark>Springfield</mark> reopened its schools.</li>');
    expect(html.match(/aria-expanded="true"/g)).toHaveLength(1);
  });

  it('shows the candidates with region, country and population, numbered on a small map, each with "This place"', () => {
    const html = render();
    const first = candidates['springfield']![0]!;
    expect(describePlace(first)).toMatch(/^Springfield, [A-Z][a-z]+.*, US · [\d,]+ people$/);
    expect(html).toContain(`aria-label="This place: ${describePlace(first)}"`);
    expect(html.match(/>This place</g)).toHaveLength(candidates['springfield']!.length);
    expect(html).toContain('role="img"');
    expect(html).toContain(`data-dots="${candidates['springfield']!.length}"`);
    expect(html).toContain('>Not a place<');
    expect(html).toMatch(
      /<label for="[^"]+">Search the gazetteer for another place for “Springfield”<\/label>/,
    );
  });

  it('says what is decided in words, and offers Undo for a choice', () => {
    const chosen = candidates['springfield']![3]!;
    const choices: ReviewChoice[] = [
      { name: 'springfield', verdict: { kind: 'place', place: chosen.id } },
      { name: 'quibbletown', verdict: { kind: 'not-a-place' } },
    ];
    const html = render({ choices });
    expect(html).toContain(`You chose: ${describePlace(chosen)}`);
    expect(html).toContain('You marked it: not a place');
    expect(html).toContain('aria-label="Undo the choice for Springfield"');
    expect(html).toContain('aria-label="Undo the choice for Quibbletown"');
    expect(html).toContain('2 names to check · 2 decided');
    expect(render()).not.toContain('Undo');
    expect(render()).toContain('(a guess)');
  });

  it('puts nothing of the text in as HTML', () => {
    const quibbletown = items.find((g) => g.name === 'quibbletown')!;
    const html = render({ items: [quibbletown] });
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(sentencePieces(TEXT, quibbletown.mentions[0]!)[1]).toBe('Quibbletown');
    expect(html).toContain('No candidate places: search for one.');
    expect(groupStatus(quibbletown, undefined, undefined)).toBe('Matched no place: not on the map');
  });
});

describe('the review hooks', () => {
  /** Renders a hook's answer as text. */
  const run = (hook: () => string) => renderToStaticMarkup(createElement(() => hook()));
  const resolve = (id: string) => search.byId(id);

  it('useReview gives the atlas with the choices applied, and the original without choices', () => {
    const other = candidates['springfield']![2]!;
    const places = (a: Atlas) => a.mentions.map((m) => m.placeId).join(' ');
    const moved = run(() =>
      places(
        useReview(atlas, [{ name: 'springfield', verdict: { kind: 'place', place: other.id } }], resolve),
      ),
    );
    expect(moved).toBe(atlas.mentions.map(() => other.id).join(' '));
    let same = false;
    run(() => {
      same = useReview(atlas, [], resolve) === atlas;
      return '';
    });
    expect(same).toBe(true);
  });

  it('useReviewState starts from the choices kept, and lists the groups of the original', () => {
    const review = {
      unmatched,
      candidates,
      resolve,
      search: async () => [],
      choices: [{ name: 'springfield', verdict: { kind: 'not-a-place' } }] as ReviewChoice[],
    };
    const out = run(() => {
      const s = useReviewState(atlas, review);
      return `${s.items.length} ${s.atlas.mentions.length} ${s.choices.length}`;
    });
    expect(out).toBe(`2 ${atlas.mentions.length - 2} 1`);
  });
});
