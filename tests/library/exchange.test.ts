import { describe, expect, it } from 'vitest';
import { fingerprint, serializeTour, TOUR_FORMAT, TOUR_VERSION, type SavedTour } from '../../src/core';
import {
  exportFileName,
  exportNewsletter,
  MAX_NEWSLETTER_FILE,
  MAX_NEWSLETTER_TEXT,
  NEWSLETTER_FILE_FORMAT,
  NEWSLETTER_FILE_VERSION,
  readNewsletterFile,
  type NewsletterExport,
} from '../../src/library/exchange';

const TEXT = 'Talks in Moscow\r\nThe delegation met in Moscow.\r\n\r\nNext story: Vienna “next week”.\r\n';
const tour: SavedTour = {
  format: TOUR_FORMAT,
  version: TOUR_VERSION,
  newsletter: 'talks-1',
  slides: [{ id: 'intro' }, { id: 'story-0', note: 'Ask: where is Moscow?' }],
  custom: [],
};
const NEWSLETTER: NewsletterExport = {
  meta: {
    id: 'talks-1',
    title: 'Talks, June',
    date: '2020-06',
    source: { name: 'talks.eml', format: 'eml' },
  },
  text: TEXT,
  edits: {
    storyEdits: [
      { op: 'split', story: 0, paragraph: 1 },
      { op: 'retitle', story: 1, title: 'The meeting' },
      { op: 'merge', story: 1 },
    ],
    reviewChoices: [
      { name: 'Vienna', verdict: { kind: 'place', place: 'geonames-2761369' } },
      { name: 'Talks', verdict: { kind: 'not-a-place' } },
    ],
  },
  tour: serializeTour(tour),
};

/** A parsed file, to change in the tests as freely as a person with a text editor could. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** The exported file as an object, changed by `change`, as JSON again. */
function altered(change: (file: Json) => void, from = NEWSLETTER): string {
  const file = JSON.parse(exportNewsletter(from));
  change(file);
  return JSON.stringify(file);
}

function reasonOf(content: string): string {
  const read = readNewsletterFile(content);
  if (read.ok) throw new Error('expected a refusal');
  expect(read).toEqual({ ok: false, reason: read.reason }); // a refusal carries nothing else
  return read.reason;
}

describe('exportNewsletter', () => {
  it('writes the format, its version, the newsletter with its fingerprint, the text, edits and tour', () => {
    const file = JSON.parse(exportNewsletter(NEWSLETTER));
    expect(file.format).toBe(NEWSLETTER_FILE_FORMAT);
    expect(file.version).toBe(NEWSLETTER_FILE_VERSION);
    expect(file.newsletter).toEqual({ ...NEWSLETTER.meta, fingerprint: fingerprint(TEXT) });
    expect(file.text).toBe(TEXT);
    expect(file.edits).toEqual(NEWSLETTER.edits);
    expect(file.tour).toBe(NEWSLETTER.tour);
  });

  it('leaves out what the store keeps beside (stamps, lengths), and fills in no edits, no tour', () => {
    const record = {
      ...NEWSLETTER.meta,
      updatedAt: 5,
      revision: 2,
      addedAt: 4,
      length: TEXT.length,
      fingerprint: fingerprint(TEXT),
    };
    const file = JSON.parse(exportNewsletter({ meta: record, text: TEXT }));
    expect(Object.keys(file.newsletter).sort()).toEqual(['date', 'fingerprint', 'id', 'source', 'title']);
    expect(file.edits).toEqual({ storyEdits: [], reviewChoices: [] });
    expect(file.tour).toBeNull();
  });

  it('gives the bundled newsletter (no imported file) a plain-text source', () => {
    const file = JSON.parse(exportNewsletter({ meta: { id: 'b', title: 'B', date: null }, text: 'Moscow' }));
    expect(file.newsletter.source).toEqual({ name: '', format: 'text' });
  });
});

