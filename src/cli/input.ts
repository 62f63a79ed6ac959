/**
 * Reads the CLI's input file safely: only a regular file, never more than a size limit, checked
 * before the file is read whole. Anything else is refused with one sentence that says what the
 * file is and what to do (an InputError). What the bytes hold is core/formats' business.
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

/** The bytes of `path`; throws InputError for anything but a regular file of at most `maxMb` MiB. */
export function readInputBytes(path: string, maxMb = DEFAULT_MAX_MB): Uint8Array {
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
  return bytes;
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
