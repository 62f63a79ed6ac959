/**
 * Reads a geoparsing test corpus in the LGL XML layout: `<article>`s, each with a `<text>` and
 * `<toponym>`s giving a span (`<start>`, `<end>`: offsets into the text), the `<phrase>` and,
 * when the annotators found one, the GeoNames entry's `<lat>`/`<lon>`.
 */
import { Parser } from 'htmlparser2';

export interface GoldToponym {
  start: number;
  end: number;
  phrase: string;
  /** The annotated coordinates, or null where the gold gives none. */
  lat: number | null;
  lon: number | null;
}

export interface Article {
  id: string;
  text: string;
  toponyms: GoldToponym[];
}

/** Thrown for a corpus that does not have the layout above; the message says where. */
export class CorpusError extends Error {}

/** Parses the corpus XML. Toponym spans are checked against the text's phrase. */
export function parseCorpus(xml: string, file = 'corpus'): Article[] {
  const articles: Article[] = [];
  let article: Article | null = null;
  let toponym: Partial<Record<'start' | 'end' | 'phrase' | 'lat' | 'lon', string>> | null = null;
  const path: string[] = [];
  let buffer = '';
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        path.push(name);
        buffer = '';
        if (name === 'article')
          article = { id: attrs.docid ?? String(articles.length), text: '', toponyms: [] };
        if (name === 'toponym') toponym = {};
      },
      ontext(data) {
        buffer += data;
      },
      onclosetag(name) {
        path.pop();
        const parent = path[path.length - 1];
        if (name === 'text' && parent === 'article' && article) article.text = buffer;
        if (toponym && (name === 'start' || name === 'end' || name === 'phrase') && parent === 'toponym') {
          toponym[name] = buffer;
        }
        if (toponym && (name === 'lat' || name === 'lon') && parent === 'gaztag') toponym[name] = buffer;
        if (name === 'toponym' && toponym && article) {
          article.toponyms.push(goldToponym(toponym, article, file));
          toponym = null;
        }
        if (name === 'article' && article) {
          articles.push(article);
          article = null;
        }
        buffer = '';
      },
    },
    { xmlMode: true },
  );
  parser.write(xml);
  parser.end();
  if (articles.length === 0) throw new CorpusError(`${file}: no <article> with a <text> found`);
  return articles;
}

function goldToponym(
  raw: Partial<Record<'start' | 'end' | 'phrase' | 'lat' | 'lon', string>>,
  article: Article,
  file: string,
): GoldToponym {
  const start = Number(raw.start);
  const end = Number(raw.end);
  const where = `${file}: article ${article.id}, toponym "${raw.phrase ?? ''}"`;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
    throw new CorpusError(`${where}: <start>/<end> are not a span`);
  }
  const lat = raw.lat === undefined || raw.lat.trim() === '' ? null : Number(raw.lat);
  const lon = raw.lon === undefined || raw.lon.trim() === '' ? null : Number(raw.lon);
  return {
    start,
    end,
    phrase: raw.phrase ?? article.text.slice(start, end),
    lat: lat !== null && Number.isFinite(lat) ? lat : null,
    lon: lon !== null && Number.isFinite(lon) ? lon : null,
  };
}
