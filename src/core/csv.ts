import Papa from 'papaparse';
import { DataError } from './types';

/** A CSV row as a record of column name to trimmed value, with the 1-based line it starts on. */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/**
 * Parses a CSV file with a header row; every row keeps the line it starts on, so errors can
 * name it. Blank lines are skipped; a row with too many or too few fields is an error.
 *
 * @example parseCsv('id,name\nmoscow,Moscow\n', 'gazetteer.csv', ['id', 'name'])
 */
export function parseCsv(text: string, file: string, required: readonly string[]): CsvRow[] {
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  // Papaparse gives no line numbers: find each row's start by walking the rows' raw extents.
  const lineStarts = rowLines(text, parsed.data.length);
  const firstError = parsed.errors.find((e) => e.code !== 'UndetectableDelimiter');
  if (firstError) {
    const line = firstError.row !== undefined ? (lineStarts[firstError.row] ?? 1) : 1;
    throw new DataError(file, line, '(row)', '', `unreadable CSV: ${firstError.message}`);
  }
  const [header, ...rows] = parsed.data;
  if (!header) throw new DataError(file, 1, '(header)', '', 'the file is empty: it needs a header row');
  const columns = header.map((h) => h.trim());
  for (const name of required) {
    if (!columns.includes(name)) {
      throw new DataError(file, 1, name, columns.join(','), `the header lacks column "${name}"`);
    }
  }
  const out: CsvRow[] = [];
  rows.forEach((fields, i) => {
    const line = lineStarts[i + 1] ?? i + 2;
    if (fields.length === 1 && fields[0]!.trim() === '') return; // blank line
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
  });
  return out;
}

/** 1-based start line of each of `count` CSV records, honouring quoted fields that span lines. */
function rowLines(text: string, count: number): number[] {
  const starts: number[] = [];
  let line = 1;
  let inQuotes = false;
  let atRowStart = true;
  for (let i = 0; i < text.length && starts.length <= count; i++) {
    if (atRowStart) {
      starts.push(line);
      atRowStart = false;
    }
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === '\n') {
      line++;
      if (!inQuotes) atRowStart = true;
    }
  }
  return starts;
}

/**
 * Parses a finite number in [min, max], or throws a DataError naming the cell; `notANumber` is
 * the problem told for a cell that is no number (by default, one for coordinates).
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
  const value = raw === '' ? NaN : Number(raw);
  if (!Number.isFinite(value)) throw new DataError(file, row.line, column, raw, notANumber);
  if (value < min || value > max) {
    throw new DataError(file, row.line, column, raw, `out of range: must be between ${min} and ${max}`);
  }
  return value;
}

/**
 * Parses a whole number in [min, max] (like a line number of a text), or throws a DataError at the
 * cell with `problem`.
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
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new DataError(file, row.line, column, raw, problem);
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
