/**
 * The map's labels as DOM text in a Leaflet pane of their own (above routes, below markers). Each
 * update measures only texts not measured before (by canvas, never by layout), then shows the
 * chosen ones at their boxes, each in an element kept between updates, and hides the rest. The pane
 * is hidden from the start of a zoom (a flight's too) until it is refilled after moveend, so
 * nothing renders per frame.
 */
import L from 'leaflet';
import type { ChosenLabel } from './chooseLabels';
import { LABEL_PANE as PANE } from '../panes';

export const LABEL_PANE = PANE.name;

export interface LabelSpec {
  id: string;
  text: string;
  /** CSS classes beside map-label (map-label-place, map-label-country, map-label-sea, is-emphasised). */
  className: string;
}

interface Entry {
  el: HTMLElement;
  key: string;
}

interface Size {
  width: number;
  height: number;
}

/** How a kind of label is set, read once from the stylesheet: what measureText needs. */
interface Face {
  font: string;
  letterSpacing: string;
  upper: boolean;
  height: number;
}

export class LabelPane {
  /** The elements of labels shown at least once (a candidate never chosen gets none). */
  private readonly entries = new Map<string, Entry>();
  /** Each text's size by text, class and style key, measured once. */
  private readonly sizes = new Map<string, Size>();
  private readonly faces = new Map<string, Face>();
  /** What the last measure was asked about, by id: show() writes it into the chosen elements. */
  private specs = new Map<string, { spec: LabelSpec; key: string }>();
  private context: CanvasRenderingContext2D | null | undefined;
  readonly pane: HTMLElement;

  /**
   * `kinds`: the class names labels will be given; their fonts are read together, in one layout,
   * the first time a style is measured (not one layout each as each kind first appears, which for
   * the open story's emphasised labels would be on a click).
   */
  constructor(
    private readonly map: L.Map,
    private readonly kinds: readonly string[] = [],
  ) {
    this.pane = map.getPane(LABEL_PANE) ?? map.createPane(LABEL_PANE);
    this.pane.style.zIndex = PANE.zIndex;
    // Every place label repeats its marker's accessible name, and area names repeat the basemap:
    // screen readers hear the markers only.
    this.pane.setAttribute('aria-hidden', 'true');
    map.on('zoomstart', this.hide, this);
  }

  /**
   * From the start of a zoom until the labels are shown again: Leaflet moves the markers with each
   * frame of a flight, not the labels, which would stay where the last zoom had them.
   */
  private hide() {
    this.pane.classList.add('is-stale');
  }

  /**
   * Sizes in pixels of each spec's text as styled now (a new `style` key measures all again).
   * Texts are measured with a canvas (measureText), not laid out: reading a laid-out element's size
   * forces a layout of the whole page, on every move, click and slide. Each kind of label's font is
   * read from the stylesheet once per style key, by one element laid out for it.
   */
  measure(specs: readonly LabelSpec[], style: string): Map<string, Size> {
    const out = new Map<string, Size>();
    this.specs = new Map();
    for (const s of specs) {
      const key = `${s.text}|${s.className}|${style}`;
      this.specs.set(s.id, { spec: s, key });
      let size = this.sizes.get(key);
      if (!size) {
        size = this.size(s, style);
        this.sizes.set(key, size);
      }
      out.set(s.id, size);
    }
    return out;
  }

  private size(s: LabelSpec, style: string): Size {
    const face = this.face(s.className, style);
    const context = this.canvas();
    if (!context) return this.laidOut(s);
    context.font = face.font;
    context.letterSpacing = face.letterSpacing;
    const width = context.measureText(face.upper ? s.text.toUpperCase() : s.text).width;
    return { width: Math.ceil(width), height: face.height };
  }

  private canvas(): CanvasRenderingContext2D | null {
    if (this.context === undefined) {
      const context = document.createElement('canvas').getContext('2d');
      // Without letterSpacing (older browsers) widths would come out short: lay texts out instead.
      this.context = context && 'letterSpacing' in context ? context : null;
    }
    return this.context;
  }

  private face(className: string, style: string): Face {
    const key = `${className}|${style}`;
    if (!this.faces.has(key)) {
      const kinds = [...new Set([className, ...this.kinds])].filter((k) => !this.faces.has(`${k}|${style}`));
      // All written, then all read: one layout.
      const probes = kinds.map((k) => [k, this.probe(k, 'Hg')] as const);
      for (const [k, el] of probes) {
        const cs = getComputedStyle(el);
        this.faces.set(`${k}|${style}`, {
          font: `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`,
          letterSpacing: cs.letterSpacing === 'normal' ? '0px' : cs.letterSpacing,
          upper: cs.textTransform === 'uppercase',
          height: el.offsetHeight,
        });
      }
      for (const [, el] of probes) el.remove();
    }
    return this.faces.get(key)!;
  }

  /** A text's size as laid out (where the canvas cannot measure it). */
  private laidOut(s: LabelSpec): Size {
    const el = this.probe(s.className, s.text);
    const size = { width: el.offsetWidth, height: el.offsetHeight };
    el.remove();
    return size;
  }

  private probe(className: string, text: string): HTMLElement {
    const el = L.DomUtil.create('div', `map-label ${className}`, this.pane);
    el.style.visibility = 'hidden';
    el.textContent = text;
    return el;
  }

  /** Shows the chosen labels at their boxes (container pixels); hides every other. */
  show(chosen: readonly ChosenLabel[]) {
    this.pane.classList.remove('is-stale');
    const on = new Set<string>();
    for (const c of chosen) {
      const asked = this.specs.get(c.id);
      if (!asked) continue;
      let e = this.entries.get(c.id);
      if (!e) {
        e = { el: L.DomUtil.create('div', '', this.pane), key: '' };
        this.entries.set(c.id, e);
      }
      if (e.key !== asked.key) {
        e.el.className = `map-label ${asked.spec.className}`;
        e.el.textContent = asked.spec.text;
        e.key = asked.key;
      }
      on.add(c.id);
      L.DomUtil.setPosition(e.el, this.map.containerPointToLayerPoint([c.box.minX, c.box.minY]));
      if (e.el.style.display) e.el.style.display = '';
      if (e.el.dataset.position !== c.position) e.el.dataset.position = c.position;
    }
    for (const [id, e] of this.entries) {
      if (!on.has(id) && e.el.style.display !== 'none') e.el.style.display = 'none';
    }
  }

  remove() {
    this.map.off('zoomstart', this.hide, this);
    this.pane.classList.remove('is-stale');
    for (const e of this.entries.values()) e.el.remove();
    this.entries.clear();
    this.sizes.clear();
    this.faces.clear();
  }
}
