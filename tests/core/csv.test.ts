import { describe, expect, it } from 'vitest';
import { DataError, parseCsv } from '../../src/core';
import { parseIntegerCell, parseNumberCell, type CsvRow } from '../../src/core/csv';

function errorOf(fn: () => unknown): DataError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error('expected a DataError');
}

const FILE = 'data/geo/x.csv';

describe('parseCsv: the shape of the file', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and CRLF or CR line ends', () => {
    const text = 'id,name\r\na,"Vancouver, ""WA""\nstate"\r\n\r\nb,B\rc,C';
    expect(parseCsv(text, FILE, ['id', 'name'], [])).toEqual([
      { line: 2, values: { id: 'a', name: 'Vancouver, "WA"\nstate' } },
      { line: 5, values: { id: 'b', name: 'B' } },
      { line: 6, values: { id: 'c', name: 'C' } },
    ]);
  });

  it('ignores a byte order mark before the header', () => {
    expect(parseCsv('\ufeffid,name\na,A\n', FILE, ['id', 'name'], [])[0]!.values).toEqual({
      id: 'a',
      name: 'A',
    });
  });

  it.each([
    ['a quote inside an unquoted field', 'id,name\na,b\nc,Mos"cow\n', 3, 'name', 'Mos"cow', /character 6/],
    [
      'text after a closing quote',
      'id,name\na,b\nc,"Moscow"x\n',
      3,
      'name',
      '"Moscow"x',
      /after the closing quote/,
    ],
    ['a quote in the header', 'id,na"me\na,b\n', 1, '(header)', 'na"me', /quote inside a field/],
    ['a quote never closed', 'id,name\na,b\nc,"Moscow\nd,e\n', 3, 'name', '"Moscow\nd,e\n', /never closed/],
  ])('rejects %s at its line and column', (_what, text, line, column, value, problem) => {
    const e = errorOf(() => parseCsv(text, FILE, ['id', 'name'], []));
    expect(e).toMatchObject({ file: FILE, line, column, value });
    expect(e.message).toMatch(problem);
    expect(e.message.split('\n')[0]).toMatch(new RegExp(`^data/geo/x\\.csv:${line}: column`));
  });

  it('keeps counting lines right after a quoted field that spans lines', () => {
    const e = errorOf(() => parseCsv('id,name\na,"x\ny"\nb,c,d\n', FILE, ['id', 'name'], []));
    expect(e.line).toBe(4);
  });

  it('rejects a row with more fields than the header', () => {
    const e = errorOf(() => parseCsv('id,name\na,b,c\n', FILE, ['id', 'name']));
    expect(e).toMatchObject({ line: 2, column: '(row)' });
    expect(e.message).toMatch(/expected 2 fields/);
  });

  it('rejects a header column unknown for the file, or named twice, or without a name', () => {
    const unknown = errorOf(() => parseCsv('id,name,population\na,b,3\n', FILE, ['id', 'name'], ['note']));
    expect(unknown).toMatchObject({ line: 1, column: 'population' });
    expect(unknown.message).toMatch(/unknown column: this file's columns are id, name, note/);
    const twice = errorOf(() => parseCsv('id,name,id\na,b,c\n', FILE, ['id', 'name']));
    expect(twice).toMatchObject({ line: 1, column: 'id' });
    expect(twice.message).toMatch(/twice/);
    const unnamed = errorOf(() => parseCsv('id,name,\na,b,\n', FILE, ['id', 'name'], []));
    expect(unnamed).toMatchObject({ line: 1, column: '' });
    expect(unnamed.message).toMatch(/trailing comma/);
  });

  it('accepts the optional columns it is told of', () => {
    expect(parseCsv('id,note\na,b\n', FILE, ['id'], ['note'])[0]!.values).toEqual({ id: 'a', note: 'b' });
  });
});

describe('number cells', () => {
  const row = (value: string): CsvRow => ({ line: 7, values: { n: value } });

  it.each(['12', '-12', '+3', '55.7558', '-0.5', '007'])('reads %s as a plain decimal number', (raw) => {
    expect(parseNumberCell(row(raw), 'n', FILE, -100, 100)).toBe(Number(raw));
  });

  it.each([
    ['0x10', /not hexadecimal/],
    ['1e2', /without an exponent/],
    ['1,5', /without a comma, with a point for decimals/],
    ['1,000', /without a comma/],
    ['.5', /plain decimal digits/],
    ['5.', /plain decimal digits/],
    ['Infinity', /plain decimal digits/],
    ['1 000', /plain decimal digits/],
    ['', /not a number/],
  ])('rejects %j, saying what to write', (raw, problem) => {
    const e = errorOf(() => parseNumberCell(row(raw), 'n', FILE, -1e6, 1e6));
    expect(e).toMatchObject({ file: FILE, line: 7, column: 'n', value: raw });
    expect(e.message).toMatch(problem);
  });

  it.each([
    ['0x10', /not hexadecimal/],
    ['1e2', /without an exponent/],
    ['1,000', /without a comma/],
    ['2.5', /whole number/],
    ['2.0', /whole number/],
    ['', /the line/],
    ['99999999999999999999', /the line/],
  ])('parseIntegerCell rejects %j', (raw, problem) => {
    const e = errorOf(() => parseIntegerCell(row(raw), 'n', FILE, 0, Infinity, 'write the line'));
    expect(e).toMatchObject({ line: 7, column: 'n', value: raw });
    expect(e.message).toMatch(problem);
  });

  it('parseIntegerCell reads plain whole numbers', () => {
    expect(parseIntegerCell(row('+42'), 'n', FILE, 0, 100, 'write the line')).toBe(42);
  });
});
