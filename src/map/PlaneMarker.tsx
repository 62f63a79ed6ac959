/**
 * The ANT-25 plane during playback: a non-interactive, aria-hidden divIcon marker moved along the
 * track by a clock (no React render per frame), in a pane under the place markers and labels. The plane is a dark SVG silhouette with a white
 * outline (it reads on land, sea and route lines alike), long-winged like the ANT-25, and turns
 * with the course as drawn on this map's projection (Mercator or polar), measured between the
 * plane and a point a little ahead.
 */
import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { MERCATOR_LIMIT, positionAt, type Track } from '../geo';
import { PLANE_PANE } from './panes';

export interface PlaneFeed {
  track: Track;
  clock: { elapsedMs: number; subscribe: (listener: (elapsedMs: number) => void) => () => void };
}

const AHEAD_MS = 10 * 60_000;
const SVG_NS = 'http://www.w3.org/2000/svg';
/** A plane seen from above, nose up (north), in a 32 × 32 box: long straight wings, a tailplane. */
const PLANE_PATH =
  'M16 1.5C17.3 1.5 17.7 3.2 17.7 5V11.2L31 13.1V15.6L17.7 16.2L17.1 24.2L22 25.6V27.6L16.8 27.1' +
  'L16 30L15.2 27.1L10 27.6V25.6L14.9 24.2L14.3 16.2L1 15.6V13.1L14.3 11.2V5C14.3 3.2 14.7 1.5 16 1.5Z';

/** The plane's SVG, to be turned by a CSS rotation about its centre. */
function planeSvg(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', 'plane-glyph');
  svg.setAttribute('viewBox', '0 0 32 32');
  svg.setAttribute('width', '34');
  svg.setAttribute('height', '34');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', PLANE_PATH);
  path.setAttribute('fill', '#1b2230');
  path.setAttribute('stroke', '#ffffff');
  path.setAttribute('stroke-width', '2.6');
  path.setAttribute('stroke-linejoin', 'round');
  path.setAttribute('paint-order', 'stroke');
  svg.append(path);
  return svg;
}

/** The plane's own pane (panes.ts): under the markers and the place names, above the routes. */
function planePane(map: L.Map): string {
  if (!map.getPane(PLANE_PANE.name)) {
    const pane = map.createPane(PLANE_PANE.name);
    pane.style.zIndex = PLANE_PANE.zIndex;
    pane.style.pointerEvents = 'none';
  }
  return PLANE_PANE.name;
}

export function PlaneMarker({ feed }: { feed: PlaneFeed }) {
  const map = useMap();
  useEffect(() => {
    const { track, clock } = feed;
    const mercator = map.options.crs === L.CRS.EPSG3857;
    const glyph = planeSvg();
    const icon = L.divIcon({
      className: 'plane-marker',
      html: glyph,
      iconSize: [34, 34],
      iconAnchor: [17, 17],
    });
    const start = positionAt(track, 0);
    const marker = L.marker([start.lat, start.lon], {
      icon,
      interactive: false,
      keyboard: false,
      pane: planePane(map),
    });
    marker.on('add', () => marker.getElement()?.setAttribute('aria-hidden', 'true'));
    marker.addTo(map);

    const update = (elapsedMs: number) => {
      const here = positionAt(track, elapsedMs);
      const end = track.endMs - track.startMs;
      const a = elapsedMs + AHEAD_MS <= end ? here : positionAt(track, elapsedMs - AHEAD_MS);
      const b = elapsedMs + AHEAD_MS <= end ? positionAt(track, elapsedMs + AHEAD_MS) : here;
      // The nearer copy of b's longitude (Mercator draws copies beyond ±180°).
      const bLon = a.lon + ((((b.lon - a.lon + 540) % 360) + 360) % 360) - 180;
      marker.setLatLng([here.lat, here.lon]);
      // Web Mercator cannot show the Pole: there the plane is off this map, not on its edge.
      const off = mercator && Math.abs(here.lat) > MERCATOR_LIMIT;
      glyph.style.visibility = off ? 'hidden' : '';
      // Unrounded pixels (latLngToLayerPoint rounds to whole pixels, which at a low zoom turns a
      // course a few pixels long into a due west or due south one).
      const pa = map.project([a.lat, a.lon]);
      const pb = map.project([b.lat, bLon]);
      // The screen course, clockwise from up (the nose points up unturned); fall back to the true
      // course where the screen step vanishes (Mercator clamps latitudes near the Pole).
      const angle =
        pa.distanceTo(pb) > 0.5 ? (Math.atan2(pb.y - pa.y, pb.x - pa.x) * 180) / Math.PI + 90 : here.heading;
      glyph.style.transform = `rotate(${angle.toFixed(1)}deg)`;
    };
    update(clock.elapsedMs);
    const unsubscribe = clock.subscribe(update);
    const redraw = () => update(clock.elapsedMs);
    map.on('zoomend', redraw);
    return () => {
      unsubscribe();
      map.off('zoomend', redraw);
      marker.remove();
    };
  }, [map, feed]);
  return null;
}
