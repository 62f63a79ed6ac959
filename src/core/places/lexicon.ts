import {
  WORD_CALENDAR,
  WORD_COMMON,
  WORD_FIRST_NAME,
  WORD_HONORIFIC,
  WORD_LAST_NAME,
  WORD_OTHER_NAME,
  WORD_PERSON,
  type BroadGazetteer,
} from './format';
import type { Lexicon } from './finder';

/** Words whose flags lexiconOf remembers; past this many it starts again (a bound on memory). */
const REMEMBERED_WORDS = 50_000;

/**
 * The finder's word lists, as compiled into the broad gazetteer's file. A text asks about the
 * same words again and again (every capitalised word is a first name or not, a title or not):
 * each word's flags and countries are looked up once and remembered (the countries as one
 * array, shared by the mentions that get it, as the finder shares the places of a name).
 */
export function lexiconOf(g: BroadGazetteer): Lexicon {
  const flags = new Map<string, number>();
  const demonyms = new Map<string, number[]>();
  const flagsOf = (word: string) => {
    let f = flags.get(word);
    if (f === undefined) {
      if (flags.size >= REMEMBERED_WORDS) flags.clear();
      flags.set(word, (f = g.wordFlags(word)));
    }
    return f;
  };
  const has = (bits: number) => (word: string) => (flagsOf(word) & bits) !== 0;
  return {
    isCommon: has(WORD_COMMON),
    isFirstName: has(WORD_FIRST_NAME),
    isPersonName: has(WORD_FIRST_NAME | WORD_LAST_NAME | WORD_PERSON),
    isOtherName: has(WORD_OTHER_NAME),
    isHonorific: has(WORD_HONORIFIC),
    isCalendar: has(WORD_CALENDAR),
    demonym: (word) => {
      let d = demonyms.get(word);
      if (d === undefined) {
        if (demonyms.size >= REMEMBERED_WORDS) demonyms.clear();
        demonyms.set(word, (d = g.demonym(word)));
      }
      return d;
    },
  };
}
