import { describe, expect, it } from 'vitest';
import { FormatError, htmlToText, readDocument } from '../../src/core/formats';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('htmlToText', () => {
  it('keeps the visible text only', () => {
    const html = `<html><head><title>T</title><style>p{}</style></head><body>
      <nav>Menu</nav><template><p>Later</p></template><script>alert("x")</script>
      <noscript>Enable JS</noscript><p hidden>Hidden</p><p aria-hidden="true">Aria</p>
      <div style="display: none">Preheader</div><p style="color:red">Seen</p>
      <footer>Unsubscribe</footer></body></html>`;
    expect(htmlToText(html)).toBe('Seen');
  });

  it('makes blocks paragraphs, keeps a heading above its body, and decodes entities', () => {
    const html =
      '<h2>Talks &amp; treaties</h2><p>First&nbsp;line<br>second   line</p>' +
      '<ul><li>One</li><li>Two</li></ul><table><tr><td>Cell A</td><td>Cell B</td></tr></table>' +
      '<p>Inline <b>bold</b> and <a href="#">link</a>.</p>';
    expect(htmlToText(html)).toBe(
      'Talks & treaties\nFirst line\nsecond line\n\nOne\n\nTwo\n\nCell A\n\nCell B\n\nInline bold and link.',
    );
  });

  it('keeps white space inside <pre> and survives tags left open', () => {
    expect(htmlToText('<pre>a  b\n  c</pre><p>Open <div>inner')).toBe('a  b\n  c\n\nOpen\n\ninner');
    expect(htmlToText('<p>Before<script>never closed')).toBe('Before');
  });

  it('gives hostile markup as inert text, never markup', () => {
    const text = htmlToText(
      '<img src=x onerror="alert(1)"><p onclick="steal()">Click &lt;script&gt;alert(2)&lt;/script&gt;</p>',
    );
    expect(text).toBe('Click <script>alert(2)</script>');
  });

  it("keeps a script URL's link text only, reads nested tables cell by cell, and drops embedded content", () => {
    const html =
      '<a href="javascript:alert(1)">Link</a>' +
      '<table><tr><td><table><tr><td>Inner</td></tr></table></td><td>Outer</td></tr></table>' +
      '<iframe src="https://example.org/">frame</iframe><object data="x.swf">object</object>' +
      '<svg><script>x()</script><text>drawing</text></svg><p>After</p>';
    expect(htmlToText(html)).toBe('Link\n\nInner\n\nOuter\n\nAfter');
  });
});

/** An e-mail "June news", multipart/alternative: a plain part (its header lines and body), then an HTML part. */
const multipart = (plain: string[], html: string) =>
  [
    'Subject: June news',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain; charset=utf-8',
    ...plain,
    '--b',
    'Content-Type: text/html; charset=utf-8',
    '',
    html,
    '--b--',
    '',
  ].join('\r\n');

describe('readDocument', () => {
  it('reads .txt and .md as the file text, a byte order mark kept so offsets match the file', async () => {
    const doc = await readDocument('a.md', bytes('\ufeff# Moscow\r\nText'));
    expect(doc).toEqual({ format: 'text', text: '\ufeff# Moscow\r\nText' });
  });

  it('reads a file without a known extension by what it holds', async () => {
    expect((await readDocument('page', bytes('<!DOCTYPE html><p>Vienna</p>'))).format).toBe('html');
    expect(await readDocument('notes', bytes('Vienna'))).toEqual({ format: 'text', text: 'Vienna' });
  });

  it('reads an e-mail: the Subject first, the plain part before the HTML one, decoded', async () => {
    const eml = multipart(
      ['Content-Transfer-Encoding: base64', '', btoa('Plain text from Moscow.')],
      '<p>HTML from Vienna.</p>',
    );
    expect((await readDocument('x.eml', bytes(eml))).text).toBe('June news\n\nPlain text from Moscow.');
    const htmlOnly = eml.replace(/--b\r\nContent-Type: text\/plain[^]*?(?=--b\r\n)/, '');
    expect((await readDocument('x.eml', bytes(htmlOnly))).text).toBe('June news\n\nHTML from Vienna.');
  });

  it('reads a truncated e-mail as far as it goes, never its headers or boundaries as text', async () => {
    const body = 'Plain text from Moscow and Vienna.';
    const eml = multipart(['', body], '<p>HTML</p>');
    for (let cut = 20; cut < eml.length; cut += 7) {
      const { format, text } = await readDocument('x.eml', bytes(eml.slice(0, cut)));
      expect(format).toBe('eml');
      expect(text.startsWith('June news')).toBe(true);
      expect(body.startsWith(text.slice('June news'.length).trim())).toBe(true);
      expect(text).not.toMatch(/Content-Type|--b|MIME/);
    }
  });

  it.each([
    [
      'a binary file',
      'a.txt',
      Uint8Array.from([0x41, 0, 0x42, 0xff]),
      /^holds NUL bytes \(the first at byte 1\)/,
    ],
    ['an empty file', 'a.txt', new Uint8Array(0), /^is empty/],
    ['white space', 'a.txt', bytes(' \n\u00a0\t'), /^holds only white space/],
    ['an HTML page with no text', 'a.html', bytes('<script>x()</script>'), /no visible text/],
    ['a PDF', 'a.txt', bytes('%PDF-1.4'), /^is a PDF document; accepted: UTF-8 text/],
    ['a JPEG', 'a.jpg', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]), /^is a JPEG image/],
    ['Latin-1 text', 'a.txt', Uint8Array.from([0x4d, 0xe9, 0x78]), /^is not valid UTF-8 text \(at byte 1\)/],
  ])('refuses %s, saying what it is', async (_what, name, data, message) => {
    await expect(readDocument(name, data)).rejects.toThrow(FormatError);
    await expect(readDocument(name, data)).rejects.toThrow(message);
  });
});
