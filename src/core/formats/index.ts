/**
 * Reads a document the atlas accepts into the plain text it geoparses: UTF-8 text (.txt, .md:
 * the file's text as it is), HTML (.html, .htm: the visible text) or an e-mail (.eml: the Subject,
 * then the plain or HTML body). Mentions' offsets index this text. Anything else is refused with a
 * FormatError that says what the file is and what is accepted.
 */
import { emlToText } from './eml';
import { htmlToText } from './html';
import { ACCEPTED, decodeUtf8, describeNonText, FormatError, hasVisibleText } from './sniff';

export { ACCEPTED, FormatError } from './sniff';
export { htmlToText } from './html';

export type DocumentFormat = 'text' | 'html' | 'eml';

export interface ReadDocument {
  format: DocumentFormat;
  /** The plain text mentions' offsets index (UTF-16 code units). */
  text: string;
}

/** The format a file name says, or null for a name with no known extension. */
export function formatOfName(name: string): DocumentFormat | null {
  const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext === 'txt' || ext === 'text' || ext === 'md' || ext === 'markdown') return 'text';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'eml') return 'eml';
  return null;
}

/**
 * The document's text. A name without a known extension is read as text when its bytes are
 * UTF-8 text (as HTML when they start like an HTML page).
 *
 * @example (await readDocument('a.html', new TextEncoder().encode('<p>Moscow</p>'))).text === 'Moscow'
 */
export async function readDocument(name: string, bytes: Uint8Array): Promise<ReadDocument> {
  const refuse = (what: string): never => {
    throw new FormatError(`${what}; accepted: ${ACCEPTED}`);
  };
  if (bytes.length === 0) throw new FormatError('is empty: there is no text to geoparse');
  const nonText = describeNonText(bytes);
  if (nonText) refuse(nonText);
  let format = formatOfName(name);
  if (format === 'eml') {
    const text = await emlToText(bytes).catch((e: unknown) => refuse((e as Error).message));
    return { format, text };
  }
  let decoded = '';
  try {
    decoded = decodeUtf8(bytes);
  } catch (e) {
    refuse((e as Error).message);
  }
  format ??= /^\ufeff?\s*<(!doctype\s+html|html[\s>])/i.test(decoded) ? 'html' : 'text';
  const text = format === 'html' ? htmlToText(decoded) : decoded;
  if (!hasVisibleText(text)) {
    throw new FormatError(
      format === 'html'
        ? 'is an HTML page with no visible text: there is no text to geoparse'
        : `holds only white space (${bytes.length} bytes): there is no text to geoparse`,
    );
  }
  return { format, text };
}
