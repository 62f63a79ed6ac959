/**
 * The broad gazetteer for the CLIs: data/compiled/places.bin (npm run gazetteer builds it), with
 * the word lists its finder reads compiled into it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BroadGeoparser } from '../core';
import {
  createBroadGeoparser,
  GazetteerFormatError,
  lexiconOf,
  openGazetteer,
  type BroadGazetteer,
} from '../core/places';

/** Thrown when the compiled gazetteer is missing or unreadable; the message says what to run. */
export class BroadDataError extends Error {}

export function readBroadData(dataDir = new URL('../../data/', import.meta.url).pathname): BroadGeoparser {
  const file = join(dataDir, 'compiled/places.bin');
  if (!existsSync(file)) {
    throw new BroadDataError(`${file} is missing: build it with npm run gazetteer`);
  }
  const buf = readFileSync(file);
  // The typed arrays need 4-byte alignment: a file this size has a buffer of its own, at offset 0;
  // only a misaligned one is copied.
  const bytes =
    buf.byteOffset % 4 === 0
      ? new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)
      : new Uint8Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  let places: BroadGazetteer;
  try {
    places = openGazetteer(bytes);
  } catch (e) {
    if (e instanceof GazetteerFormatError)
      throw new BroadDataError(`${file}: ${e.message} (npm run gazetteer)`);
    throw e;
  }
  return createBroadGeoparser(places, lexiconOf(places));
}
