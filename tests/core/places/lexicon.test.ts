/**
 * lexiconOf: the finder's word lists read from the compiled gazetteer. The finder asks about the
 * same words again and again (each capitalised word: a first name? a title?), so each word is
 * looked up in the gazetteer's tables once; the answers stay those of the tables.
 */
import { describe, expect, it } from 'vitest';
import {
  encodeGazetteer,
  lexiconOf,
  openGazetteer,
  WORD_COMMON,
  WORD_FIRST_NAME,
  WORD_HONORIFIC,
  type BroadGazetteer,
} from '../../../src/core/places';

const bytes = encodeGazetteer(
  [
    {
      name: 'Russia',
      aliases: [],
      kind: 'country',
      lat: 60,
      lon: 100,
      population: 140_000_000,
      country: 'RU',
      admin1: '',
      geonames: 0,
    },
  ],
  {
    words: new Map([
      ['john', WORD_FIRST_NAME],
      ['sen', WORD_HONORIFIC],
      ['mission', WORD_COMMON],
    ]),
    demonyms: new Map([['russian', [0]]]),
  },
);

/** The gazetteer, counting the table look-ups made through it. */
function counted() {
  const g = openGazetteer(bytes);
  const calls = { wordFlags: 0, demonym: 0 };
  const spy: BroadGazetteer = {
    ...g,
    wordFlags: (w) => (calls.wordFlags++, g.wordFlags(w)),
    demonym: (w) => (calls.demonym++, g.demonym(w)),
  };
  return { lex: lexiconOf(spy), calls };
}

describe('lexiconOf', () => {
  it('answers from the compiled word lists', () => {
    const { lex } = counted();
    expect(lex.isFirstName('john')).toBe(true);
    expect(lex.isFirstName('John')).toBe(true);
    expect(lex.isHonorific('sen')).toBe(true);
    expect(lex.isHonorific('Sen.')).toBe(true);
    expect(lex.isCommon('mission')).toBe(true);
    expect(lex.isCommon('john')).toBe(false);
    expect(lex.isPersonName('john')).toBe(true);
    expect(lex.isCalendar('mission')).toBe(false);
    expect(lex.demonym('Russian')).toEqual([0]);
    expect(lex.demonym('Martian')).toEqual([]);
  });

  it('looks each word up in the tables once, however often and for whichever list it is asked', () => {
    const { lex, calls } = counted();
    for (let k = 0; k < 100; k++) {
      lex.isFirstName('John');
      lex.isHonorific('John');
      lex.isCommon('John');
      lex.isPersonName('John');
      lex.isFirstName('Mission');
    }
    expect(calls.wordFlags).toBe(2);
    for (let k = 0; k < 100; k++) {
      expect(lex.demonym('Russian')).toEqual([0]);
      expect(lex.demonym('Martian')).toEqual([]);
    }
    expect(calls.demonym).toBe(2);
  });
});
