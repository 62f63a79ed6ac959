import Papa from 'papaparse';
import { DataError } from './types';

/** A CSV row as a record of column name to trimmed value, with the 1-based line it starts on. */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/**
 * Parses a CSV file with a header row; every row keeps the line it starts on, so errors can
 * name it. Blank lines are skipped. Strict where a lenient reader would guess: a row with more
 * or fewer fields than the header, a header column named twice, a quote inside an unquoted
 * field (`Mos"cow`), text after a closing quote (`"Moscow"x`) and a quote never closed are all
 * errors at their line. When `optional` is given, the header may hold only the `required` and
 * `optional` columns: any other column name is an error (a misspelt or unknown column would be
 * read as nothing). A leading UTF-8 byte order mark is ignored.
 *
 * @example parseCsv('id,name\nmoscow,Moscow\n', 'gazetteer.csv', ['id', 'name'], ['note'])
 */
export function parseCsv(
  text: string,
  file: string,
  required: readonly string[],
  optional?: readonly string[],
): CsvRow[] {
  const records = readRecords(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, file);
  const [header, ...rows] = records;
  if (!header || (header.fields.length === 1 && header.fields[0]!.trim() === '' && rows.length === 0)) {
    throw new DataError(file, 1, '(header)', '', 'the file is empty: it needs a header row');
  }
  const columns = header.fields.map((h) => h.trim());
  columns.forEach((name, k) => {
    if (columns.indexOf(name) !== k) {
      throw new DataError(
        file,
        header.line,
        name,
        columns.join(','),
        'the header names this column twice: keep one',
      );
    }
  });
  for (const name of required) {
    if (!columns.includes(name)) {
      throw new DataError(file, header.line, name, columns.join(','), `the header lacks column "${name}"`);
    }
  }
  if (optional) {
    const known = [...required, ...optional];
    for (const name of columns) {
      if (known.includes(name)) continue;
      throw new DataError(
        file,
        header.line,
        name,
        columns.join(','),
        name === ''
          ? `a column without a name: remove the trailing comma, or name it (columns: ${known.join(', ')})`
          : `unknown column: this file's columns are ${known.join(', ')} (see data/README.md); rename or remove it`,
      );
    }
  }
  const out: CsvRow[] = [];
  for (const { line, fields } of rows) {
    if (fields.length === 1 && fields[0]!.trim() === '') continue; // blank line
    if (fields.length !== columns.length) {
      throw new DataError(
        file,
        line,
        '(row)',
        fields.join(','),
        `expected ${columns.length} fields (${columns.join(',')}), found ${fields.length}; quote values that contain commas`,
      );
    }
    const values: Record<string, string> = {};
    columns.forEach((c, k) => (values[c] = (fields[k] ?? '').trim()));
    out.push({ line, values });
  }
  return out;
}

interface CsvRecord {
  /** 1-based line the record starts on. */
  line: number;
  fields: string[];
}

/**
 * Splits CSV text into records with papaparse (RFC 4180: a field in double quotes may hold
 * commas, line breaks and doubled quotes ""), after line ends are made \n and the quotes are
 * checked: papaparse reads a stray quote (`Mos"cow`) as text and would shift every later line,
 * so a quote anywhere but around a whole field is a DataError at its line.
 */
function readRecords(raw: string, file: string): CsvRecord[] {
  const text = raw.replace(/\r\n?/g, '\n');
  const parsed = Papa.parse<string[]>(text, {
    header: false,
    delimiter: ',',
    newline: '\n',
    skipEmptyLines: false,
  });
  const header = parsed.data[0] ?? [];
  const lines = checkQuotes(text, file, header);
  // A final line break ends the last record; papaparse reads an empty record after it.
  const data = parsed.data.length > lines.length ? parsed.data.slice(0, lines.length) : parsed.data;
  return data.map((fields, i) => ({ line: lines[i] ?? i + 1, fields }));
}

/**
 * The 1-based start line of each record of `text` (\n line ends), honouring quoted fields that
 * span lines; throws a DataError at the line and column of a quote inside an unquoted field, of
 * text after a closing quote, and of a quote never closed.
 */
