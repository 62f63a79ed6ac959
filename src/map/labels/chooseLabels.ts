/**
 * Which map labels to draw, and where: a pure function over boxes in screen pixels (no Leaflet, no
 * DOM), so the map and the printed handout can share it. Candidates are taken most important
 * first; each tries a few positions around its anchor (right, left, above, below of its marker;
 * area labels only on their point) and keeps the first that overlaps no chosen label, no marker
 * and stays inside the view. An R-tree (rbush) holds what is already taken.
 */
import RBush from 'rbush';

/** An axis-aligned box in screen pixels (y grows downwards). */
export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export type LabelPosition =
  | 'right'
  | 'left'
  | 'above'
  | 'below'
  | 'above-right'
  | 'below-right'
  | 'above-left'
  | 'below-left'
  | 'center';

/** Where a label is tried: beside its marker, in this order (the sides first, then the corners). */
export const MARKER_POSITIONS: readonly LabelPosition[] = [
  'right',
  'left',
  'above',
  'below',
  'above-right',
  'below-right',
  'above-left',
  'below-left',
];

export interface LabelCandidate {
  id: string;
  text: string;
  /** Lower is more important (see labelPriority). Ties keep the input order. */
  priority: number;
  /** The point the label belongs to: a marker's centre, or an area's label point. */
  x: number;
  y: number;
  /** The label's size in pixels. */
  width: number;
  height: number;
  /** Half the marker's size: a label beside a marker keeps this far (plus `gap`) from its centre. */
  radius: number;
  /** Positions to try, in order; default MARKER_POSITIONS. */
  positions?: readonly LabelPosition[];
  /**
   * Must be shown if at all possible (the open story's places): when no position is free, it may
   * cover `soft` markers (receding ones), still never another label or a firm marker.
   */
  required?: boolean;
}

/** A marker's box; a `soft` one (a receding marker) may be covered by a required label. */
export interface MarkerBox extends Box {
  soft?: boolean;
}

export interface ChosenLabel {
  id: string;
  text: string;
  position: LabelPosition;
  /** Where the label's box goes. */
  box: Box;
}

export interface ChooseOptions {
  /** Labels must lie inside this box (the view); none when omitted. */
  bounds?: Box;
  /** Pixels between a marker's edge and its label, and kept free around every label. */
  gap?: number;
}

interface Taken extends Box {
  kind: 'label' | 'marker' | 'soft';
}

/** The box a label takes at `position` around its anchor. */
export function labelBox(c: LabelCandidate, position: LabelPosition, gap = 3): Box {
  const r = position === 'center' ? 0 : c.radius + gap;
  const { x, y, width: w, height: h } = c;
  if (position === 'right') return { minX: x + r, minY: y - h / 2, maxX: x + r + w, maxY: y + h / 2 };
  if (position === 'left') return { minX: x - r - w, minY: y - h / 2, maxX: x - r, maxY: y + h / 2 };
  if (position === 'above') return { minX: x - w / 2, minY: y - r - h, maxX: x + w / 2, maxY: y - r };
  if (position === 'below') return { minX: x - w / 2, minY: y + r, maxX: x + w / 2, maxY: y + r + h };
  if (position === 'center') return { minX: x - w / 2, minY: y - h / 2, maxX: x + w / 2, maxY: y + h / 2 };
  // A corner: the box's near corner `r` out on each axis, clear of the marker's square box.
  const minX = position.endsWith('right') ? x + r : x - r - w;
  const minY = position.startsWith('below') ? y + r : y - r - h;
  return { minX, minY, maxX: minX + w, maxY: minY + h };
}

const inside = (b: Box, outer: Box) =>
  b.minX >= outer.minX && b.minY >= outer.minY && b.maxX <= outer.maxX && b.maxY <= outer.maxY;

/** True when two boxes share any area (touching edges do not count). */
export const overlaps = (a: Box, b: Box) =>
  a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;

/**
 * Chooses labels: the most important first, each at the first of its positions where it overlaps
 * no marker box, no label chosen before it (with `gap` pixels to spare) and fits in `bounds`.
 * A candidate with no such position is left out, unless it is `required` and a position covers
 * only soft markers.
 */
export function chooseLabels(
  candidates: readonly LabelCandidate[],
  markers: readonly MarkerBox[],
  options: ChooseOptions = {},
): ChosenLabel[] {
  const gap = options.gap ?? 3;
  const tree = new RBush<Taken>();
  tree.load(markers.map((m) => ({ ...m, kind: m.soft ? ('soft' as const) : ('marker' as const) })));
  const order = candidates.map((c, i) => ({ c, i }));
  order.sort((a, b) => a.c.priority - b.c.priority || a.i - b.i);
  const chosen: ChosenLabel[] = [];
  const place = (c: LabelCandidate, coverSoft: boolean) => {
    for (const position of c.positions ?? MARKER_POSITIONS) {
      const box = labelBox(c, position, gap);
      if (options.bounds && !inside(box, options.bounds)) continue;
      // Labels keep `gap` pixels from one another; markers only may not be covered.
      const around = {
        minX: box.minX - gap,
        minY: box.minY - gap,
        maxX: box.maxX + gap,
        maxY: box.maxY + gap,
      };
      const blocked = tree
        .search(around)
        .some((t) => (t.kind === 'label' ? true : t.kind === 'soft' && coverSoft ? false : overlaps(t, box)));
      if (blocked) continue;
      tree.insert({ ...box, kind: 'label' });
      chosen.push({ id: c.id, text: c.text, position, box });
      return true;
    }
    return false;
  };
  for (const { c } of order) {
    if (!place(c, false) && c.required) place(c, true);
  }
  return chosen;
}

/** What decides a label's importance. */
export interface LabelRank {
  /** The selected place (or a cluster holding it). */
  selected?: boolean;
  /** Index in the open story's (or slide's) places, in text order; undefined when not in it. */
  emphasis?: number;
  /** Number of stories that mention the place (more first). */
  stories?: number;
  /** Area labels (countries, seas) come after every place; larger `size` first. */
  area?: { size: number };
}

/**
 * A candidate's priority (lower first): the selected place, then the open story's places in
 * text order, then places by number of stories, then area names by size.
 */
export function labelPriority(rank: LabelRank): number {
  if (rank.selected) return 0;
  if (rank.emphasis !== undefined) return 1 + rank.emphasis / 1e4;
  if (rank.area) return 3 + 1 / (1 + Math.max(0, rank.area.size));
  return 2 + 1 / (1 + Math.max(0, rank.stories ?? 0));
}

/** A cluster's label: its leading place's name and how many more places it holds ("Moscow +8"). */
export const clusterLabelText = (leader: string, places: number) =>
  places > 1 ? `${leader} +${places - 1}` : leader;
