/**
 * The map key, in a Leaflet control (bottom left): what a marker's number means, what a cluster
 * is, how the open story's places look, and each drawn route with its own line style. A button
 * with aria-expanded folds it. It starts open only on a large map (a projector, a wide screen):
 * on a laptop or a phone it starts folded, as a "Map key" button, so it hides no marker.
 */
import L from 'leaflet';
import { useEffect, useId, useState } from 'react';
import { createPortal } from 'react-dom';
import { useMap } from 'react-leaflet';
import type { MapRoute } from '../RouteLayer';
import './legend.css';

/** Fired on the map when the key opens or closes: the labels keep clear of it. */
export const LEGEND_RESIZE = 'legendresize';

/** The map size, in pixels, from which the key starts open. */
const OPEN_WIDTH = 1100;
const OPEN_HEIGHT = 650;

/** The key's marker rows: a sample marker (its classes and number) and what it means. */
const MARKER_ROWS: readonly { className: string; count: number; text: string; emphasis?: boolean }[] = [
  { className: 'place-marker', count: 3, text: 'A place: the number of stories naming it' },
  {
    className: 'cluster-marker',
    count: 5,
    text: 'Places close together: how many (click to zoom in)',
  },
  {
    className: 'place-marker is-emphasised',
    count: 1,
    text: 'In the open story or slide: larger, outlined, named first; the others fade',
    // Only while a story, a place or a slide is open.
    emphasis: true,
  },
];

export function MapLegend({ routes, emphasis }: { routes: readonly MapRoute[]; emphasis: boolean }) {
  const map = useMap();
  // The control's element, made once; the key is rendered into it through a portal.
  const [box] = useState(() => {
    const div = L.DomUtil.create('div', 'map-legend leaflet-bar');
    // Clicks and wheel turns on the key are not the map's.
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    return div;
  });
  const [open, setOpen] = useState(() => {
    const size = map.getSize();
    return size.x >= OPEN_WIDTH && size.y >= OPEN_HEIGHT;
  });
  const id = useId();

  useEffect(() => {
    const control = new L.Control({ position: 'bottomleft' });
    control.onAdd = () => box;
    control.addTo(map);
    return () => {
      control.remove();
    };
  }, [map, box]);

  useEffect(() => {
    map.fire(LEGEND_RESIZE);
  }, [map, open, routes, emphasis, box]);

  return createPortal(
    <section aria-label="Map key">
      <button
        type="button"
        className="map-legend-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        Map key
      </button>
      <ul id={id} className="map-legend-list" hidden={!open}>
        {MARKER_ROWS.filter((row) => emphasis || !row.emphasis).map((row) => (
          <li key={row.className}>
            <span className="map-legend-symbol">
              <span className={`${row.className} legend-marker`} aria-hidden="true">
                <span className="marker-count">{row.count}</span>
              </span>
            </span>
            <span>{row.text}</span>
          </li>
        ))}
        {routes.map((r) => (
          <li key={r.id}>
            <svg className="map-legend-symbol" width="36" height="12" viewBox="0 0 36 12" aria-hidden="true">
              <line
                x1="1"
                y1="6"
                x2="35"
                y2="6"
                stroke={r.style.color}
                strokeWidth="3"
                strokeDasharray={r.style.dashArray || undefined}
              />
            </svg>
            <span>{r.name}</span>
          </li>
        ))}
      </ul>
    </section>,
    box,
  );
}
