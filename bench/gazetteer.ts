/**
 * npx tsx bench/gazetteer.ts: the compiled broad gazetteer (data/compiled/places.bin, built by
 * npm run gazetteer):
 * - its size raw, gzipped (node:zlib, level 6, as a static host serves it) and brotli'd, and
 *   where the gzipped bytes go (each section gzipped alone);
 * - openGazetteer in Node: the first open of the process, then the median of ten more, and
 *   lookups per second of the names of every 7th place;
 * - the load in headless Chromium (Debian's /usr/bin/chromium, or CHROME_PATH): the file served
 *   from 127.0.0.1 by node:http, once as it is and once gzip-encoded, to fresh pages that time
 *   fetch + arrayBuffer and openGazetteer (src/core/places/format.ts bundled by esbuild);
 *   median of seven pages each. No request leaves the machine (others are aborted, and count
 *   as a failure). --no-browser skips it.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { openGazetteer } from '../src/core/places';
import { findChromium, launchChromium, openRecordedPage } from '../tests/browser/chromium';

const file = new URL('../data/compiled/places.bin', import.meta.url);
const raw = readFileSync(file);
const gzipped = gzipSync(raw);
const copy = () => new Uint8Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

// Node.
const times: number[] = [];
for (let k = 0; k < 11; k++) {
  const bytes = copy();
  const t = performance.now();
  openGazetteer(bytes);
  times.push(performance.now() - t);
}
const [first, ...rest] = times;
const g = openGazetteer(copy());
const names: string[] = [];
for (let i = 0; i < g.size; i += 7) names.push(g.place(i).name);
const t = performance.now();
let found = 0;
for (const name of names) found += g.lookup(name).length > 0 ? 1 : 0;
const lookupMs = performance.now() - t;
if (found !== names.length) throw new Error(`${names.length - found} names not found`);
console.log(
  `places.bin: ${mb(raw.length)}, ${mb(gzipped.length)} gzipped, ${mb(brotliCompressSync(raw).length)} brotli; ${g.size} places, ${g.keys} keys, ${g.words} words, ${g.demonyms} demonyms`,
);
console.log(`sections (bytes, gzipped alone): ${sections(raw).join(', ')}`);
console.log(
  `openGazetteer in Node: first ${first!.toFixed(1)} ms, median of ten ${median(rest).toFixed(1)} ms`,
);
console.log(`lookup: ${Math.round(names.length / (lookupMs / 1000)).toLocaleString('en')} per second`);

/** Each section of the file as "name size→gzipped", largest gzipped first. */
function sections(bytes: Uint8Array): string[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = dv.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as Record<
    string,
    { offset: number; length: number }
  >;
  const base = (12 + headerLength + 3) & ~3;
  return Object.entries(header)
    .map(([name, s]) => {
      const part = bytes.subarray(base + s.offset, base + s.offset + s.length);
      return { name, size: s.length, gz: gzipSync(part).length };
    })
    .sort((a, b) => b.gz - a.gz)
    .map((s) => `${s.name} ${(s.size / 1e3).toFixed(0)}→${(s.gz / 1e3).toFixed(0)} KB`);
}

// Headless Chromium.
const chromiumPath = findChromium();
if (process.argv.includes('--no-browser')) {
  // skipped on request
} else if (!chromiumPath) {
  console.log('Chromium: not found (apt-get install -y chromium, or set CHROME_PATH); not measured');
} else {
  const bundle = await build({
    entryPoints: [new URL('../src/core/places/format.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    globalName: 'Gazetteer',
    platform: 'browser',
    target: 'es2022',
    write: false,
  });
  const script = bundle.outputFiles[0]!.contents;
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const headers = { 'cache-control': 'no-store' };
    if (url === '/')
      res
        .writeHead(200, { ...headers, 'content-type': 'text/html' })
        .end('<!doctype html><title>gazetteer</title>');
    else if (url === '/format.js')
      res.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(script);
    else if (url === '/places.bin')
      res.writeHead(200, { ...headers, 'content-type': 'application/octet-stream' }).end(raw);
    else if (url === '/places.bin.gz') {
      res
        .writeHead(200, {
          ...headers,
          'content-type': 'application/octet-stream',
          'content-encoding': 'gzip',
        })
        .end(gzipped);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium(chromiumPath);
  try {
    console.log(
      `Chromium ${browser.version()}, 7 fresh pages each, median (fetch + arrayBuffer / openGazetteer / both):`,
    );
    for (const [label, path] of [
      ['as it is', '/places.bin'],
      ['gzip-encoded', '/places.bin.gz'],
    ] as const) {
      const runs: { fetch: number; open: number; size: number }[] = [];
      for (let k = 0; k < 7; k++) {
        const { page, context, record } = await openRecordedPage(browser, origin);
        await page.goto(`${origin}/`);
        await page.addScriptTag({ url: '/format.js' });
        runs.push(
          await page.evaluate(async (url) => {
            const api = (globalThis as unknown as { Gazetteer: { openGazetteer: typeof openGazetteer } })
              .Gazetteer;
            const t0 = performance.now();
            const bytes = await (await fetch(url)).arrayBuffer();
            const t1 = performance.now();
            const opened = api.openGazetteer(new Uint8Array(bytes));
            const t2 = performance.now();
            if (opened.lookup(opened.place(0).name).length === 0) throw new Error('lookup failed');
            return { fetch: t1 - t0, open: t2 - t1, size: opened.size };
          }, path),
        );
        const problems = [...record.consoleErrors, ...record.pageErrors, ...record.blocked];
        await context.close();
        if (problems.length > 0) throw new Error(`Chromium page: ${problems.join('; ')}`);
      }
      if (runs.some((r) => r.size !== g.size)) throw new Error('Chromium opened another number of places');
      const f = median(runs.map((r) => r.fetch));
      const o = median(runs.map((r) => r.open));
      const both = median(runs.map((r) => r.fetch + r.open));
      console.log(`  ${label.padEnd(12)} ${f.toFixed(0)} ms + ${o.toFixed(0)} ms = ${both.toFixed(0)} ms`);
    }
  } finally {
    await browser.close();
    server.close();
  }
}
