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

/** The finder's word lists, as compiled into the broad gazetteer's file. */
export function lexiconOf(g: BroadGazetteer): Lexicon {
  const has = (bits: number) => (word: string) => (g.wordFlags(word) & bits) !== 0;
  return {
    isCommon: has(WORD_COMMON),
    isFirstName: has(WORD_FIRST_NAME),
    isPersonName: has(WORD_FIRST_NAME | WORD_LAST_NAME | WORD_PERSON),
    isOtherName: has(WORD_OTHER_NAME),
    isHonorific: has(WORD_HONORIFIC),
    isCalendar: has(WORD_CALENDAR),
    demonym: (word) => g.demonym(word),
  };
}
