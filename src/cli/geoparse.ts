#!/usr/bin/env node
/**
 * geoparse [--max-mb N] [--text] FILE: prints the place mentions of a newsletter (UTF-8 text,
 * HTML or an e-mail) as a GeoJSON FeatureCollection; with --text, the plain text read from FILE
 * that the mentions' offsets index. Exit codes: 0 done (also when the reader of stdout closes it
 * early); 2 bad input or invalid data, with one line on stderr and never a stack trace.
 */
import { DataError, describeUnsearched, loadData, mentionsToGeoJSON } from '../core';
import { ACCEPTED, FormatError, readDocument } from '../core/formats';
import { BroadDataError, readBroadData } from './broad';
import { readDataFiles } from './data';
import { DEFAULT_MAX_MB, InputError, readInputBytes } from './input';

const USAGE =
  `usage: npm run --silent geoparse -- [--max-mb N] [--text] FILE   (FILE: ${ACCEPTED}, ` +
  `at most ${DEFAULT_MAX_MB} MiB unless --max-mb raises the limit)`;

function fail(message: string): never {
  process.stderr.write(`geoparse: ${message}\n`);
  process.exit(2);
}

// A reader that stops early (`| head`) closes the pipe: that is no error of ours.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  fail(`cannot write the output: ${e.message}`);
});
// Whatever goes wrong, one line and exit 2, never a stack trace.
process.on('uncaughtException', (e) => fail(`internal error: ${e.message} (please report it)`));

/** The file and the size limit the arguments name; fails with the usage line otherwise. */
function parseArgs(argv: string[]): { path: string; maxMb: number; textOnly: boolean } {
  let maxMb = DEFAULT_MAX_MB;
  let textOnly = false;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    if (arg === '--text') {
      textOnly = true;
      continue;
    }
    const flag = /^--max-mb(?:=(.*))?$/.exec(arg);
    if (flag) {
      const raw = flag[1] ?? argv[++i] ?? '';
      if (!/^\d+(\.\d+)?$/.test(raw) || Number(raw) <= 0) {
        fail(`--max-mb needs a size in MiB, like --max-mb 256 (got "${raw}")`);
      }
      maxMb = Number(raw);
    } else if (arg.startsWith('-') && arg !== '-') {
      fail(`unknown option ${arg}; ${USAGE}`);
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1) fail(USAGE);
  return { path: files[0]!, maxMb, textOnly };
}

async function main() {
  const { path, maxMb, textOnly } = parseArgs(process.argv.slice(2));
  let text: string;
  try {
    text = (await readDocument(path, readInputBytes(path, maxMb))).text;
  } catch (e) {
    if (e instanceof InputError) fail(e.message);
    if (e instanceof FormatError) fail(`${path}: ${e.message}`);
    throw e;
  }
  if (textOnly) {
    process.stdout.write(text);
    return;
  }
  try {
    const data = loadData(
      readDataFiles(process.env.ATLAS_DATA_DIR),
      readBroadData(process.env.ATLAS_DATA_DIR),
    );
    const atlas = data.geoparse(text);
    process.stdout.write(JSON.stringify(mentionsToGeoJSON(atlas), null, 1) + '\n');
    // Text in no story was not searched for places: say so (a note; the exit status stays 0).
    for (const u of atlas.unsearched) process.stderr.write(`geoparse: note: ${describeUnsearched(u)}\n`);
  } catch (e) {
    if (e instanceof DataError) fail(`invalid data: ${e.message}`);
    if (e instanceof BroadDataError) fail(e.message);
    if (e instanceof Error && 'code' in e) fail(`cannot read the data: ${e.message}`);
    if (e instanceof RangeError) fail(`${path}: too large to geoparse in memory (${e.message})`);
    throw e;
  }
}

main().catch((e: unknown) =>
  fail(`internal error: ${e instanceof Error ? e.message : String(e)} (please report it)`),
);
