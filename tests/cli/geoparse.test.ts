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
    // only the note that the mail footer (curated as such) was not searched
    expect(stderr).toBe(
      'geoparse: note: 290 characters on lines 143–153 were read as the mail footer and not searched\n',
    );
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

  describe('loses no text without saying so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-text-'));
    const write = (name: string, content: string) => {
      const file = join(dir, name);
      writeFileSync(file, content);
      return file;
    };
    const features = (stdout: string) =>
      (JSON.parse(stdout) as MentionCollection).features.map((f) => f.properties);

    it('searches a story above footer words, and notes the footer it did not search', () => {
      const file = write(
        'treaty.txt',
        'Moscow and Washington signed a treaty in Vienna.\nTo unsubscribe, click here.\n',
      );
      const { code, stdout, stderr } = geoparse([file]);
      expect(code).toBe(0);
      expect(features(stdout).map((p) => p.text)).toEqual(['Moscow', 'Washington', 'Vienna']);
      expect(stderr).toBe(
        'geoparse: note: 27 characters on line 2 were read as the mail footer and not searched\n',
      );
    });

    it('reads a file with CR-only line breaks as the same file with LF', () => {
      const lf = readFileSync(join(ROOT, 'tests/fixtures/unknown-newsletter.txt'), 'utf8');
      const cr = lf.replace(/\n/g, '\r');
      const a = geoparse([write('lf.txt', lf)]);
      const b = geoparse([write('cr.txt', cr)]);
      expect(b.code).toBe(0);
      expect(features(b.stdout)).toEqual(features(a.stdout));
      expect(features(b.stdout).length).toBeGreaterThan(0);
      expect(b.stderr).toBe(a.stderr);
      expect(b.stderr).toMatch(/^geoparse: note: \d+ characters on line 8 were read as the mail footer/);
    });

    it('finds the mentions of the newsletter written on one line', () => {
      const one = readFileSync(NEWSLETTER, 'utf8').split('\n').join(' ');
      const { code, stdout, stderr } = geoparse([write('one-line.txt', one)]);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      const got = features(stdout);
      expect(got.length).toBeGreaterThan(191);
      expect(new Set(got.map((p) => p.story))).toEqual(new Set([0]));
      for (const p of got) expect(one.slice(p.start, p.end)).toBe(p.text);
    });

    it('recognises a CRLF copy of the newsletter: the same 191 mentions', () => {
      const lf = geoparse([NEWSLETTER]);
      const crlf = geoparse([write('crlf.txt', readFileSync(NEWSLETTER, 'utf8').replace(/\n/g, '\r\n'))]);
      expect(crlf.code).toBe(0);
      const names = (stdout: string) => features(stdout).map((p) => [p.id, p.text, p.story, p.storyTitle]);
      expect(names(crlf.stdout)).toHaveLength(191);
      expect(names(crlf.stdout)).toEqual(names(lf.stdout));
    });

    it('counts offsets in UTF-16 code units of the text with its BOM, past emoji and astral characters', () => {
      const content = '\ufeff𝕄 👩‍👩‍👧 Moscow and 🇺🇸 Washington.\n\n𝕄𝕠𝕤𝕔𝕠𝕨 is not Mos\u00adcow, Vien\u200bna.\n';
      const file = write('bom.txt', content);
      const { code, stdout, stderr } = geoparse([file]);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      const got = features(stdout);
      expect(got.map((p) => p.text)).toEqual(['Moscow', 'Washington', 'Mos\u00adcow', 'Vien\u200bna']);
      const asNodeReadsIt = readFileSync(file, 'utf8');
      expect(asNodeReadsIt[0]).toBe('\ufeff');
      for (const p of got) expect(asNodeReadsIt.slice(p.start, p.end)).toBe(p.text);
      expect(got[0]!.start).toBe(content.indexOf('Moscow'));
    });
  });
});
