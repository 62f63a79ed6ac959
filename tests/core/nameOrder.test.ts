/** Names by keys made once (src/core/nameOrder.ts), in the order Intl.Collator('en') gives them. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKey, sortByName } from '../../src/core';

const collator = new Intl.Collator('en', { sensitivity: 'base' });

describe('sortByName', () => {
  it('orders names as the English collator does wherever it tells them apart by letter (seeded)', () => {
    const letter = fc.constantFrom(...'abcezABCEZéÉüÜçñ -'.split(''));
    const name = fc.array(letter, { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(name, { minLength: 2, maxLength: 30 }), (names) => {
        const sorted = sortByName(names, (n) => n);
        for (let i = 1; i < sorted.length; i++) {
          expect(collator.compare(sorted[i - 1]!, sorted[i]!)).toBeLessThanOrEqual(0);
        }
        expect([...sorted].sort()).toEqual([...names].sort());
      }),
      { seed: 2026, numRuns: 300 },
    );
  });

  it('sorts by the given order first, then by name, with names equal but for case in a fixed order', () => {
    const places = [
      { name: 'Zagreb', stories: 1 },
      { name: 'Éclair', stories: 1 },
      { name: 'edam', stories: 1 },
      { name: 'Edam', stories: 1 },
      { name: 'Moscow', stories: 9 },
    ];
    const sorted = sortByName(
      places,
      (p) => p.name,
      (a, b) => b.stories - a.stories,
    );
    expect(sorted.map((p) => p.name)).toEqual(['Moscow', 'Éclair', 'Edam', 'edam', 'Zagreb']);
    expect(nameKey('Ünïcödé')).toBe('unicode');
  });
});
