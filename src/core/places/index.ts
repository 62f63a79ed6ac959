export { placeKey } from './key';
export { lexiconOf } from './lexicon';
export {
  BROAD_KINDS,
  encodeGazetteer,
  FORMAT_VERSION,
  GazetteerFormatError,
  openGazetteer,
  WORD_CALENDAR,
  WORD_COMMON,
  WORD_DEMONYM,
  WORD_OTHER_NAME,
  WORD_FIRST_NAME,
  WORD_HONORIFIC,
  WORD_LAST_NAME,
  WORD_PERSON,
  type BroadGazetteer,
  type BroadKind,
  type BroadPlace,
  type Lexicon,
  type PlaceRecord,
} from './format';
export { combineMentions, createBroadGeoparser, broadPlace, broadPlaceId } from './combine';
export { findBroadMentions, type BroadMention, type Lexicon as FinderLexicon } from './finder';
