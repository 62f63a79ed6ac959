import { describe, expect, it } from 'vitest';
import { DataError, fingerprint, loadData, type AtlasData } from '../../src/core';
import { readDataFiles } from '../../src/cli/data';

function errorOf(fn: () => unknown): DataError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error('expected a DataError');
}

const data = readDataFiles();
const NEWSLETTER = 'russian-embassy-newsletter-2020-06.txt';
const STORIES = 'russian-embassy-newsletter-2020-06.stories.csv';
const ROUTE = 'ant25-1937.csv';
/** The data with some files replaced. */
const withFiles = (changes: Partial<AtlasData>): AtlasData => ({ ...data, ...changes });
const routesWith = (files: Record<string, string>) => withFiles({ routes: { ...data.routes, ...files } });

describe('loadData: the curated data', () => {
  it('loads, with the route layers, the flight and its files, and the seas', () => {
    const loaded = loadData(data);
    expect(loaded.routeLayers.flight).not.toBeNull();
    expect(loaded.flight?.route.place.id).toBe(loaded.routeLayers.flight);
    expect(loaded.flight?.moments.length).toBeGreaterThan(0);
    expect(loaded.flight?.clocks.length).toBeGreaterThan(0);
    expect(loaded.seas.length).toBeGreaterThan(0);
  });

  it('checks every moment against the catalog newsletter: the same as against the text shown', () => {
    const loaded = loadData(data);
    const lines = data.newsletters[NEWSLETTER]!.split('\n');
    for (const m of loaded.flight!.moments) expect(lines[m.line - 1]).toContain(m.quote);
  });
});

describe('loadData: the catalog and its newsletters', () => {
  it('rejects a fingerprint that matches no newsletter file, giving the one the file has', () => {
    const changed = data.newsletters[NEWSLETTER]!.replace('Moscow', 'Moskva');
    const e = errorOf(() =>
      loadData(withFiles({ newsletters: { ...data.newsletters, [NEWSLETTER]: changed } })),
    );
    expect(e).toMatchObject({ file: 'data/newsletters/catalog.csv', line: 2, column: 'fingerprint' });
    expect(e.message).toContain('matches no newsletter file');
    expect(e.message).toContain(`data/newsletters/${NEWSLETTER} has fingerprint ${fingerprint(changed)}`);
  });

  it('rejects a catalog row whose newsletter file is not there', () => {
    const e = errorOf(() => loadData(withFiles({ newsletters: {} })));
    expect(e).toMatchObject({
      file: 'data/newsletters/catalog.csv',
      line: 2,
      column: 'file',
      value: NEWSLETTER,
    });
  });

  it('names a bad story index with its folder, at load', () => {
    const bad = data.storyIndexes[STORIES]!.replace(/\n1,article,/, '\n0x1,article,');
    const e = errorOf(() => loadData(withFiles({ storyIndexes: { ...data.storyIndexes, [STORIES]: bad } })));
    expect(e).toMatchObject({ file: `data/newsletters/${STORIES}`, line: 2, column: 'line' });
    expect(e.message).toMatch(/^data\/newsletters\/russian-embassy-newsletter-2020-06\.stories\.csv:2: /);
  });

  it('names a story index row past the end of its newsletter, at load', () => {
    const far = data.storyIndexes[STORIES]!.trimEnd() + '\n99999,footer,\n';
    const e = errorOf(() => loadData(withFiles({ storyIndexes: { ...data.storyIndexes, [STORIES]: far } })));
    expect(e.file).toBe(`data/newsletters/${STORIES}`);
    expect(e.message).toMatch(/the text has only \d+ lines/);
  });
});

