/**
 * The newsletter an offline copy opens on, when it was made from a newsletter the reader brought
 * (the bundled one ships in every copy): its library entry, the worker's geoparse result (a copy
 * opened from disk has no worker nor broad gazetteer to find its places again) and its edits, as
 * `<script type="application/json" id="atlas-embedded-newsletter">` beside the embedded storage
 * (embeddedStorage.ts), written with the same escaping.
 */
import type { ReviewChoice, StoryEdit } from './store/schema';
import type { GeoparseResult } from '../worker/protocol';
import { jsonForScript } from './embeddedStorage';

export const EMBEDDED_NEWSLETTER_ID = 'atlas-embedded-newsletter';
const FORMAT = 'newsletter-atlas-offline-newsletter';

export interface EmbeddedNewsletter {
  format: typeof FORMAT;
  version: 1;
  entry: {
    id: string;
    title: string;
    date: string | null;
    source: { name: string; format: GeoparseResult['format'] };
  };
  result: GeoparseResult;
  edits: { storyEdits: StoryEdit[]; reviewChoices: ReviewChoice[] };
}

export function makeEmbeddedNewsletter(
  entry: EmbeddedNewsletter['entry'],
  result: GeoparseResult,
  edits: EmbeddedNewsletter['edits'],
): EmbeddedNewsletter {
  return { format: FORMAT, version: 1, entry, result, edits };
}

const ELEMENT = new RegExp(
  `\\s*<script type="application/json" id="${EMBEDDED_NEWSLETTER_ID}">[^<]*</script>`,
  'g',
);

/** The copy's HTML with `embedded` as the newsletter it opens on (none: the element is taken out). */
export function injectNewsletter(html: string, embedded: EmbeddedNewsletter | null): string {
  const clean = html.replace(ELEMENT, '');
  if (!embedded) return clean;
  const end = clean.lastIndexOf('</body>');
  if (end < 0) throw new Error('the offline copy has no </body>: it is not the HTML page the build makes');
  const element = `<script type="application/json" id="${EMBEDDED_NEWSLETTER_ID}">${jsonForScript(embedded)}</script>\n`;
  return clean.slice(0, end) + element + clean.slice(end);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads the element's text; throws a message saying what is wrong. */
export function parseEmbeddedNewsletter(text: string): EmbeddedNewsletter {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new Error(`not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isObject(v) || v.format !== FORMAT) throw new Error(`expected an object with "format": "${FORMAT}"`);
  if (v.version !== 1) throw new Error(`unknown version ${JSON.stringify(v.version)} (this app reads 1)`);
  const { entry, result, edits } = v;
  if (!isObject(entry) || typeof entry.id !== 'string' || !entry.id || typeof entry.title !== 'string') {
    throw new Error('"entry" has no id and title');
  }
  if (
    !isObject(result) ||
    typeof result.text !== 'string' ||
    !Array.isArray(result.stories) ||
    !Array.isArray(result.mentions) ||
    !Array.isArray(result.places)
  ) {
    throw new Error('"result" has no text, stories, mentions and places');
  }
  if (!isObject(edits) || !Array.isArray(edits.storyEdits) || !Array.isArray(edits.reviewChoices)) {
    throw new Error('"edits" has no story edits and review choices');
  }
  return v as unknown as EmbeddedNewsletter;
}

/** The page's embedded newsletter, or null; a broken one is reported on the console and left out. */
export function embeddedNewsletterOf(doc: Document): EmbeddedNewsletter | null {
  const element = doc.getElementById(EMBEDDED_NEWSLETTER_ID);
  if (!element) return null;
  try {
    return parseEmbeddedNewsletter(element.textContent ?? '');
  } catch (e) {
    console.error(
      `the newsletter in <script id="${EMBEDDED_NEWSLETTER_ID}"> could not be read: ` +
        `${e instanceof Error ? e.message : String(e)}. The copy opens on the newsletter that comes with the app.`,
    );
    return null;
  }
}
