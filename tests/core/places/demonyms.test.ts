import { describe, expect, it } from 'vitest';
import {
  demonymFit,
  demonymPlural,
  madeDemonyms,
  matchDemonyms,
  nameForms,
  type DemonymTarget,
} from '../../../src/core/places/demonyms';

// Made-up names, so that the rules are tested and not a country list.
const targets: DemonymTarget[] = [
  { index: 0, names: ['Zembia'] },
  { index: 1, names: ['Zemb'] },
  { index: 2, names: ['Quorland Republic', 'Quorland'] },
  { index: 3, names: ['Vasco, Federal State of', 'Vasco'] },
  { index: 4, names: ['Tarn and Ollo'] },
  { index: 5, names: ['North Zembia'] },
  { index: 6, names: ['Xan'] },
  { index: 7, names: ['Lorimi'] },
  { index: 8, names: ['Port Ellie'] },
  { index: 9, names: ['The Minor Isles'] },
  { index: 10, names: ['New Quorland'] },
];

describe('nameForms', () => {
  it('cuts a name before a comma, a bracket or " and ", without a leading "the"', () => {
    expect(nameForms('Vasco, Federal State of')).toEqual(['vasco, federal state of', 'vasco']);
    expect(nameForms('Tarn and Ollo')).toEqual(['tarn and ollo', 'tarn']);
    expect(nameForms('The Minor Isles')).toEqual(['minor isles']);
  });
});

describe('demonymFit', () => {
  it('prefers the demonym that keeps more of the name', () => {
    expect(demonymFit('zembian', 'zembia')).toBeGreaterThan(demonymFit('zembian', 'zemb'));
    expect(demonymFit('quorland', 'quorland republic')).toBeGreaterThan(0);
    expect(demonymFit('vascan', 'vasco')).toBeGreaterThan(0);
    expect(demonymFit('zembia', 'zembia')).toBe(0);
    expect(demonymFit('table', 'zembia')).toBe(0);
    expect(demonymFit('zeian', 'zembia')).toBe(0);
  });
});

describe('matchDemonyms', () => {
  const candidates = ['Zembian', 'vascan', 'Tarnish', 'xanese', 'zembia', 'table', 'Quorlander'];

  it('ties each demonym to the name it fits best, and leaves out names and words that fit none', () => {
    expect(Object.fromEntries(matchDemonyms(candidates, targets))).toEqual({
      quorlander: [2],
      tarnish: [4],
      vascan: [3],
      xanese: [6],
      zembian: [0],
    });
  });

  it('gives the same map whatever the order of its input', () => {
    const once = [...matchDemonyms(candidates, targets)];
    const reversed = [...matchDemonyms([...candidates].reverse(), [...targets].reverse())];
    expect(reversed).toEqual(once);
  });

  it('keeps every target that fits equally well', () => {
    const twins: DemonymTarget[] = [
      { index: 0, names: ['Zembia'] },
      { index: 1, names: ['Zembia'] },
    ];
    expect(matchDemonyms(['zembian'], twins).get('zembian')).toEqual([0, 1]);
  });
});

describe('madeDemonyms', () => {
  const single = matchDemonyms(['zembian'], targets);
  const made = madeDemonyms(targets, single);

  it('makes demonyms of names by the endings, and of the rest of a name of several words', () => {
    expect(made.get('north zembian')).toEqual([5]);
    expect(made.get('lorimian')).toEqual([7]);
    expect(made.get('port elliean')).toEqual([8]);
    expect(made.get('new quorlander')).toEqual([10]);
    expect(made.has('quorlander')).toBe(false);
  });

  it('makes no demonym by ending for a place that has one, nor of a demonym shorter than the name', () => {
    const known = new Map([
      ['lorimese', [7]],
      ['zem', [0]],
    ]);
    const again = madeDemonyms(targets, known);
    expect(again.has('lorimian')).toBe(false);
    expect(again.has('north zem')).toBe(false);
    expect(again.get('north zembian')).toEqual([5]);
  });

  it('never replaces a demonym of the word list, and makes none of names with "of"', () => {
    expect(made.has('zembian')).toBe(false);
    expect([...made.keys()].some((d) => d.includes(' of '))).toBe(false);
  });
});

describe('demonymPlural', () => {
  it('adds an s, makes -shman, -chman, -sman and -woman -men, and leaves the demonyms used as they are', () => {
    expect(demonymPlural('zembian')).toBe('zembians');
    expect(demonymPlural('quorlander')).toBe('quorlanders');
    expect(demonymPlural('vascoshman')).toBe('vascoshmen');
    expect(demonymPlural('vascowoman')).toBe('vascowomen');
    expect(demonymPlural('vascoman')).toBe('vascomans');
    expect(demonymPlural('xanese')).toBeNull();
    expect(demonymPlural('tarnish')).toBeNull();
    expect(demonymPlural('zembss')).toBeNull();
  });
});
