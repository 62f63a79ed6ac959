import { parseCsv, parseNumberCell, requireCell } from './csv';
import { DataError } from './types';

/** How a documented distance was measured, as its source says. */
export type FigureKind = 'newsletter' | 'straight_line' | 'along_route' | 'unstated';
const KINDS: readonly FigureKind[] = ['newsletter', 'straight_line', 'along_route', 'unstated'];

/** Kilometres per unit a figure may be written in (statute miles, as the 1937 press used). */
const KM_PER: Record<string, number> = { km: 1, mi: 1.609344 };

/** A documented figure for a route's length, with its source. */
export interface Figure {
  kind: FigureKind;
  /** The figure as written, in `unit`. */
  value: number;
  unit: 'km' | 'mi';
  /** The figure in kilometres. */
  km: number;
  source: string;
  note: string;
  /** 1-based line of the figures file. */
  line: number;
}

/**
 * Parses a route's documented length figures (`data/geo/routes/*.figures.csv`:
 * `kind,value,unit,source,note`), so the app can set the sources beside what it computes.
 */
export function parseFigures(text: string, file: string): Figure[] {
  const figures = parseCsv(text, file, ['kind', 'value', 'unit', 'source'], ['note']).map((row) => {
    const kind = row.values.kind ?? '';
    if (!KINDS.includes(kind as FigureKind)) {
      throw new DataError(file, row.line, 'kind', kind, `write one of ${KINDS.join(', ')}`);
    }
    const unit = row.values.unit ?? '';
    const perUnit = KM_PER[unit];
    if (perUnit === undefined) throw new DataError(file, row.line, 'unit', unit, 'write km or mi');
    const plain = 'write the length as a plain number, like 9130';
    const value = parseNumberCell(row, 'value', file, 0, Number.MAX_VALUE, plain);
    if (value === 0) throw new DataError(file, row.line, 'value', row.values.value ?? '', plain);
    return {
      kind: kind as FigureKind,
      value,
      unit: unit as Figure['unit'],
      km: value * perUnit,
      source: requireCell(row, 'source', file, 'every figure needs a source'),
      note: row.values.note ?? '',
      line: row.line,
    };
  });
  if (figures.length === 0) throw new DataError(file, 1, '(rows)', '0', 'list at least one figure');
  return figures;
}

/** The lowest and highest of the figures, in kilometres. */
export function figureRange(figures: readonly Figure[]): { minKm: number; maxKm: number } {
  const km = figures.map((f) => f.km);
  return { minKm: Math.min(...km), maxKm: Math.max(...km) };
}
