/**
 * The ANT-25 plane during playback: a non-interactive, aria-hidden divIcon marker moved along the
 * track by a clock (no React render per frame). The glyph turns with the course as drawn on this
 * map's projection (Mercator or polar), measured between the plane and a point a little ahead.
 */
import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { positionAt, type Track } from '../geo';

export interface PlaneFeed {
  track: Track;
  clock: { elapsedMs: number; subscribe: (listener: (elapsedMs: number) => void) => () => void };
}

const AHEAD_MS = 10 * 60_000;

export function PlaneMarker({ feed }: { feed: PlaneFeed }) {
  const map = useMap();
  useEffect(() => {
    const { track, clock } = feed;
    const glyph = document.createElement('span');
    glyph.className = 'plane-glyph';
    glyph.textContent = '✈';
    const icon = L.divIcon({
      className: 'plane-marker',
      html: glyph,
      iconSize: [26, 26],
      iconAnchor: [13, 13],
    });
    const start = positionAt(track, 0);
    const marker = L.marker([start.lat, start.lon], {
      icon,
      interactive: false,
      keyboard: false,
      zIndexOffset: 1000,
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
      const pa = map.latLngToLayerPoint([a.lat, a.lon]);
      const pb = map.latLngToLayerPoint([b.lat, bLon]);
      // The glyph points east (screen angle 0); fall back to the true course where the screen
      // step vanishes (Mercator clamps latitudes near the Pole).
      const angle =
        pa.distanceTo(pb) > 0.5 ? (Math.atan2(pb.y - pa.y, pb.x - pa.x) * 180) / Math.PI : here.heading - 90;
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
