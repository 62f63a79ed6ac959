/**
 * The visible text of an HTML page, as a newsletter text: htmlparser2 reads the markup (it runs
 * in Node and the browser and never runs the page: no DOM, no script, no request). Scripts,
 * styles, templates, the head, navigation, footers and hidden elements give no text; block
 * elements become paragraph breaks (a heading keeps its text on the line above its body, so the
 * segmenter takes it for the story's title); entities are decoded; runs of white space collapse,
 * except inside <pre>.
 */
import { Parser } from 'htmlparser2';

/** Elements whose content is never visible text. */
const SKIPPED = new Set([
  'script',
  'style',
  'template',
  'head',
  'nav',
  'footer',
  'noscript',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'select',
  'datalist',
  'audio',
  'video',
]);

/** Elements that stand on lines of their own. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'form',
  'header',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** An element hidden by its attributes: `hidden`, aria-hidden, or an inline display:none. */
function hidden(attrs: Record<string, string>): boolean {
  if ('hidden' in attrs || attrs['aria-hidden'] === 'true') return true;
  const style = (attrs.style ?? '').toLowerCase().replace(/\s+/g, '');
  return /(^|;)(display:none|visibility:hidden)/.test(style);
}

/**
 * @example htmlToText('<h1>Talks</h1><p>In&nbsp;Vienna.</p><script>x()</script>') === 'Talks\nIn\u00a0Vienna.'
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  /** Open elements, to know when a skipped or hidden one closes (tags may be left open). */
  const stack: { name: string; skip: boolean; pre: boolean }[] = [];
  let skipping = 0;
  let pre = 0;
  /** The break owed before the next text: 0 none, 1 a line, 2 a paragraph. */
  let owed = 0;
  let pendingSpace = false;
  /** A heading just closed: its body starts on the next line, not after a blank one. */
  let afterHeading = false;
  const owe = (n: number) => (owed = Math.max(owed, n));
  const emit = (text: string) => {
    if (out.length > 0) {
      if (owed > 0) out.push(owed === 1 ? '\n' : '\n\n');
      else if (pendingSpace) out.push(' ');
    }
    owed = 0;
    pendingSpace = false;
    afterHeading = false;
    out.push(text);
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const skip = SKIPPED.has(name) || hidden(attrs);
        stack.push({ name, skip, pre: name === 'pre' });
        if (skip) skipping++;
        if (name === 'pre') pre++;
        if (skipping > 0) return;
        if (name === 'br') owe(1);
        else if (HEADINGS.has(name) || (BLOCKS.has(name) && !afterHeading)) owe(2);
      },
      ontext(data) {
        if (skipping > 0) return;
        if (pre > 0) {
          if (data !== '') emit(data);
          return;
        }
        const lead = /^\s/.test(data);
        const words = data.trim().split(/[ \t\n\r\f]+/);
        if (words.length === 1 && words[0] === '') {
          if (data !== '') pendingSpace = true;
          return;
        }
        if (lead) pendingSpace = true;
        emit(words.join(' '));
        if (/\s$/.test(data)) pendingSpace = true;
      },
      onclosetag(name) {
        // Close up to the matching open element (htmlparser2 closes implied ones itself).
        let at = stack.length - 1;
        while (at >= 0 && stack[at]!.name !== name) at--;
        if (at < 0) return;
        for (const el of stack.splice(at)) {
          if (el.skip) skipping--;
          if (el.pre) pre--;
        }
        if (skipping > 0) return;
        if (HEADINGS.has(name)) {
          owe(1);
          afterHeading = true;
        } else if (BLOCKS.has(name) && !afterHeading) owe(2);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return out.join('');
}