describe('readNewsletterFile', () => {
  it('reads back what was exported, text exact to the line ends', () => {
    const read = readNewsletterFile(exportNewsletter(NEWSLETTER));
    expect(read).toEqual({ ok: true, file: NEWSLETTER });
  });

  it('reads a file with no edits and no tour', () => {
    const plain = { meta: NEWSLETTER.meta, text: TEXT };
    expect(readNewsletterFile(exportNewsletter(plain))).toEqual({
      ok: true,
      file: { ...plain, edits: { storyEdits: [], reviewChoices: [] }, tour: null },
    });
  });

  it('refuses a file that is not JSON', () => {
    expect(reasonOf('From: desk@example.org\n\nMoscow')).toMatch(
      /^The file is not a newsletter file: it is not JSON \(.+\)\. Choose a file made by "Export newsletter"/,
    );
  });

  it('refuses JSON of no format, a list, and null', () => {
    for (const json of ['{"text": "Moscow"}', '[1, 2]', 'null', '"text"']) {
      expect(reasonOf(json)).toMatch(/^The file is JSON but not a newsletter file: it has no "format"/);
    }
  });

  it('refuses a saved tour, saying what it is and where it goes', () => {
    expect(reasonOf(serializeTour(tour))).toMatch(
      /^The file is a saved tour, not a newsletter: load it in the tour/,
    );
  });

  it('refuses a foreign format, naming it', () => {
    expect(reasonOf(altered((f) => (f.format = 'FeatureCollection')))).toMatch(
      /^The file is of another format \("FeatureCollection"\), not "newsletter-atlas-newsletter"/,
    );
  });

  it('refuses a newer version, saying to update the app', () => {
    expect(reasonOf(altered((f) => (f.version = NEWSLETTER_FILE_VERSION + 1)))).toBe(
      `The file was made by a newer Newsletter Atlas (file version ${NEWSLETTER_FILE_VERSION + 1}; ` +
        `this app reads version ${NEWSLETTER_FILE_VERSION}). Open it in the newer app, or update this one.`,
    );
  });

  it('refuses a version that is no version number', () => {
    for (const v of ['1', 0, 1.5, null]) {
      expect(reasonOf(altered((f) => (f.version = v)))).toMatch(
        /^The file's "version" is .+, not a version number/,
      );
    }
    expect(reasonOf(altered((f) => delete f.version))).toMatch(/"version" is undefined/);
  });

  it('refuses missing or wrong fields, naming the field', () => {
    const cases: [(f: Json) => void, RegExp][] = [
      [(f) => delete f.newsletter, /"newsletter" \(its id, title, date and source\) is missing/],
      [(f) => (f.newsletter.id = ''), /"newsletter\.id" is not an id/],
      [(f) => (f.newsletter.id = 'x'.repeat(201)), /"newsletter\.id" is not an id/],
      [(f) => (f.newsletter.title = 7), /"newsletter\.title" is not text/],
      [(f) => (f.newsletter.date = 2020), /"newsletter\.date" is neither text nor null/],
      [(f) => (f.newsletter.source.format = 'pdf'), /"newsletter\.source" is not a file name with a format/],
      [(f) => delete f.newsletter.source, /"newsletter\.source" is not a file name with a format/],
      [(f) => delete f.text, /"text" \(the newsletter's text\) is missing/],
      [(f) => delete f.newsletter.fingerprint, /"newsletter\.fingerprint" is missing/],
      [(f) => delete f.edits, /"edits" \(the story edits and review choices\) is missing/],
      [(f) => (f.edits.storyEdits = {}), /"edits": "storyEdits" is not a list/],
      [
        (f) => (f.edits.storyEdits[0] = { op: 'split', story: 0 }),
        /"edits": a split without a paragraph number/,
      ],
      [
        (f) => (f.edits.storyEdits[0] = { op: 'cut', story: 0 }),
        /"edits": a story edit of unknown kind "cut"/,
      ],
      [
        (f) => (f.edits.reviewChoices[0].verdict = {}),
        /"edits": the review choice for "Vienna" has no verdict/,
      ],
      [(f) => delete f.tour, /"tour" is neither a saved tour's text nor null/],
      [(f) => (f.tour = '{not json'), /"tour" is not a saved tour \(not JSON\)/],
      [
        (f) => (f.tour = '{"format": "x"}'),
        /"tour" is not a saved tour \("format": "newsletter-atlas-tour"\)/,
      ],
      [
        (f) => (f.tour = serializeTour({ ...tour, newsletter: 'other' })),
        /"tour" is the tour of newsletter "other", not of "talks-1"/,
      ],
      [(f) => (f.tour = 'x'.repeat(1024 * 1024 + 1)), /the tour is larger than a tour may be \(1 MB\)/],
    ];
    for (const [change, reason] of cases) {
      const r = reasonOf(altered(change));
      expect(r).toMatch(/^The newsletter file is damaged: /);
      expect(r).toMatch(reason);
      expect(r).toMatch(/Export it again from where it was made\.$/);
    }
  });

  it('refuses a text changed after export, and an empty one', () => {
    expect(reasonOf(altered((f) => (f.text = f.text.replace('Moscow', 'Berlin'))))).toMatch(
      /the text is not the one exported \(its fingerprint differs\): the file was changed after export/,
    );
    const empty = { ...NEWSLETTER, text: ' \n ' };
    expect(reasonOf(exportNewsletter(empty))).toMatch(/the text is empty/);
  });

  it('refuses a text longer than a newsletter may be', () => {
    const long = { ...NEWSLETTER, text: 'M'.repeat(MAX_NEWSLETTER_TEXT + 1) };
    expect(reasonOf(exportNewsletter(long))).toMatch(
      /the text is 16\.0 MB; a newsletter may be at most 16 MB/,
    );
  });

  it('refuses a file larger than a newsletter file may be, before reading it', () => {
    const huge = ' '.repeat(MAX_NEWSLETTER_FILE + 1);
    expect(reasonOf(huge)).toMatch(/^The file is 37\.0 MB; a newsletter file may be at most 37 MB\./);
  });
});

describe('exportFileName', () => {
  it('makes a plain file name from an id or a title', () => {
    expect(exportFileName('russian-embassy-2020-06', 'newsletter')).toBe(
      'russian-embassy-2020-06.newsletter.json',
    );
    expect(exportFileName('Talks in Zürich / Genève: June', 'csv')).toBe(
      'talks-in-zurich-geneve-june.mentions.csv',
    );
    expect(exportFileName('../../etc/passwd', 'geojson')).toBe('etc-passwd.mentions.geojson');
    expect(exportFileName('Москва', 'csv')).toBe('newsletter.mentions.csv');
    expect(exportFileName('a'.repeat(100), 'csv')).toBe(`${'a'.repeat(80)}.mentions.csv`);
  });
});
