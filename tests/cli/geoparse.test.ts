import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MentionCollection } from '../../src/core';

const ROOT = new URL('../../', import.meta.url).pathname;
const NEWSLETTER = join(ROOT, 'data/newsletters/russian-embassy-newsletter-2020-06.txt');

function geoparse(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/geoparse.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('geoparse CLI', () => {
  it('prints one GeoJSON Feature per mention, in text order, with exact offsets', () => {
    const { code, stdout, stderr } = geoparse([NEWSLETTER]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const fc = JSON.parse(stdout) as MentionCollection;
    const text = readFileSync(NEWSLETTER, 'utf8');
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThan(100);
    let last = -1;
    for (const f of fc.features) {
      const p = f.properties;
      expect(Object.keys(p).sort()).toEqual([
        'end',
        'id',
        'kind',
        'name',
        'start',
        'story',
        'storyTitle',
        'text',
      ]);
      expect(text.slice(p.start, p.end)).toBe(p.text);
      expect(p.start).toBeGreaterThan(last);
      last = p.start;
      expect(p.story).toBeGreaterThanOrEqual(0);
      expect(p.storyTitle).not.toBe('');
      if (p.kind === 'route') {
        expect(f.geometry.type).toBe('LineString');
      } else {
        expect(f.geometry.type).toBe('Point');
        const [lon, lat] = f.geometry.coordinates as [number, number];
        expect(Math.abs(lon)).toBeLessThanOrEqual(180);
        expect(Math.abs(lat)).toBeLessThanOrEqual(90);
      }
    }
    const arkhangelsk = fc.features.find((f) => f.properties.id === 'arkhangelsk');
    expect(arkhangelsk?.properties.storyTitle).toMatch(/Arkhangelsk/);
  });

  it('segments an unknown newsletter and still finds its places', () => {
    const { code, stdout } = geoparse([join(ROOT, 'tests/fixtures/unknown-newsletter.txt')]);
    expect(code).toBe(0);
    const fc = JSON.parse(stdout) as MentionCollection;
    expect(fc.features.map((f) => [f.properties.text, f.properties.story])).toEqual([
      ['Vancouver', 0],
      ['Vancouver', 0],
      ['Washington State', 0],
      ['Pearson Field', 0],
      ['Vienna', 1],
      ['Moscow', 1],
      ['Washington', 1],
      ['Vienna', 1],
      ['Vienna', 1],
    ]);
    expect(fc.features.map((f) => f.properties.storyTitle)).toContain('Talks in Vienna');
  });

  it.each([
    ['a missing file', ['no/such/file.txt'], /no such file/],
    ['a directory', ['data'], /is a directory/],
    ['no argument', [], /usage/],
  ])('exits 2 with one line on stderr for %s', (_what, args, message) => {
    const { code, stdout, stderr } = geoparse(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('exits 2 for a file that is not UTF-8', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-'));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x4d, 0x6f, 0x73, 0x63, 0x6f, 0x77, 0xe9, 0x0a]));
    const { code, stderr } = geoparse([join(dir, 'latin1.txt')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/not valid UTF-8/);
  });

  it('exits 2 naming file, line and column for an invalid gazetteer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-data-'));
    cpSync(join(ROOT, 'data'), dir, { recursive: true });
    const gaz = join(dir, 'geo/gazetteer.csv');
    const lines = readFileSync(gaz, 'utf8').split('\n');
    lines[2] = lines[2]!.replace(/,(-?\d+(\.\d+)?),(-?\d+(\.\d+)?),/, ',95.5,$3,');
    writeFileSync(gaz, lines.join('\n'));
    const { code, stdout, stderr } = geoparse([NEWSLETTER], { ATLAS_DATA_DIR: dir + '/' });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/gazetteer\.csv:3: column "lat": out of range/);
  });
  /** A copy of data/ with `change` made to it, for ATLAS_DATA_DIR. */
  function corruptedData(change: (dir: string) => void): string {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-data-'));
    cpSync(join(ROOT, 'data'), dir, { recursive: true });
    change(dir);
    return dir + '/';
  }
  const edit = (path: string, f: (text: string) => string) =>
    writeFileSync(path, f(readFileSync(path, 'utf8')));

  it.each([
    [
      'route-layers.csv',
      (dir: string) => edit(join(dir, 'geo/route-layers.csv'), (t) => t.replace(',optional,', ',hidden,')),
      /geo\/route-layers\.csv:\d+: column "layer": write one of flight, shown, optional/,
    ],
    [
      "the flight's moments",
      (dir: string) =>
        edit(join(dir, 'geo/routes/ant25-1937.moments.csv'), (t) => t.replace('\n1,112,', '\n1,0x70,')),
      /geo\/routes\/ant25-1937\.moments\.csv:2: column "line": .*not hexadecimal/,
    ],
    [
      "the flight's clocks",
      (dir: string) =>
        edit(join(dir, 'geo/routes/ant25-1937.clocks.csv'), (t) =>
          t.replace('\nMoscow,3,', '\nMoscow,"3"h,'),
        ),
      /geo\/routes\/ant25-1937\.clocks\.csv:2: column "utc_offset_h": text after the closing quote/,
    ],
    [
      "the flight's figures",
      (dir: string) =>
        edit(join(dir, 'geo/routes/ant25-1937.figures.csv'), (t) => t.replace(',9130,', ',"9,130",')),
      /geo\/routes\/ant25-1937\.figures\.csv:5: column "value": .*without a comma/,
    ],
    [
      "the flight's context",
      (dir: string) =>
        edit(join(dir, 'geo/routes/ant25-1937.context.csv'), (t) =>
          t.replace('feature,kind,', 'feature,kinds,'),
        ),
      /geo\/routes\/ant25-1937\.context\.csv:1: column "kind": the header lacks column "kind"/,
    ],
    [
      'seas.csv',
      (dir: string) => edit(join(dir, 'geo/seas.csv'), (t) => t.replace(',-150,80,', ',-150,8e1,')),
      /geo\/seas\.csv:2: column "lat": .*without an exponent/,
    ],
    [
      'a moments file named after no route',
      (dir: string) =>
        cpSync(
          join(dir, 'geo/routes/ant25-1937.moments.csv'),
          join(dir, 'geo/routes/ant25-1938.moments.csv'),
        ),
      /geo\/routes\/ant25-1938\.moments\.csv:1: column "\(file\)": a moments file of route file ant25-1938\.csv/,
    ],
    [
      'a catalog fingerprint that matches no newsletter',
      (dir: string) =>
        edit(join(dir, 'newsletters/russian-embassy-newsletter-2020-06.txt'), (t) =>
          t.replace('Moscow', 'Moskva'),
        ),
      /newsletters\/catalog\.csv:2: column "fingerprint": matches no newsletter file/,
    ],
  ])('exits 2 with the located one-line error for a corrupted %s', (_what, change, message) => {
    const dir = corruptedData(change);
    const { code, stdout, stderr } = geoparse([NEWSLETTER], { ATLAS_DATA_DIR: dir });
    expect(stdout).toBe('');
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^geoparse: invalid data: /);
    expect(stderr).toMatch(message);
  });
});
