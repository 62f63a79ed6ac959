export * from './types';
export { parseCsv } from './csv';
export { normalizeText, isWordChar, compactText, isInvisible, type CompactText } from './normalize';
export { lineStarts, lineOf, splitLines, isLineBreak } from './lines';
export { fingerprint } from './fingerprint';
export { nameKey, sortByName } from './nameOrder';
export { parseGazetteer, parseRules, buildGazetteer, checkSharedAliases } from './gazetteer';
export { parseRoute, parseMoments, type Moment } from './routes';
export { parseFigures, figureRange, type Figure, type FigureKind } from './figures';
export {
  parseRouteLayers,
  parseClocks,
  loadFlight,
  loadRouteFiles,
  companionFile,
  COMPANION_KINDS,
  type RouteLayers,
  type RouteLayer,
  type LayerKind,
  type Clock,
  type FlightData,
} from './routeLayers';
export {
  parseCatalog,
  parseStoryIndex,
  storiesFromIndex,
  segmentStories,
  segmentText,
  findStories,
  storyParagraphs,
  storyHeading,
  lineFrom,
  unsearchedText,
  describeUnsearched,
  type Segmentation,
  type UnsearchedText,
  type CatalogEntry,
  type StoryIndexRow,
} from './stories';
export { furnitureFileFor, parseFurniture, splitByRanges, type TextPiece, type TextRange } from './furniture';
export { createPlaceFinder, sentenceAround, sentenceFinder, type PlaceFinder } from './mentions';
export {
  loadAtlas,
  loadData,
  type Atlas,
  type AtlasData,
  type BroadGeoparser,
  type DataFile,
  type PlaceSummary,
  type RouteData,
} from './atlas';
export {
  applyStoryEdits,
  cleanTitle,
  describeStoryEdit,
  MAX_STORY_TITLE,
  type EditedAtlas,
  type SkippedEdit,
  type StoryEdit,
} from './edits';
export { UNCERTAIN_BELOW, isUncertain, confidenceInWords } from './confidence';
export { mentionsToGeoJSON, type MentionCollection, type MentionFeature } from './geojson';
export { mentionsCsv, MENTION_CSV_COLUMNS } from './mentionsCsv';
export {
  buildSlides,
  playableRoutes,
  placePointsOf,
  parseSavedTour,
  readSavedTour,
  nextCustomId,
  formatSize,
  MAX_TOUR_SIZE,
  serializeTour,
  defaultTour,
  arrangeTour,
  customSlide,
  savedFromEntries,
  TourFormatError,
  TOUR_FORMAT,
  TOUR_VERSION,
  type Slide,
  type SlideKind,
  type Snippet,
  type SavedTour,
  type SavedSlide,
  type CustomSlide,
  type TourContext,
  type TourEntry,
  type ReadTour,
} from './tour';
export { parseContext, type ContextFeature, type ContextKind } from './context';
export { parseSeas, type SeaLabel } from './seas';
export {
  applyReviewChoices,
  reviewItems,
  withChoice,
  withoutChoice,
  REVIEW_BELOW,
  type CandidatePlace,
  type ReviewChoice,
  type ReviewGroup,
  type ReviewMention,
  type ReviewVerdict,
  type UnmatchedName,
} from './review';
