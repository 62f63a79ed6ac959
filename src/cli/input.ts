/**
 * Reads the CLI's input file safely: only a regular file, never more than a size limit, and
 * only text it can read as UTF-8. Anything else is refused with one sentence that says what the
 * file is and what to do (an InputError), before the file is read whole.
 */
import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** The largest input read by default, in MiB; `--max-mb N` raises it. */
export const DEFAULT_MAX_MB = 64;

/** Bad input: the message names the file and says what to do. */
export class InputError extends Error {}

const MIB = 1024 * 1024;

/** What a file system entry that is not a regular file is, in words. */
function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

function errnoMessage(path: string, e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return `${path}: no such file`;
  if (err.code === 'EACCES' || err.code === 'EPERM') return `${path}: permission denied`;
  if (err.code === 'ENOTDIR') return `${path}: no such file (a part of the path is not a folder)`;
  if (err.code === 'ELOOP') return `${path}: too many symbolic links`;
  return `${path}: cannot read: ${err.message}`;
}

const mib = (bytes: number) => `${(bytes / MIB).toFixed(1)} MiB`;

/**
 * The text of `path`, decoded as UTF-8 with a leading byte order mark kept (as one U+FEFF code
 * unit, so offsets match `readFileSync(path, 'utf8')`). Throws InputError for anything that is
 * not a regular, non-empty UTF-8 text file of at most `maxMb` MiB.
 */
export function readInputText(path: string, maxMb = DEFAULT_MAX_MB): string {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (e) {
    throw new InputError(errnoMessage(path, e));
  }
  const raise = `raise the limit with --max-mb ${Math.ceil(Math.max(stat.size, 1) / MIB) + 1}`;
  if (stat.isDirectory()) throw new InputError(`${path}: is a directory, not a text file`);
  if (!stat.isFile()) {
    throw new InputError(`${path}: is ${kindOf(stat)}, not a regular file: give the path of a text file`);
  }
  const limit = maxMb * MIB;
  if (stat.size > limit) {
    throw new InputError(`${path}: ${mib(stat.size)} is over the ${maxMb} MiB limit; ${raise}`);
  }
  const bytes = readAtMost(path, limit);
  if (bytes === null) {
    throw new InputError(`${path}: grew past the ${maxMb} MiB limit while being read; ${raise}`);
  }
  return decode(path, bytes);
}

/** The file's bytes, or null when it holds more than `limit` bytes (it may grow while read). */
function readAtMost(path: string, limit: number): Uint8Array | null {
  let fd;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new InputError(errnoMessage(path, e));
  }
  try {
    // Checked again on the open file: the path may have been swapped for a pipe or device.
    if (!fstatSync(fd).isFile()) throw new InputError(`${path}: is not a regular file any more`);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = new Uint8Array(Math.min(4 * MIB, limit + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > limit) return null;
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(errnoMessage(path, e));
  } finally {
    closeSync(fd);
  }
}

const ACCEPTED = 'save it as UTF-8 text (.txt) and try again';

/** Decodes UTF-8 text, or says what else the bytes are. */
function decode(path: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new InputError(`${path}: is empty: there is no text to geoparse`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const order = bytes[0] === 0xff ? 'little-endian' : 'big-endian';
    throw new InputError(`${path}: is UTF-16 text (${order}, with a byte order mark); ${ACCEPTED}`);
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16)
    throw new InputError(`${path}: looks like UTF-16 text (${utf16}) without a byte order mark; ${ACCEPTED}`);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const what = bytes.every((b) => b === 0)
      ? `holds only NUL bytes (${bytes.length} bytes)`
      : `holds NUL bytes (the first at byte ${nul}): it is binary data, not text`;
    throw new InputError(`${path}: ${what}; ${ACCEPTED}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new InputError(`${path}: is not valid UTF-8 text (at byte ${firstBadByte(bytes)}); ${ACCEPTED}`);
  }
  if (!/[^\s\ufeff\u00ad\u200b-\u200d\u2060]/u.test(text)) {
    throw new InputError(
      `${path}: holds only white space (${bytes.length} bytes): there is no text to geoparse`,
    );
  }
  return text;
}

/**
 * "little-endian" or "big-endian" when the bytes read like UTF-16 without a byte order mark (most
 * of the first code units have one NUL byte, always on the same side, as Latin text has), else null.
 */
function utf16WithoutBom(bytes: Uint8Array): string | null {
  const units = Math.min(Math.floor(bytes.length / 2), 4096);
  if (units < 1) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < units; i++) {
    if (bytes[2 * i] === 0) evenNul++;
    if (bytes[2 * i + 1] === 0) oddNul++;
  }
  const most = Math.max(1, Math.ceil(units * 0.6));
  if (oddNul >= most && evenNul * 4 < units) return 'little-endian';
  if (evenNul >= most && oddNul * 4 < units) return 'big-endian';
  return null;
}

/**
 * Offset of the first byte that cannot continue valid UTF-8 (for the error message): the longest
 * prefix that decodes as a stream, found by halving; the length when only the end is cut short.
 */
function firstBadByte(bytes: Uint8Array): number {
  const streams = (n: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (streams(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
