/**
 * Classroom tour (issue #4): the slides built from the newsletter, and the saved-tour format
 * (a malformed file gives a clear error and changes nothing).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arrangeTour,
  buildSlides,
  defaultTour,
  formatSize,
  loadAtlas,
  MAX_TOUR_SIZE,
  nextCustomId,
  parseMoments,
  parseSavedTour,
  playableRoutes,
  readSavedTour,
  savedFromEntries,
  serializeTour,
  TourFormatError,
  type TourContext,
} from '../../src/core';
import { readDataFiles } from '../../src/cli/data';

const DIR = new URL('../../data/newsletters/', import.meta.url);
const text = readFileSync(new URL('russian-embassy-newsletter-2020-06.txt', DIR), 'utf8');
const data = readDataFiles();
const atlas = loadAtlas({ text, ...data });
const [flight] = playableRoutes(atlas);
const momentsFile = flight!.place.route.replace(/\.csv$/, '.moments.csv');
const moments = parseMoments(data.routes[momentsFile]!, momentsFile, flight!.waypoints, text);
const slides = buildSlides(atlas, { moments: new Map([[flight!.place.id, moments]]) });
const ctx: TourContext = {
  newsletter: atlas.newsletter!.id,
  slideIds: slides.map((s) => s.id),
  placeIds: new Set(atlas.gazetteer.places.map((p) => p.id)),
};

describe('buildSlides', () => {
  it('starts with a title slide naming the newsletter', () => {
    expect(slides[0]!.kind).toBe('title');
    expect(slides[0]!.title).toBe(atlas.newsletter!.title);
  });

  it('has one slide per story, in newsletter order, titled as the story', () => {
    const stories = slides.filter((s) => s.kind === 'story');
    expect(stories.map((s) => s.title)).toEqual(atlas.stories.map((s) => s.title));
    expect(stories.map((s) => s.id)).toEqual(atlas.stories.map((s) => `story-${s.index}`));
  });

  it('gives each story one to three snippets from its own text, places marked where the text names them', () => {
    for (const s of slides.filter((x) => x.kind === 'story')) {
      const story = atlas.stories[Number(s.id.slice('story-'.length))]!;
      const body = atlas.text.slice(story.start, story.end).replace(/\u00a0/g, ' ');
      expect(s.snippets.length, s.id).toBeGreaterThanOrEqual(1);
      expect(s.snippets.length, s.id).toBeLessThanOrEqual(3);
      for (const snippet of s.snippets) {
        expect(body, s.id).toContain(snippet.text.replace(/ …$/, ''));
        for (const m of snippet.marks) {
          const mention = atlas.mentions.find((x) => x.placeId === m.placeId && x.story === story.index);
          expect(mention, `${s.id}: ${m.placeId}`).toBeDefined();
          expect(atlas.gazetteer.byId.has(m.placeId)).toBe(true);
        }
      }
      // Every marked place is one the map fits.
      const marked = s.snippets.flatMap((x) => x.marks.map((m) => m.placeId));
      expect(s.places).toEqual(expect.arrayContaining(marked));
      expect(s.points.length).toBeGreaterThanOrEqual(s.places.length > 0 ? 1 : 0);
    }
  });

  it('marks every mention inside a snippet, in text order, whatever order the atlas lists them in', () => {
    const reversed = buildSlides(
      { ...atlas, mentions: [...atlas.mentions].reverse() },
      { moments: new Map([[flight!.place.id, moments]]) },
    );
    const marks = (all: typeof slides) => all.flatMap((s) => s.snippets.map((x) => x.marks));
    expect(marks(reversed)).toEqual(marks(slides));
    for (const s of slides) {
      for (const snippet of s.snippets) {
        const starts = snippet.marks.map((m) => m.start);
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
      }
    }
  });

  it('marks the words the newsletter uses for each place', () => {
    const nbsp = (t: string) => t.replace(/\u00a0/g, ' ');
    let marked = 0;
    for (const s of slides) {
      for (const snippet of s.snippets) {
        for (const m of snippet.marks) {
          const words = snippet.text.slice(m.start, m.end);
          expect(
            atlas.mentions.some((x) => x.placeId === m.placeId && nbsp(x.text) === words),
            `${s.id}: "${words}" as ${m.placeId}`,
          ).toBe(true);
          marked++;
        }
      }
    }
    expect(marked).toBeGreaterThan(40);
  });

  it('adds one flight slide per waypoint with a time, after the first story naming the flight', () => {
    const timed = flight!.waypoints.filter((w) => w.time !== null);
    const ids = slides.filter((s) => s.kind === 'flight').map((s) => s.id);
    expect(ids).toEqual(timed.map((w) => `flight-${w.seq}`));
    const firstStory = atlas.mentions.find((m) => m.placeId === flight!.place.id && m.story >= 0)!.story;
    const at = slides.findIndex((s) => s.id === `story-${firstStory}`);
    expect(slides.slice(at + 1, at + 1 + ids.length).map((s) => s.id)).toEqual(ids);
  });

  it('shows every slide that contains the flight on the polar map, the title slide included', () => {
    const names = (s: (typeof slides)[number]) => s.places.includes(flight!.place.id);
    expect(slides[0]!.polar).toBe(true);
    for (const s of slides.filter((s) => s.kind === 'flight')) expect(s.polar, s.id).toBe(true);
    const stories = slides.filter((s) => s.kind === 'story');
    expect(stories.filter(names).length).toBeGreaterThan(0);
    for (const s of stories) expect(s.polar, s.id).toBe(names(s));
    // Other stories stay on the world map.
    expect(stories.some((s) => !s.polar)).toBe(true);
  });

  it('puts each flight slide at its moment: elapsed time from take-off, and the newsletter’s words', () => {
    const flights = slides.filter((s) => s.kind === 'flight');
    const start = Date.parse(flight!.waypoints[0]!.time!);
    for (const s of flights) {
      const w = flight!.waypoints[s.flight!.waypoint]!;
      expect(s.flight!.elapsedMs).toBe(Date.parse(w.time!) - start);
      expect(s.title).toBe(w.name);
      expect(s.snippets.length).toBeGreaterThanOrEqual(1);
      expect(s.points).toContainEqual([w.lon, w.lat]);
    }
    expect(flights[0]!.flight!.elapsedMs).toBe(0);
    // The take-off slide quotes the moment the data ties to the first waypoint.
    expect(flights[0]!.snippets[0]!.text).toBe(
      moments.find((m) => m.waypoint === 0)!.quote.replace(/\u00a0/g, ' '),
    );
  });

  it('keeps slide text within what a projected slide can show', () => {
    for (const s of slides) {
      const chars = s.snippets.reduce((n, x) => n + x.text.length, 0);
      expect(chars, s.id).toBeLessThanOrEqual(500);
    }
  });
});

describe('the saved tour format', () => {
  const valid = () => defaultTour(ctx.newsletter, slides);
  const parse = (value: unknown) =>
    parseSavedTour(typeof value === 'string' ? value : JSON.stringify(value), ctx);
  const fails = (value: unknown, message: RegExp) => {
    expect(() => parse(value)).toThrow(TourFormatError);
    expect(() => parse(value)).toThrow(message);
  };

  it('reads back what it writes, with order, hidden slides, notes and custom slides', () => {
    const tour = valid();
    tour.slides.reverse();
    tour.slides[0]!.hidden = true;
    tour.slides[1]!.note = 'Ask the class where Moscow is.';
    tour.custom.push({ id: 'custom-1', title: 'Our town', text: 'Moscow and Vancouver', places: ['moscow'] });
    tour.slides.push({ id: 'custom-1' });
    expect(parse(serializeTour(tour))).toEqual(tour);
  });

  it('rejects text that is not JSON', () => fails('{"format": ', /not a JSON file/));
  it('rejects JSON that is not an object', () => fails([1, 2], /JSON object/));
  it('rejects another format', () => fails({ ...valid(), format: 'slides' }, /"format" is "slides"/));
  it('rejects another version', () => fails({ ...valid(), version: 2 }, /"version" is 2/));
  it('rejects a tour of another newsletter', () =>
    fails({ ...valid(), newsletter: 'other-2021' }, /for newsletter "other-2021"/));
  it('rejects slides that are not a list', () =>
    fails({ ...valid(), slides: {} }, /"slides" must be a list/));
  it('rejects an unknown slide id', () =>
    fails({ ...valid(), slides: [{ id: 'story-999' }] }, /slides\[0\]: no slide has the id "story-999"/));
  it('rejects a slide listed twice', () =>
    fails({ ...valid(), slides: [{ id: 'title' }, { id: 'title' }] }, /slides\[1\].*listed twice/));
  it('rejects a slide without an id', () =>
    fails({ ...valid(), slides: [{ hidden: true }] }, /slides\[0\]\.id/));
  it('rejects hidden that is not true or false', () =>
    fails({ ...valid(), slides: [{ id: 'title', hidden: 'yes' }] }, /hidden must be true or false/));
  it('rejects a note that is not text', () =>
    fails({ ...valid(), slides: [{ id: 'title', note: 3 }] }, /note must be a text/));
  it('rejects a custom slide naming an unknown place', () =>
    fails(
      { ...valid(), custom: [{ id: 'custom-1', title: 'x', text: '', places: ['atlantis'] }] },
      /custom\[0\]\.places: no place has the id "atlantis"/,
    ));
  it('rejects a custom slide without a title', () =>
    fails(
      { ...valid(), custom: [{ id: 'custom-1', title: ' ', text: '', places: [] }] },
      /custom\[0\]\.title/,
    ));
  it('rejects a custom slide with a bad id', () =>
    fails({ ...valid(), custom: [{ id: 'story-1', title: 'x', text: '', places: [] }] }, /custom\[0\]\.id/));

  it('rejects a tour over the size limit, naming its size and the limit', () => {
    const tour = valid();
    tour.slides[0]!.note = 'x'.repeat(MAX_TOUR_SIZE);
    fails(serializeTour(tour), /it is 1\.0 MB; a tour file may be at most 1 MB/);
    expect(formatSize(50 * 1024 * 1024)).toBe('50 MB');
  });

  describe("ids of slides of one's own", () => {
    const customOf = (ids: string[]) => ids.map((id) => ({ id, title: id, text: '', places: [] }));
    /** The tour with its custom slides, and one more added as the editor adds it. */
    const withNewSlide = (ids: string[]) => {
      const tour = valid();
      tour.custom = customOf(ids);
      tour.slides.push(...ids.map((id) => ({ id })));
      const id = nextCustomId(tour.custom);
      tour.custom.push({ id, title: 'New', text: '', places: [] });
      tour.slides.push({ id });
      return { tour, id };
    };

    for (const [name, ids] of [
      ['past 2^53', ['custom-9007199254740993']],
      ['of 400 digits', [`custom-${'9'.repeat(400)}`]],
      ['just under and at 2^53', ['custom-9007199254740992', 'custom-9007199254740991']],
    ] as const) {
      it(`stay unique with an id ${name}, and the tour reads back after a new slide`, () => {
        const { tour, id } = withNewSlide([...ids]);
        expect(ids).not.toContain(id);
        expect(id).toMatch(/^custom-\d+$/);
        expect(parse(serializeTour(tour))).toEqual(tour);
      });
    }

    it('stay unique for any imported ids (property, fixed seed)', () => {
      const digits = fc.stringMatching(/^\d{1,60}$/);
      fc.assert(
        fc.property(fc.uniqueArray(digits, { maxLength: 8 }), (nums) => {
          const { tour, id } = withNewSlide(nums.map((n) => `custom-${n}`));
          expect(nums.map((n) => `custom-${n}`)).not.toContain(id);
          expect(parse(serializeTour(tour)).custom.map((c) => c.id)).toEqual(tour.custom.map((c) => c.id));
        }),
        { seed: 12, numRuns: 200 },
      );
    });

    it('that clash are repaired: the first keeps its id, the others are renumbered, with a note', () => {
      const tour = valid();
      tour.custom = customOf(['custom-2', 'custom-2', 'custom-7']);
      tour.custom[1]!.title = 'Second';
      tour.slides.push({ id: 'custom-2' }, { id: 'custom-7' });
      const { tour: read, repairs } = readSavedTour(serializeTour(tour), ctx);
      expect(read.custom.map((c) => c.id)).toEqual(['custom-2', 'custom-8', 'custom-7']);
      expect(repairs).toEqual([
        'custom slide "Second" had the id "custom-2" of another slide; it is now "custom-8", at the end of the tour',
      ]);
      // The renumbered slide is shown (at the end), not dropped.
      const shown = arrangeTour(atlas, slides, read).map((e) => e.slide.id);
      expect(shown.at(-1)).toBe('custom-8');
      expect(new Set(shown).size).toBe(shown.length);
    });
  });

  it('arranges the tour as saved, and adds built slides the saved tour does not list at the end', () => {
    const tour = valid();
    tour.slides = [
      { id: 'story-2', hidden: true },
      { id: 'title', note: 'Hello' },
    ];
    const entries = arrangeTour(atlas, slides, parseSavedTour(serializeTour(tour), ctx));
    expect(entries.slice(0, 2).map((e) => [e.slide.id, e.hidden, e.note])).toEqual([
      ['story-2', true, ''],
      ['title', false, 'Hello'],
    ]);
    expect(entries).toHaveLength(slides.length);
    expect(entries[2]!.slide.id).toBe(slides[1]!.id);
    expect(savedFromEntries(ctx.newsletter, entries, []).slides.slice(0, 2)).toEqual(tour.slides);
  });

  it('shows a custom slide with its places marked and fitted', () => {
    const tour = valid();
    tour.custom = [
      { id: 'custom-3', title: 'Two cities', text: 'From Moscow to Seattle.', places: ['moscow'] },
    ];
    tour.slides.push({ id: 'custom-3' });
    const entry = arrangeTour(atlas, slides, tour).find((e) => e.slide.id === 'custom-3')!;
    const snippet = entry.slide.snippets[0]!;
    expect(snippet.marks.map((m) => snippet.text.slice(m.start, m.end))).toEqual(['Moscow']);
    const moscow = atlas.gazetteer.byId.get('moscow')!;
    expect(entry.slide.points).toEqual([[moscow.lon, moscow.lat]]);
    expect(entry.slide.polar).toBe(false);
  });

  it('shows a custom slide naming the flight on the polar map', () => {
    const tour = valid();
    tour.custom = [{ id: 'custom-4', title: 'The flight', text: '', places: [flight!.place.id] }];
    tour.slides.push({ id: 'custom-4' });
    const entry = arrangeTour(atlas, slides, tour).find((e) => e.slide.id === 'custom-4')!;
    expect(entry.slide.polar).toBe(true);
  });
});
