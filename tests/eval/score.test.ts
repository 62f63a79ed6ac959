import { describe, expect, it } from 'vitest';
import { CorpusError, parseCorpus, type Article } from '../../eval/corpus';
import { score } from '../../eval/score';

const XML = `<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="7">
    <title>Ignored &amp; title</title>
    <text><![CDATA[Rain in Northtown & <Southvale>. Northtown again.]]></text>
    <toponyms count="2">
      <toponym><start>8</start><end>17</end><phrase>Northtown</phrase>
        <gaztag geonameid="1"><name>Northtown</name><lat>10.0</lat><lon>20.0</lon></gaztag></toponym>
      <toponym><start>21</start><end>30</end><phrase>Southvale</phrase></toponym>
    </toponyms>
  </article>
  <article docid="8"><text><![CDATA[Nothing here.]]></text><toponyms count="0"></toponyms></article>
</articles>`;

describe('parseCorpus', () => {
  it('reads texts verbatim from CDATA, spans, phrases and optional coordinates', () => {
    const [a, b] = parseCorpus(XML, 'x.xml');
    expect(a!.id).toBe('7');
    expect(a!.text).toBe('Rain in Northtown & <Southvale>. Northtown again.');
    expect(a!.toponyms).toEqual([
      { start: 8, end: 17, phrase: 'Northtown', lat: 10, lon: 20 },
      { start: 21, end: 30, phrase: 'Southvale', lat: null, lon: null },
    ]);
    for (const t of a!.toponyms) expect(a!.text.slice(t.start, t.end)).toBe(t.phrase);
    expect(b).toEqual({ id: '8', text: 'Nothing here.', toponyms: [] });
  });

  it('refuses a file with no articles and a toponym with no span, saying where', () => {
    expect(() => parseCorpus('<articles></articles>', 'empty.xml')).toThrow(CorpusError);
    const broken = XML.replace('<start>8</start>', '<start>x</start>');
    expect(() => parseCorpus(broken, 'b.xml')).toThrow(/b\.xml: article 7, toponym "Northtown"/);
  });
});

describe('score', () => {
  const article: Article = {
    id: '1',
    text: 'A in Northtown, B in Southvale, C in Eastford.',
    toponyms: [
      { start: 5, end: 14, phrase: 'Northtown', lat: 0, lon: 0 },
      { start: 21, end: 30, phrase: 'Southvale', lat: 0, lon: 10 },
      { start: 37, end: 45, phrase: 'Eastford', lat: null, lon: null },
    ],
  };

  it('counts a prediction only when its span equals a gold span, once', () => {
    const s = score(
      [article],
      [
        [
          { start: 5, end: 14, text: 'Northtown', lat: 0.5, lon: 0.5 }, // ~79 km off: within
          { start: 5, end: 14, text: 'Northtown', lat: 0, lon: 0 }, // the same span twice: false
          { start: 21, end: 29, text: 'Southval', lat: 0, lon: 10 }, // not the whole span: false
          { start: 37, end: 45, text: 'Eastford', lat: 5, lon: 5 }, // gold has no coordinates
          { start: 0, end: 1, text: 'A', lat: 0, lon: 0 },
        ],
      ],
    );
    expect(s).toMatchObject({ predicted: 5, gold: 3, truePositives: 2 });
    expect(s.precision).toBeCloseTo(2 / 5);
    expect(s.recall).toBeCloseTo(2 / 3);
    expect(s.f1).toBeCloseTo((2 * (2 / 5) * (2 / 3)) / (2 / 5 + 2 / 3));
    expect(s.missedNames).toEqual([['Southvale', 1]]);
    expect(s.falseNames).toEqual([
      ['A', 1],
      ['Northtown', 1],
      ['Southval', 1],
    ]);
    expect(s).toMatchObject({ located: 1, within161: 1, accuracy161: 1 });
  });

  it('places a match more than 161 km away as misplaced', () => {
    const s = score([article], [[{ start: 21, end: 30, text: 'Southvale', lat: 0, lon: 12 }]]);
    expect(s).toMatchObject({ truePositives: 1, located: 1, within161: 0, accuracy161: 0 });
    expect(s.farNames).toEqual([['Southvale', 1]]);
  });

  it('scores nothing predicted as zero, not as NaN', () => {
    const s = score([article], [[]]);
    expect([s.precision, s.recall, s.f1, s.accuracy161]).toEqual([0, 0, 0, 0]);
    expect(s.missedNames.map(([n]) => n)).toEqual(['Eastford', 'Northtown', 'Southvale']);
  });
});
