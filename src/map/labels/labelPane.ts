/**
 * The map's labels as DOM text in a Leaflet pane of their own (above routes, below markers): one
 * element per candidate, kept between updates; each update measures only new or changed texts,
 * then shows the chosen ones at their boxes and hides the rest. The pane is hidden while Leaflet
 * animates a zoom (CSS on .leaflet-zoom-anim) and refilled on moveend, so nothing renders per frame.
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
  width: number;
  height: number;
}

export class LabelPane {
  private readonly entries = new Map<string, Entry>();
  readonly pane: HTMLElement;

  constructor(private readonly map: L.Map) {
    this.pane = map.getPane(LABEL_PANE) ?? map.createPane(LABEL_PANE);
    this.pane.style.zIndex = PANE.zIndex;
    // Every place label repeats its marker's accessible name, and area names repeat the basemap:
    // screen readers hear the markers only.
    this.pane.setAttribute('aria-hidden', 'true');
  }

  /** Sizes in pixels of each spec's text as styled now (a new `style` key measures all again). */
  measure(specs: readonly LabelSpec[], style: string): Map<string, { width: number; height: number }> {
    const fresh: Entry[] = [];
    for (const s of specs) {
      const key = `${s.text}|${s.className}|${style}`;
      let e = this.entries.get(s.id);
      if (!e) {
        const el = L.DomUtil.create('div', '', this.pane);
        e = { el, key: '', width: 0, height: 0 };
        this.entries.set(s.id, e);
      }
      if (e.key !== key) {
        e.el.className = `map-label ${s.className}`;
        e.el.textContent = s.text;
        // Laid out (to be measured) but not seen until chosen.
        e.el.style.display = '';
        e.el.style.visibility = 'hidden';
        e.key = key;
        fresh.push(e);
      }
    }
    // Reads after all writes: one layout for every new text.
    for (const e of fresh) {
      e.width = e.el.offsetWidth;
      e.height = e.el.offsetHeight;
    }
    return new Map(specs.map((s) => [s.id, this.entries.get(s.id)!]));
  }

  /** Shows the chosen labels at their boxes (container pixels); hides every other. */
  show(chosen: readonly ChosenLabel[]) {
    const on = new Set<string>();
    for (const c of chosen) {
      const e = this.entries.get(c.id);
      if (!e) continue;
      on.add(c.id);
      L.DomUtil.setPosition(e.el, this.map.containerPointToLayerPoint([c.box.minX, c.box.minY]));
      if (e.el.style.display) e.el.style.display = '';
      if (e.el.style.visibility !== 'visible') e.el.style.visibility = 'visible';
      if (e.el.dataset.position !== c.position) e.el.dataset.position = c.position;
    }
    // The others leave the layout (display: none): their sizes are kept, so none is measured again.
    for (const [id, e] of this.entries) {
      if (!on.has(id) && e.el.style.display !== 'none') {
        e.el.style.display = 'none';
        e.el.style.visibility = 'hidden';
      }
    }
  }

  remove() {
    for (const e of this.entries.values()) e.el.remove();
    this.entries.clear();
  }
}
