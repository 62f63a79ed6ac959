import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadData, MENTION_CSV_COLUMNS, mentionsCsv, mentionsToGeoJSON } from '../../src/core';
import { readDataFiles } from '../../src/cli/data';

const { geoparse } = loadData(readDataFiles());
const TEXT = [
  'Talks in Moscow',
  'The delegation flew on to Washington, retracing the transpolar flight.',
  '',
  '=HYPERLINK("http://example.org") says Russia, "quoted", and more',
].join('\n');
const atlas = geoparse(TEXT);
const rows = (csv: string) => Papa.parse<string[]>(csv, { newline: '\r\n' }).data;

describe('mentionsCsv', () => {
  const csv = mentionsCsv(atlas);
  const [header, ...body] = rows(csv);

  it('has a header and one row per mention, in text order, with CRLF line ends', () => {
    expect(header).toEqual([...MENTION_CSV_COLUMNS]);
    expect(body).toHaveLength(atlas.mentions.length);
    expect(body.map((r) => r[4])).toEqual(atlas.mentions.map((m) => m.text));
    expect(csv.split('\r\n')).toHaveLength(atlas.mentions.length + 1);
  });

  it('gives the values of the GeoJSON export, and the mention form', () => {
    const features = mentionsToGeoJSON(atlas).features;
    body.forEach((r, k) => {
      const p = features[k]!.properties;
      const place = atlas.gazetteer.byId.get(p.id)!;
      const row = Object.fromEntries(MENTION_CSV_COLUMNS.map((c, i) => [c, r[i]]));
      expect(row).toEqual({
        place_id: p.id,
        name: p.name,
        lat: String(place.lat),
        lon: String(place.lon),
        text: p.text,
        story: String(p.story),
        story_title: p.storyTitle.startsWith('=') ? `'${p.storyTitle}` : p.storyTitle,
        start: String(p.start),
        end: String(p.end),
        confidence: String(p.confidence),
        form: atlas.mentions[k]!.form,
        source: p.source,
        country: p.country ?? '',
      });
    });
  });

  it('gives a route its gazetteer point', () => {
    const route = body.find((r) => r[0] === 'ant25-1937')!;
    const place = atlas.gazetteer.byId.get('ant25-1937')!;
    expect([route[2], route[3]]).toEqual([String(place.lat), String(place.lon)]);
  });

  it('keeps a spreadsheet from running a title as a formula, and quotes what needs quotes', () => {
    const russia = body.find((r) => r[0] === 'russia')!;
    expect(russia[6]!.startsWith("'=HYPERLINK")).toBe(true);
    expect(csv).toContain('"\'=HYPERLINK(""http://example.org"") says Russia, ""quoted"", and more"');
  });
});
