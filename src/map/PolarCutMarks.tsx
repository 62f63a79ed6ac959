/**
 * Web Mercator cannot show the Pole, so a route that flies over it is cut there (RouteLayer), and
 * places beyond the drawable latitudes get no marker. At each place where a route leaves the map
 * northwards or comes back, a small button says so and opens the polar view, naming the places
 * beyond it. Buttons in a Leaflet marker of their own: focusable, reached by Tab, Enter/Space.
 */
import L from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { cutAtLatitude, MERCATOR_LIMIT } from '../geo';
import { toLatLngExact } from './coords';
import { setObstacles } from './obstacles';
import type { MapPlace } from './MarkerLayer';
import type { MapRoute } from './RouteLayer';
import './cutMarks.css';

/** Room kept between a mark and the map's sides and controls (px). */
const EDGE = 4;
/** The button hangs this far below its point (cutMarks.css). */
const CSS_TOP = 2;

/** Longitude brought into [-180, 180). */
const wrapLon = (lon: number) => lon - 360 * Math.floor((lon + 180) / 360);

export interface CutMark {
  key: string;
  /** [lon, lat] on the limit. */
  position: [number, number];
  /** The button's short text (it adds "polar view") and its full name (naming the places beyond). */
  text: string;
  label: string;
}

/**
 * The marks: one where each route leaves the drawable latitudes northwards and one where it comes
 * back (the first copy of its line, longitudes brought into ±180°); when no route crosses but
 * places lie beyond, one mark above the first of them.
 */
export function cutMarks(routes: readonly MapRoute[], beyond: readonly MapPlace[]): CutMark[] {
  const north = beyond.filter((p) => p.position[1]! > 0).map((p) => p.name);
  const names = north.join(', ');
  const marks: CutMark[] = [];
  for (const route of routes) {
    const first = route.lines[0];
    if (!first) continue;
    cutAtLatitude([first], MERCATOR_LIMIT)
      .cuts.filter((c) => c.side === 1)
      .forEach((c, i) => {
        const where = c.direction === 'leave' ? 'leaves this map here' : 'comes back onto this map here';
        marks.push({
          key: `${route.id}-${i}`,
          position: [wrapLon(c.position[0]!), MERCATOR_LIMIT],
          text: 'Over the Pole',
          label: `${route.name} ${where}, over the Pole${names ? ` (${names})` : ''}. Show the polar view`,
        });
      });
  }
  const lone = beyond.find((p) => p.position[1]! > 0);
  if (marks.length === 0 && lone) {
    marks.push({
      key: 'beyond',
      position: [wrapLon(lone.position[0]!), MERCATOR_LIMIT],
      text: 'Beyond this map',
      label: `${names}: beyond this map's top edge. Show the polar view`,
    });
  }
  return marks;
}

export function PolarCutMarks({
  routes,
  beyond,
  onPolar,
}: {
  routes: readonly MapRoute[];
  /** Places north of the drawable latitudes (no marker of their own). */
  beyond: readonly MapPlace[];
  onPolar?: () => void;
}) {
  const map = useMap();
  const marks = useMemo(() => cutMarks(routes, beyond), [routes, beyond]);
  // The app's callback changes with its state (each keystroke of a search): the buttons, and the
  // focus on one, outlive it.
  const onPolarRef = useRef(onPolar);
  useEffect(() => {
    onPolarRef.current = onPolar;
  }, [onPolar]);
  const offered = onPolar !== undefined;
  useEffect(() => {
    if (!offered) return;
    const layers = marks.map((m) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'cut-mark-button';
      button.dataset.cut = m.key;
      button.setAttribute('aria-label', m.label);
      button.title = m.label;
      const arrow = document.createElement('span');
      arrow.setAttribute('aria-hidden', 'true');
      arrow.className = 'cut-mark-arrow';
      arrow.textContent = '▲ ';
      const action = document.createElement('span');
      action.className = 'cut-mark-action';
      action.textContent = 'polar view';
      button.append(arrow, m.text, action);
      // The map must not take the click (or a drag) for its own.
      L.DomEvent.disableClickPropagation(button);
      button.addEventListener('click', () => onPolarRef.current?.());
      const icon = L.divIcon({ className: 'cut-mark', html: button, iconSize: [0, 0], iconAnchor: [0, 0] });
      const at = L.latLng(toLatLngExact(m.position));
      const marker = L.marker(at, { icon, interactive: false, keyboard: false, zIndexOffset: 500 });
      return { marker: marker.addTo(map), at, button };
    });
    // Sizes are read once (and again after a resize), before any mark moves: reading them while
    // moving the marks would force a layout for each mark in every frame of a drag.
    let sizes: { width: number; height: number }[] | null = null;
    let zoomControl = { x: 0, y: 0 };
    const measure = () => {
      const frame = map.getContainer().getBoundingClientRect();
      const zoom = map.getContainer().querySelector('.leaflet-control-zoom')?.getBoundingClientRect();
      zoomControl = zoom ? { x: zoom.right - frame.left, y: zoom.bottom - frame.top } : { x: 0, y: 0 };
      return layers.map(({ button }) => ({ width: button.offsetWidth, height: button.offsetHeight }));
    };
    // A cut above the view (the map's top edge is often off screen) is shown at the view's top,
    // straight below the cut: the route still visibly runs up to it.
    const place = () => {
      sizes ??= measure();
      const size = map.getSize();
      const boxes = layers.map(({ marker, at, button }, i) => {
        const p = map.latLngToContainerPoint(at);
        const pinned = p.y < 0;
        const y = Math.max(p.y, 0);
        // Kept whole inside the map, clear of the zoom buttons (top left), when the cut is in view.
        const { width, height } = sizes![i]!;
        const half = width / 2;
        const left = half + EDGE + (y < zoomControl.y + EDGE ? zoomControl.x : 0);
        const right = size.x - half - EDGE;
        const x = p.x >= 0 && p.x <= size.x && left <= right ? Math.min(Math.max(p.x, left), right) : p.x;
        marker.setLatLng(pinned || x !== p.x ? map.containerPointToLatLng([x, y]) : at);
        button.classList.toggle('cut-mark-pinned', pinned);
        return { minX: x - half, minY: y, maxX: x + half, maxY: y + CSS_TOP + height };
      });
      // The place names keep clear of the marks.
      setObstacles(map, 'cut-marks', boxes);
    };
    const resize = () => {
      sizes = null;
      place();
    };
    place();
    map.on('move zoomend', place);
    map.on('resize', resize);
    return () => {
      map.off('move zoomend', place);
      map.off('resize', resize);
      layers.forEach((l) => l.marker.remove());
      setObstacles(map, 'cut-marks', []);
    };
  }, [map, marks, offered]);
  return null;
}
