/**
 * Context on the map for a moment of the flight (the tour's landing slide): a river as a blue line
 * with its name along it, neighbouring cities as small squares with their names, and a north
 * arrow. Not interactive, not places of the newsletter (those are markers). The arrow is computed
 * from the map's projection at the view's centre: on the polar map north points to the Pole,
 * which is rarely straight up.
 */
import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type { ContextFeature } from '../core';
import { toLatLngExact } from './coords';
import './context.css';

const RIVER_STYLE: L.PolylineOptions = { color: '#2a6fb0', weight: 5, opacity: 0.85, interactive: false };
const CITY_STYLE: L.CircleMarkerOptions = {
  radius: 5,
  color: '#1f2a30',
  weight: 2,
  fillColor: '#ffffff',
  fillOpacity: 1,
  interactive: false,
};

/** Clockwise angle from straight up of north on screen at the map's centre, degrees. */
export function northAngle(map: L.Map): number {
  const c = map.getCenter();
  const a = map.latLngToContainerPoint(c);
  const b = map.latLngToContainerPoint([Math.min(c.lat + 0.05, 89.999), c.lng]);
  return (Math.atan2(b.x - a.x, -(b.y - a.y)) * 180) / Math.PI;
}

export function ContextLayer({ features }: { features: readonly ContextFeature[] }) {
  const map = useMap();
  useEffect(() => {
    if (features.length === 0) return;
    const renderer = L.svg({ padding: 0.5 });
    const group = L.layerGroup().addTo(map);
    for (const f of features) {
      const latLngs = f.points.map(toLatLngExact);
      const layer =
        f.kind === 'river'
          ? L.polyline(latLngs, { ...RIVER_STYLE, renderer, className: 'context-river' })
          : L.circleMarker(latLngs[0]!, { ...CITY_STYLE, renderer, className: 'context-city' });
      layer.bindTooltip(f.name, {
        permanent: true,
        direction: f.kind === 'river' ? 'center' : 'left',
        offset: f.kind === 'river' ? [0, 0] : [-6, 0],
        className: `context-label context-label-${f.kind}`,
      });
      layer.on('add', () => layer.getElement()?.setAttribute('data-context', f.id));
      group.addLayer(layer);
    }

    // The north arrow: a control in the top right corner, turned as north lies on this map.
    const arrow = new L.Control({ position: 'topright' });
    let glyph: HTMLElement | null = null;
    arrow.onAdd = () => {
      const box = L.DomUtil.create('div', 'north-arrow');
      box.setAttribute('role', 'img');
      glyph = L.DomUtil.create('div', 'north-arrow-glyph', box);
      glyph.innerHTML =
        '<svg viewBox="-12 -16 24 32" width="24" height="32" aria-hidden="true" focusable="false">' +
        '<path d="M0 -15 L9 12 L0 6 L-9 12 Z" /></svg>';
      L.DomUtil.create('span', 'north-arrow-label', box).textContent = 'N';
      return box;
    };
    const turn = () => {
      const box = arrow.getContainer();
      if (!box || !glyph) return;
      const angle = northAngle(map);
      glyph.style.transform = `rotate(${angle.toFixed(1)}deg)`;
      box.dataset.angle = angle.toFixed(1);
      const deg = Math.round(((angle % 360) + 360) % 360);
      box.setAttribute(
        'aria-label',
        deg === 0 ? 'North is up' : `North arrow: north is ${deg}° clockwise from up`,
      );
    };
    arrow.addTo(map);
    turn();
    map.on('move zoom zoomend moveend', turn);
    return () => {
      map.off('move zoom zoomend moveend', turn);
      arrow.remove();
      group.remove();
    };
  }, [map, features]);
  return null;
}
