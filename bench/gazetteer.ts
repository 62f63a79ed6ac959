/**
 * npx tsx bench/gazetteer.ts: the compiled broad gazetteer (data/compiled/places.bin, built by
 * npm run gazetteer): its size raw and gzipped, the time openGazetteer takes in Node (the first
 * open, then the median of ten), and lookups per second of the names of every 7th place.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { openGazetteer } from '../src/core/places';

const file = new URL('../data/compiled/places.bin', import.meta.url);
const raw = readFileSync(file);
const copy = () => new Uint8Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
const times: number[] = [];
for (let k = 0; k < 11; k++) {
  const bytes = copy();
  const t = performance.now();
  openGazetteer(bytes);
  times.push(performance.now() - t);
}
const [first, ...rest] = times;
rest.sort((a, b) => a - b);
const g = openGazetteer(copy());
const names: string[] = [];
for (let i = 0; i < g.size; i += 7) names.push(g.place(i).name);
const t = performance.now();
let found = 0;
for (const name of names) found += g.lookup(name).length > 0 ? 1 : 0;
const lookupMs = performance.now() - t;
if (found !== names.length) throw new Error(`${names.length - found} names not found`);
const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
console.log(
  `places.bin: ${mb(raw.length)}, ${mb(gzipSync(raw).length)} gzipped; ${g.size} places, ${g.keys} keys, ${g.words} words, ${g.demonyms} demonyms`,
);
console.log(`openGazetteer: first ${first!.toFixed(1)} ms, median of ten ${rest[5]!.toFixed(1)} ms`);
console.log(`lookup: ${Math.round(names.length / (lookupMs / 1000)).toLocaleString('en')} per second`);
