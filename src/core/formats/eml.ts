/**
 * The text of an e-mail (.eml): postal-mime parses the MIME structure and decodes
 * quoted-printable, base64 and charsets; the plain-text part is used when there is one, else
 * the HTML part through htmlToText. The Subject becomes the first line. Attachments are ignored.
 */
import PostalMime from 'postal-mime';
import { htmlToText } from './html';
import { FormatError, hasVisibleText } from './sniff';

export async function emlToText(bytes: Uint8Array): Promise<string> {
  let email;
  try {
    email = await PostalMime.parse(bytes);
  } catch (e) {
    throw new FormatError(`is not a readable e-mail message (${(e as Error).message})`);
  }
  const plain = email.text !== undefined && hasVisibleText(email.text) ? email.text : undefined;
  const body = plain ?? (email.html !== undefined ? htmlToText(email.html) : '');
  const subject = (email.subject ?? '').trim();
  if (!hasVisibleText(body) && subject === '') {
    throw new FormatError('is an e-mail with no text part and no HTML part to read');
  }
  return subject === '' ? body : `${subject}\n\n${body}`;
}
