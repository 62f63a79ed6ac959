/**
 * FNV-1a 32-bit hash of a string's UTF-16 code units, as 8 hex digits. Recognises a known
 * newsletter by its content, whatever its file is called.
 *
 * @example fingerprint('') === '811c9dc5'
 */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
