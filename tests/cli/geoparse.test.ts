import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
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
    // A hang (a pipe read forever) fails the test instead of stalling the run.
    timeout: 60_000,
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
      expect(Object.keys(p).sort()).toEqual(
        [
          'confidence',
          'country',
          'end',
          'id',
          'kind',
          'name',
          'source',
          'start',
          'story',
          'storyTitle',
          'text',
        ].filter((k) => k !== 'country' || 'country' in p),
      );
      // The curated answer of the known newsletter: sure, from the curated gazetteer.
      expect([p.confidence, p.source]).toEqual([1, 'curated']);
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
    expect(fc.features.map((f) => [f.properties.text, f.properties.story, f.properties.country])).toEqual([
      ['Vancouver', 0, 'US'],
      ['Vancouver', 0, 'US'],
      ['Washington State', 0, 'US'],
      ['Pearson Field', 0, 'US'],
      ['Vienna', 1, 'AT'],
      ['Moscow', 1, 'RU'],
      ['Washington', 1, 'US'],
      ['Vienna', 1, 'AT'],
      ['Vienna', 1, 'AT'],
    ]);
    // Places the broad gazetteer has come with their GeoNames id; the others are curated.
    for (const f of fc.features) {
      const p = f.properties;
      expect(p.source).toBe(p.geonames ? 'geonames' : 'curated');
      expect(p.confidence).toBeGreaterThan(0);
      expect(p.confidence).toBeLessThanOrEqual(1);
    }
    // In the story about talks between capitals, Washington is the capital, not the state the
    // first story is about: each story is a discourse of its own.
    const [lon, lat] = fc.features[6]!.geometry.coordinates as [number, number];
    expect([Math.round(lat), Math.round(lon)]).toEqual([39, -77]);
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

  describe('refuses what it cannot read, in one line, before reading it whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-input-'));
    const file = (name: string, bytes: Uint8Array | string) => {
      writeFileSync(join(dir, name), bytes);
      return join(dir, name);
    };
    const fifo = join(dir, 'fifo');
    spawnSync('mkfifo', [fifo]);
    const sparse = join(dir, 'sparse.txt');
    writeFileSync(sparse, '');
    truncateSync(sparse, 64 * 1024 * 1024 + 1);
    const utf16 = (s: string, le: boolean) =>
      Buffer.from([...s].flatMap((c) => (le ? [c.charCodeAt(0), 0] : [0, c.charCodeAt(0)])));

    it.each([
      ['a character device', () => '/dev/zero', /is a character device, not a regular file/],
      ['a FIFO with no writer', () => fifo, /is a named pipe \(FIFO\), not a regular file/],
      [
        'a file over 64 MiB',
        () => sparse,
        /64\.0 MiB is over the 64 MiB limit; raise the limit with --max-mb 66/,
      ],
      ['an empty file', () => file('empty.txt', ''), /is empty: there is no text to geoparse/],
      ['white space only', () => file('blank.txt', ' \n\t\r\n\u00a0\n'), /holds only white space/],
      ['NUL bytes only', () => file('nul.txt', new Uint8Array(64)), /holds only NUL bytes \(64 bytes\)/],
      [
        'an image',
        () =>
          file('image.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])),
        /is a PNG image; accepted: UTF-8 text \(\.txt, \.md\), HTML \(\.html, \.htm\) or an e-mail \(\.eml\)/,
      ],
      [
        'binary data',
        () => file('data.bin', Uint8Array.from([0x41, 0x42, 0x00, 0x43, 0x44, 0x45, 0x46, 0x47])),
        /holds NUL bytes \(the first at byte 2\): it is binary data, not text; accepted:/,
      ],
      [
        'a PDF document',
        () => file('paper.pdf', '%PDF-1.7\n1 0 obj\n'),
        /paper\.pdf: is a PDF document; accepted:/,
      ],
      [
        'UTF-16 without a byte order mark',
        () => file('le.txt', utf16('Moscow and Vienna\n', true)),
        /looks like UTF-16 text \(little-endian\) without a byte order mark, not UTF-8; accepted:/,
      ],
      [
        'big-endian UTF-16 without a byte order mark',
        () => file('be.txt', utf16('Moscow and Vienna\n', false)),
        /looks like UTF-16 text \(big-endian\)/,
      ],
      [
        'UTF-16 with a byte order mark',
        () => file('bom16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16('Moscow\n', true)])),
        /is UTF-16 text \(little-endian, with a byte order mark\), not UTF-8; accepted:/,
      ],
      ['an unknown option', () => '--frob', /unknown option --frob; usage/],
    ])('%s: exit 2, one line on stderr, no stack trace', (_what, path, message) => {
      const { code, stdout, stderr } = geoparse([path()]);
      expect(stderr).toMatch(message);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).not.toMatch(/\n\s+at /);
    });

    it(
      '--max-mb sets the limit: below the file it refuses, at the default it reads',
      { timeout: 60_000 },
      () => {
        const small = geoparse(['--max-mb', '0.01', NEWSLETTER]);
        expect(small.code).toBe(2);
        expect(small.stderr).toMatch(/MiB is over the 0\.01 MiB limit; raise the limit with --max-mb 2\n$/);
        expect(geoparse(['--max-mb=0.01', NEWSLETTER]).code).toBe(2);
        const bad = geoparse(['--max-mb', 'lots', NEWSLETTER]);
        expect(bad.stderr).toMatch(/--max-mb needs a size in MiB, like --max-mb 256 \(got "lots"\)/);
        const raised = geoparse(['--max-mb', '1', NEWSLETTER]);
        expect(raised.code).toBe(0);
        expect((JSON.parse(raised.stdout) as MentionCollection).features.length).toBeGreaterThan(100);
      },
    );

    it('exits quietly with 0 when the reader closes the pipe early', () => {
      const cli = `"${process.execPath}" --import tsx src/cli/geoparse.ts "${NEWSLETTER}"`;
      const r = spawnSync('bash', ['-o', 'pipefail', '-c', `${cli} | head -c 100 > /dev/null`], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      });
      // At most the footer note: no EPIPE error, no stack trace.
      for (const line of r.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^geoparse: note: /);
      expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
      expect(r.status).toBe(0);
    });
  });

  describe('reads HTML and e-mail as their plain text, which --text prints and the offsets index', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-formats-'));
    const html = join(dir, 'page.html');
    writeFileSync(
      html,
      `<!doctype html><html><head><title>Not this</title><script>document.title = "Moscow"</script></head>
<body><nav>Home | Vienna office</nav><h1>Talks in Vienna</h1>
<p>Delegations from Moscow and Washington&nbsp;met in Vienna.</p><footer>Moscow footer</footer></body></html>`,
    );
    const eml = join(dir, 'letter.eml');
    writeFileSync(
      eml,
      [
        'From: Embassy <press@example.org>',
        'Subject: =?UTF-8?Q?News_from_Moscow?=',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'The delegation flew from Moscow to Vien=',
        'na on Tuesday.',
        '',
      ].join('\r\n'),
    );

    it.each([
      ['an HTML page', html, 'Talks in Vienna\nDelegations from Moscow and Washington met in Vienna.'],
      ['an e-mail', eml, 'News from Moscow\n\nThe delegation flew from Moscow to Vienna on Tuesday.'],
    ])('%s', { timeout: 60_000 }, (_what, path, expected) => {
      const plain = geoparse(['--text', path]);
      expect(plain.code).toBe(0);
      expect(plain.stdout.trim()).toBe(expected);
      const { code, stdout } = geoparse([path]);
      expect(code).toBe(0);
      const fc = JSON.parse(stdout) as MentionCollection;
      expect(fc.features.length).toBeGreaterThan(2);
      for (const f of fc.features) {
        expect(plain.stdout.slice(f.properties.start, f.properties.end)).toBe(f.properties.text);
      }
      expect(fc.features.map((f) => f.properties.text)).not.toContain('Not this');
    });
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