describe('loadData: the routes folder', () => {
  it('names a bad route file with its folder', () => {
    const bad = data.routes[ROUTE]!.replace(/\n2,/, '\n2.5,');
    const e = errorOf(() => loadData(routesWith({ [ROUTE]: bad })));
    expect(e).toMatchObject({ file: `data/geo/routes/${ROUTE}`, line: 3, column: 'seq' });
  });

  it('rejects a companion file named after no route', () => {
    const e = errorOf(() =>
      loadData(routesWith({ 'ant25-1938.moments.csv': data.routes['ant25-1937.moments.csv']! })),
    );
    expect(e).toMatchObject({ file: 'data/geo/routes/ant25-1938.moments.csv', column: '(file)' });
    expect(e.message).toContain('a moments file of route file ant25-1938.csv, which no route of');
    expect(e.message).toContain('ant25-1937.csv');
  });

  it('rejects any other file there', () => {
    const e = errorOf(() => loadData(routesWith({ 'notes.txt': 'to do\n' })));
    expect(e).toMatchObject({ file: 'data/geo/routes/notes.txt' });
    expect(e.message).toContain('neither a route of data/geo/gazetteer.csv nor a companion of one');
  });

  it('checks the files of a route that is not the flight too', () => {
    const e = errorOf(() =>
      loadData(routesWith({ 'alsib-1942.clocks.csv': 'label,utc_offset_h,source\nX,0x3,s\n' })),
    );
    expect(e).toMatchObject({
      file: 'data/geo/routes/alsib-1942.clocks.csv',
      line: 2,
      column: 'utc_offset_h',
    });
  });

  it('rejects a moment whose quote is not on its line, naming the newsletter', () => {
    const moments = 'ant25-1937.moments.csv';
    const bad = data.routes[moments]!.replace(/\n1,112,/, '\n1,111,');
    const e = errorOf(() => loadData(routesWith({ [moments]: bad })));
    expect(e).toMatchObject({ file: `data/geo/routes/${moments}`, line: 2, column: 'quote' });
    expect(e.message).toContain(`line 111 of data/newsletters/${NEWSLETTER}`);
  });
});

describe('loadData: the other files', () => {
  it('reports a header-only gazetteer at the gazetteer, not at rules.csv', () => {
    const header = data.gazetteer.text.split('\n')[0]! + '\n';
    const e = errorOf(() => loadData(withFiles({ gazetteer: { ...data.gazetteer, text: header } })));
    expect(e.file).toBe('data/geo/gazetteer.csv');
    expect(e.message).toContain('no places: add at least one row');
  });

  it('rejects an alias shared by two places unless a rule decides', () => {
    const shared = data.gazetteer.text.replace(
      ',Vancouver Barracks,landmark,',
      ',Vancouver Barracks|Vancouver,landmark,',
    );
    const e = errorOf(() => loadData(withFiles({ gazetteer: { ...data.gazetteer, text: shared } })));
    expect(e).toMatchObject({ file: 'data/geo/gazetteer.csv', column: 'aliases', value: 'Vancouver' });
    expect(e.message).toMatch(/also an alias of vancouver-wa \(line \d+\)/);
    const rule = `"[Vancouver] Barracks",vancouver-barracks,test\n`;
    expect(() =>
      loadData(
        withFiles({
          gazetteer: { ...data.gazetteer, text: shared },
          rules: { ...data.rules, text: data.rules.text + rule },
        }),
      ),
    ).not.toThrow();
  });

  it('checks route-layers.csv and seas.csv', () => {
    const layers = errorOf(() =>
      loadData(
        withFiles({
          routeLayers: { ...data.routeLayers, text: data.routeLayers.text.replace(',optional,', ',hidden,') },
        }),
      ),
    );
    expect(layers).toMatchObject({ file: 'data/geo/route-layers.csv', column: 'layer', value: 'hidden' });
    const seas = errorOf(() =>
      loadData(
        withFiles({ seas: { ...data.seas, text: data.seas.text.replace(',-150,80,', ',-150,"8"0,') } }),
      ),
    );
    expect(seas).toMatchObject({ file: 'data/geo/seas.csv', line: 2 });
  });
});
