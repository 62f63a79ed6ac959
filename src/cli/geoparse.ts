#!/usr/bin/env node
/**
 * geoparse FILE: prints the place mentions of a newsletter as a GeoJSON FeatureCollection.
 * Exit codes: 0 done; 2 bad input (unreadable file, invalid data), with one line on stderr.
 */
import { readFileSync } from 'node:fs';
import { DataError, describeUnsearched, loadData, mentionsToGeoJSON } from '../core';
import { readDataFiles } from './data';

function fail(message: string): never {
  process.stderr.write(`geoparse: ${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2).filter((a) => a !== '--');
if (args.length !== 1 || args[0]!.startsWith('-')) {
  fail('usage: npm run --silent geoparse -- FILE   (FILE: a UTF-8 newsletter text)');
}
const path = args[0]!;

let text: string;
try {
  const bytes = readFileSync(path);
  text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
} catch (e) {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') fail(`${path}: no such file`);
  if (err.code === 'EISDIR') fail(`${path}: is a directory, not a text file`);
  if (err.code === 'EACCES') fail(`${path}: permission denied`);
  if (e instanceof TypeError) fail(`${path}: not valid UTF-8 text; save it as UTF-8 and try again`);
  fail(`${path}: cannot read: ${err.message}`);
}

try {
  const data = loadData(readDataFiles(process.env.ATLAS_DATA_DIR));
  const atlas = data.geoparse(text);
  process.stdout.write(JSON.stringify(mentionsToGeoJSON(atlas), null, 1) + '\n');
  // Text in no story was not searched for places: say so (a note; the exit status stays 0).
  for (const u of atlas.unsearched) process.stderr.write(`geoparse: note: ${describeUnsearched(u)}\n`);
} catch (e) {
  if (e instanceof DataError) fail(`invalid data: ${e.message}`);
  if (e instanceof Error && 'code' in e) fail(`cannot read the data: ${e.message}`);
  throw e;
}
