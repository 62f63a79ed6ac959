/**
 * One marker per place, clustered with supercluster where they crowd. The Leaflet layer group is
 * built once; on every move or prop change markers are diffed by key and only changed icons are
 * replaced (react-leaflet's create/update pattern, without rebuilding all markers).
 */
import L from 'leaflet';
import type { Position } from 'geojson';
import { useEffect, useMemo, useRef } from 'react';
import { useMap } from 'react-leaflet';
import Supercluster from 'supercluster';
import { toLatLng } from './coords';
import { focusFirstMarker, orderMarkerElements } from './markerFocus';
import { clusterMarkerSize, countIcon, placeMarkerSize } from './markerIcon';
import type { MapProjection } from './projection';

/** A place as the marker layer shows it. */
export interface MapPlace {
  id: string;
  name: string;
  /** [lon, lat] */
  position: Position;
  /** Number of stories that mention the place (drives the marker's size and its label). */
  stories: number;
}

interface PointProps {
  id: string;
}

const CLUSTER_RADIUS = 44; // pixels: markers closer than this merge
const CLUSTER_MAX_ZOOM = 16; // beyond it every place has its own marker (Vancouver WA sites split by 15)
const FAN_RADIUS = 20; // pixels: places sharing one point are fanned out on a ring this wide
/** Polar zoom z shows about as much as Mercator zoom z + 2 in the Arctic (supercluster's zooms). */
const POLAR_ZOOM_OFFSET = 2;

const NO_ORDER: readonly string[] = [];

export const storiesLabel = (n: number) => `${n} ${n === 1 ? 'story' : 'stories'}`;

interface Shown {
  marker: L.Marker;
  signature: string;
  /** The places it stands for (for the keyboard order, markerFocus.ts). */
  places: readonly string[];
}

