/**
 * What a file's bytes are, when they are not text the atlas reads: known binary formats by their
 * first bytes, UTF-16 with or without a byte order mark, NUL bytes, nothing at all. Shared by the
 * CLI and the browser (no DOM, no Node).
 */

/** A file the atlas cannot read; the message says what the file is and what is accepted. */
export class FormatError extends Error {}

/** The formats read, for messages. */
export const ACCEPTED = 'UTF-8 text (.txt, .md), HTML (.html, .htm) or an e-mail (.eml)';

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Known binary formats by their first bytes ("magic numbers"). */
const SIGNATURES: [number[], string][] = [
  [ascii('%PDF-'), 'a PDF document'],
  [[0x89, ...ascii('PNG')], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [ascii('GIF8'), 'a GIF image'],
  [ascii('RIFF'), 'a RIFF file (WebP image, WAV or AVI)'],
  [[...ascii('PK'), 3, 4], 'a ZIP archive (or a Word, Excel or EPUB document, which are ZIP files)'],
  [[0x1f, 0x8b], 'a gzip-compressed file'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Microsoft Office document'],
  [[0x7f, ...ascii('ELF')], 'a program (ELF executable)'],
  [ascii('{\\rtf'), 'an RTF document'],
  [[...ascii('7z'), 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive'],
];

/** Says what `bytes` are when they cannot be text the atlas reads; null when they may be text. */
export function describeNonText(bytes: Uint8Array): string | null {
  for (const [sig, what] of SIGNATURES) if (startsWith(bytes, ...sig)) return `is ${what}`;
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) {
    const order = bytes[0] === 0xff ? 'little-endian' : 'big-endian';
    return `is UTF-16 text (${order}, with a byte order mark), not UTF-8`;
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return `looks like UTF-16 text (${utf16}) without a byte order mark, not UTF-8`;
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return bytes.every((b) => b === 0)
      ? `holds only NUL bytes (${bytes.length} bytes)`
      : `holds NUL bytes (the first at byte ${nul}): it is binary data, not text`;
  }
  return null;
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
 * Decodes UTF-8, keeping a leading byte order mark as one U+FEFF code unit (so offsets match
 * the file as Node's readFileSync(file, 'utf8') reads it); throws FormatError for invalid UTF-8.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new FormatError(`is not valid UTF-8 text (at byte ${firstBadByte(bytes)})`);
  }
}

/**
 * Offset of the first byte of the first invalid UTF-8 sequence (for the error message), from the
 * longest prefix that decodes as a stream, found by halving.
 */
function firstBadByte(bytes: Uint8Array): number {
  const decodes = (n: number, stream: boolean) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream });
      return true;
    } catch {
      return false;
    }
  };
  const streams = (n: number) => decodes(n, true);
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (streams(mid)) lo = mid;
    else hi = mid - 1;
  }
  // The prefix may end inside a sequence that the next byte breaks: name the sequence's first byte.
  if (decodes(lo, false)) return lo;
  let start = lo;
  while (start > 0 && lo - start < 3 && (bytes[start - 1]! & 0xc0) === 0x80) start--;
  return start > 0 && bytes[start - 1]! >= 0xc0 ? start - 1 : lo;
}

/** Characters that show nothing: white space, byte order mark, soft hyphen, zero-width ones. */
export const hasVisibleText = (text: string) => /[^\s\ufeff\u00ad\u200b-\u200d\u2060]/u.test(text);
