export * from './types';
export { parseCsv } from './csv';
export { normalizeText, isWordChar } from './normalize';
export { fingerprint } from './fingerprint';
export { parseGazetteer, parseRules, buildGazetteer } from './gazetteer';
export { parseRoute, parseMoments, type Moment } from './routes';
export { parseFigures, figureRange, type Figure, type FigureKind } from './figures';
export {
  parseCatalog,
  parseStoryIndex,
  storiesFromIndex,
  segmentStories,
  findStories,
  type CatalogEntry,
  type StoryIndexRow,
} from './stories';
export { createPlaceFinder, sentenceAround, type PlaceFinder } from './mentions';
export {
  loadAtlas,
  loadData,
  type Atlas,
  type AtlasData,
  type DataFile,
  type PlaceSummary,
  type RouteData,
} from './atlas';
export { mentionsToGeoJSON, type MentionCollection, type MentionFeature } from './geojson';