export function MarkerLayer({
  places,
  selectedId,
  onSelect,
  projection = 'mercator',
  textOrder = NO_ORDER,
}: {
  places: readonly MapPlace[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  projection?: MapProjection;
  /** Place ids in the open story's text order: Tab follows it (else reading order). */
  textOrder?: readonly string[];
}) {
  const map = useMap();
  const groupRef = useRef<L.LayerGroup | null>(null);
  const shownRef = useRef(new Map<string, Shown>());
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);

  const byId = useMemo(() => new Map(places.map((p) => [p.id, p])), [places]);
  const index = useMemo(() => {
    const sc = new Supercluster<PointProps>({ radius: CLUSTER_RADIUS, maxZoom: CLUSTER_MAX_ZOOM });
    sc.load(
      places.map((p) => ({
        type: 'Feature' as const,
        properties: { id: p.id },
        // Clustered where drawn: the North Pole at 85°N, not off the Mercator map.
        geometry: { type: 'Point' as const, coordinates: [toLatLng(p.position)[1], toLatLng(p.position)[0]] },
      })),
    );
    return sc;
  }, [places]);

  // Create: one layer group for the map's lifetime.
  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    const shown = shownRef.current;
    groupRef.current = group;
    return () => {
      group.remove();
      shown.clear();
      groupRef.current = null;
    };
  }, [map]);

  // Update: on move/zoom and when the places or the selection change.
  useEffect(() => {
    const update = () => {
      const group = groupRef.current;
      if (!group) return;
      // The map may show longitudes past ±180°: ask supercluster for the wrapped range, then draw
      // each marker on the world copy nearest the view's centre. The polar map's bounds are no
      // longitude range (its corners are unprojected, and beyond the projection's disc they are
      // NaN on wide screens): never read them, ask for the whole world, drawn once.
      const polar = projection === 'polar';
      const b = polar ? null : map.getBounds();
      const wide = b === null || b.getEast() - b.getWest() >= 360;
      const wrap = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;
      const west = wide ? -180 : wrap(b.getWest());
      const east = wide ? 180 : wrap(b.getEast());
      const south = b === null ? -90 : Math.max(-90, b.getSouth());
      const north = b === null ? 90 : Math.min(90, b.getNorth());
      const centre = b === null ? 0 : b.getCenter().lng;
      const zoomOffset = polar ? POLAR_ZOOM_OFFSET : 0;
      const zoom = Math.round(map.getZoom()) + zoomOffset;
      const items = index.getClusters([west, south, east, north], zoom).map((item) => {
        const [lon, lat] = item.geometry.coordinates as [number, number];
        const shifted = lon + 360 * Math.round((centre - lon) / 360);
        return { ...item, geometry: { ...item.geometry, coordinates: [shifted, lat] } };
      });

      // Places at the very same point (Moscow and the Soviet Union) are fanned out on a ring.
      const atPoint = new Map<string, string[]>();
      for (const item of items) {
        if ('cluster' in item.properties) continue;
        const key = item.geometry.coordinates.join(',');
        atPoint.set(key, [...(atPoint.get(key) ?? []), item.properties.id]);
      }

      const next = new Map<
        string,
        { position: Position; signature: string; places: string[]; build: () => L.Marker }
      >();
      for (const item of items) {
        const position = item.geometry.coordinates;
        const props = item.properties;
        if ('cluster' in props && props.cluster) {
          const clusterId = props.cluster_id;
          const leaves = index
            .getLeaves(clusterId, Infinity)
            .map((l) => byId.get(l.properties.id))
            .filter((p): p is MapPlace => p !== undefined)
            .sort((a, b) => b.stories - a.stories || a.name.localeCompare(b.name, 'en'));
          const label = `Cluster of ${leaves.length} places: ${leaves.map((p) => p.name).join(', ')}`;
          const selected = leaves.some((p) => p.id === selectedId);
          const ids = leaves.map((p) => p.id);
          next.set(`c${clusterId}`, {
            position,
            places: ids,
            signature: `${label}|${selected}|${position.join(',')}`,
            build: () => {
              const size = clusterMarkerSize(leaves.length);
              const marker = L.marker(toLatLng(position), {
                icon: countIcon('cluster', leaves.length, size, selected),
                keyboard: true,
                title: label,
              });
              const expand = () => {
                const expansion = index.getClusterExpansionZoom(clusterId) - zoomOffset;
                const to = Math.min(Math.max(expansion, map.getZoom() + 1), map.getMaxZoom());
                map.setView(toLatLng(position), to);
              };
              marker.on('click', expand);
              // By keyboard, focus follows into the opened cluster (once the map has moved).
              const expandByKey = () => {
                map.once('moveend', () => focusFirstMarker(shownRef.current, ids));
                expand();
              };
              marker.on('keydown', (e) => activateOnKey(e as L.LeafletKeyboardEvent, expandByKey));
              return decorate(marker, label, { cluster: String(clusterId), places: ids.join(' ') });
            },
          });
        } else {
          const place = byId.get((props as PointProps).id);
          if (!place) continue;
          const twins = atPoint.get(position.join(',')) ?? [place.id];
          const i = twins.indexOf(place.id);
          const angle = (2 * Math.PI * i) / twins.length - Math.PI / 2;
          const offset: [number, number] =
            twins.length > 1 ? [FAN_RADIUS * Math.cos(angle), FAN_RADIUS * Math.sin(angle)] : [0, 0];
          const label = `${place.name}, ${storiesLabel(place.stories)}`;
          const selected = place.id === selectedId;
          next.set(`p${place.id}`, {
            position,
            places: [place.id],
            signature: `${label}|${selected}|${offset.join(',')}|${position.join(',')}`,
            build: () => {
              const size = placeMarkerSize(place.stories);
              const marker = L.marker(toLatLng(position), {
                icon: countIcon('place', place.stories, size, selected, offset),
                keyboard: true,
                title: label,
                zIndexOffset: selected ? 1000 : 0,
              });
              const open = () => onSelectRef.current(place.id);
              marker.on('click', open);
              marker.on('keydown', (e) => activateOnKey(e as L.LeafletKeyboardEvent, open));
              return decorate(marker, label, { place: place.id });
            },
          });
        }
      }

      const shown = shownRef.current;
      for (const [key, s] of shown) {
        if (next.get(key)?.signature !== s.signature) {
          group.removeLayer(s.marker);
          shown.delete(key);
        }
      }
      for (const [key, n] of next) {
        if (shown.has(key)) continue;
        const marker = n.build();
        group.addLayer(marker);
        shown.set(key, { marker, signature: n.signature, places: n.places });
      }
      orderMarkerElements(shown, textOrder);
    };
    update();
    map.on('moveend', update);
    return () => {
      map.off('moveend', update);
    };
  }, [map, index, byId, selectedId, projection, textOrder]);

  return null;
}

/** Enter or Space on a focused marker acts like a click (Leaflet only makes it focusable). */
function activateOnKey(e: L.LeafletKeyboardEvent, action: () => void) {
  const key = e.originalEvent.key;
  if (key === 'Enter' || key === ' ') {
    e.originalEvent.preventDefault();
    action();
  }
}

/** Sets the accessible name (and data attributes) on the marker's element once it is on the map. */
function decorate(marker: L.Marker, label: string, data: Record<string, string>): L.Marker {
  marker.on('add', () => {
    const el = marker.getElement();
    if (!el) return;
    el.setAttribute('aria-label', label);
    el.setAttribute('role', 'button');
    el.tabIndex = 0;
    for (const [k, v] of Object.entries(data)) el.dataset[k] = v;
  });
  return marker;
}