function checkQuotes(text: string, file: string, header: readonly string[]): number[] {
  const starts = [1];
  let line = 1;
  let lineStart = 0;
  let field = 0;
  let fieldStart = 0;
  let state: 'start' | 'plain' | 'quoted' | 'closed' = 'start';
  let open = { line: 0, at: 0 };
  const fail = (at: number, problem: string, whole?: string): never => {
    const row = starts.length === 1 && line === 1 ? '(header)' : (header[field]?.trim() ?? '(row)');
    const end = text.indexOf('\n', at);
    const value = whole ?? text.slice(fieldStart, end < 0 ? text.length : end).split(',')[0]!;
    throw new DataError(file, line, row, value, `${problem} (character ${at - lineStart + 1} of the line)`);
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (state === 'quoted') {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else state = 'closed';
      } else if (ch === '\n') {
        line++;
        lineStart = i + 1;
      }
      continue;
    }
    if (ch === ',' || ch === '\n') {
      field = ch === ',' ? field + 1 : 0;
      fieldStart = i + 1;
      state = 'start';
      if (ch === '\n') {
        line++;
        lineStart = i + 1;
        if (i + 1 < text.length) starts.push(line);
      }
    } else if (ch === '"') {
      if (state !== 'start') {
        fail(
          i,
          state === 'closed'
            ? 'text after the closing quote of a quoted field: put the whole value inside the quotes, and write a quote inside it as ""'
            : 'a quote inside a field that does not start with one: write the whole field in quotes and the quote inside it as "" (like "Mos""cow"), or remove it',
        );
      }
      state = 'quoted';
      open = { line, at: i };
    } else if (state === 'closed') {
      fail(
        i,
        'text after the closing quote of a quoted field: put the whole value inside the quotes, and write a quote inside it as ""',
      );
    } else {
      state = 'plain';
    }
  }
  if (state === 'quoted') {
    line = open.line;
    lineStart = text.lastIndexOf('\n', open.at) + 1;
    fieldStart = open.at;
    fail(
      open.at,
      'a quote opens a field here and is never closed: close it with "',
      text.slice(open.at, open.at + 40),
    );
  }
  return starts;
}

/** A plain decimal number: an optional sign, digits, an optional fraction (`-12`, `55.7558`). */
const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;
const WHOLE = /^[+-]?\d+$/;

/**
 * What is wrong with how `raw` is written, for a cell that must be a plain number; '' when
 * nothing is (JavaScript's Number() also reads "0x10", "1e3" and "" as numbers: these cells
 * do not).
 */
function numberHint(raw: string, pattern: RegExp): string {
  if (pattern.test(raw)) return '';
  if (pattern === WHOLE && DECIMAL.test(raw)) return ': write a whole number, without a fraction';
  if (raw.includes(',')) return ': write it without a comma, with a point for decimals (1.5, 1000)';
  if (/^[+-]?0x/i.test(raw)) return ': write it in decimal digits, not hexadecimal';
  if (/e/i.test(raw) && /\d/.test(raw)) return ': write all its digits, without an exponent (100, not 1e2)';
  return ': write plain decimal digits, with an optional sign and decimal point (like -12 or 55.7558)';
}

/**
 * Parses a finite number in [min, max], or throws a DataError naming the cell; `notANumber` is
 * the problem told for a cell that is no plain decimal number (by default, one for coordinates),
 * followed by what to write instead.
 */
export function parseNumberCell(
  row: CsvRow,
  column: string,
  file: string,
  min: number,
  max: number,
  notANumber = 'not a number; write decimal degrees like 55.7558',
): number {
  const raw = row.values[column] ?? '';
  const hint = raw === '' ? '' : numberHint(raw, DECIMAL);
  const value = raw === '' || hint !== '' ? NaN : Number(raw);
  if (!Number.isFinite(value)) throw new DataError(file, row.line, column, raw, notANumber + hint);
  if (value < min || value > max) {
    throw new DataError(file, row.line, column, raw, `out of range: must be between ${min} and ${max}`);
  }
  return value;
}

/**
 * Parses a whole number in [min, max] (like a line number of a text), written in plain decimal
 * digits, or throws a DataError at the cell with `problem` (and what is wrong with how it is
 * written, if that is it).
 */
export function parseIntegerCell(
  row: CsvRow,
  column: string,
  file: string,
  min: number,
  max: number,
  problem: string,
): number {
  const raw = row.values[column] ?? '';
  const hint = raw === '' ? '' : numberHint(raw, WHOLE);
  const value = raw === '' || hint !== '' ? NaN : Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new DataError(file, row.line, column, raw, problem + hint);
  }
  return value;
}

/**
 * Remembers the line of each id it is given; for an id seen before it throws a DataError at the
 * later row's `column`, naming the first row's line in `problem` (by default "listed twice (first
 * on line N): keep one row").
 *
 * @example const once = uniqueIds('seas.csv'); rows.forEach((row) => once(row, row.values.id!));
 */
export function uniqueIds(
  file: string,
  problem: (firstLine: number) => string = (first) => `listed twice (first on line ${first}): keep one row`,
  column = 'id',
): (row: CsvRow, id: string) => void {
  const seen = new Map<string, number>();
  return (row, id) => {
    const first = seen.get(id);
    if (first !== undefined) throw new DataError(file, row.line, column, id, problem(first));
    seen.set(id, row.line);
  };
}

/** Returns a non-empty cell, or throws a DataError naming it. */
export function requireCell(row: CsvRow, column: string, file: string, what: string): string {
  const value = row.values[column] ?? '';
  if (value === '') throw new DataError(file, row.line, column, value, `empty: ${what}`);
  return value;
}
