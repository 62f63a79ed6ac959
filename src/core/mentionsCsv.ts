import Papa from 'papaparse';
import type { Atlas } from './atlas';
import { mentionsToGeoJSON } from './geojson';

/** The columns of mentionsCsv, in order. */
export const MENTION_CSV_COLUMNS = [
  'place_id',
  'name',
  'lat',
  'lon',
  'text',
  'story',
  'story_title',
  'start',
  'end',
  'confidence',
  'form',
  'source',
  'country',
] as const;

/**
 * The mentions of an atlas as CSV (RFC 4180, CRLF line ends, a header row): one row per mention
 * in text order, with the same values as mentionsToGeoJSON (the CLI's contract, which it is made
 * from): story counted from 0 (-1: in no story), start and end as string offsets into the text,
 * confidence 0–1 to two decimals. lat and lon are the place's point (a route's: its gazetteer
 * point, not its line). Cells that a spreadsheet would run as a formula (=, +, -, @ first) are
 * quoted with a leading apostrophe, so a title from an imported file cannot run one.
 *
 * @example mentionsCsv(atlas).split('\r\n')[0] === MENTION_CSV_COLUMNS.join(',')
 */
export function mentionsCsv(atlas: Atlas): string {
  const features = mentionsToGeoJSON(atlas).features;
  const rows = features.map((f, k) => {
    const p = f.properties;
    const place = atlas.gazetteer.byId.get(p.id)!;
    const [lon, lat] = f.geometry.type === 'Point' ? f.geometry.coordinates : [place.lon, place.lat];
    return [
      p.id,
      p.name,
      lat,
      lon,
      p.text,
      p.story,
      p.storyTitle,
      p.start,
      p.end,
      p.confidence,
      atlas.mentions[k]!.form,
      p.source,
      p.country ?? '',
    ];
  });
  return Papa.unparse(
    { fields: [...MENTION_CSV_COLUMNS], data: rows },
    { newline: '\r\n', escapeFormulae: true, quotes: false },
  );
}
