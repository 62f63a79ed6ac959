/**
 * One marker per place, clustered with supercluster where they crowd. The Leaflet layer group is
 * built once; on every move or prop change markers are diffed by key and only changed icons are
 * replaced (react-leaflet's create/update pattern, without rebuilding all markers).
 *
 * The same update writes the map's labels: place names beside their markers (a cluster shows its
 * leading place, "Moscow +8"), then country and sea names, chosen by labels/chooseLabels so that
 * none overlaps another or covers a marker. The emphasised places (the open story's, the slide's)
 * are drawn larger with their labels first; the others recede.
 */
import L from 'leaflet';
import type { Position } from 'geojson';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useMap } from 'react-leaflet';
import Supercluster from 'supercluster';
import { sortByName } from '../core';
import { afterPaint } from './afterPaint';
import { toLatLng } from './coords';
import {
  chooseLabels,
  clusterLabelText,
  labelPriority,
  LabelPane,
  type AreaLabel,
  type Box,
  type LabelCandidate,
  type LabelRank,
  type LabelSpec,
  type MarkerBox,
} from './labels';
import { LEGEND_RESIZE } from './legend';
import { focusFirstMarker, orderMarkerElements } from './markerFocus';
import { obstacles } from './obstacles';
import { clusterMarkerSize, countIcon, placeMarkerSize, type MarkerEmphasis } from './markerIcon';
import { POLAR_MIN_LAT, type MapProjection } from './projection';
import { spreadApart } from './spreadApart';
import './labels/labels.css';

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

const NO_AREAS: readonly AreaLabel[] = [];
const CLUSTER_RADIUS = 44; // pixels: markers closer than this merge
const CLUSTER_MAX_ZOOM = 16; // beyond it every place has its own marker (Vancouver WA sites split by 15)
const FAN_RADIUS = 20; // pixels: places sharing one point are fanned out on a ring this wide
/** Polar zoom z shows about as much as Mercator zoom z + 2 in the Arctic (supercluster's zooms). */
const POLAR_ZOOM_OFFSET = 2;
/** So many places or more are first clustered for the map's zoom only (see `quick`). */
const QUICK_INDEX_FROM = 1000;
/** Pixels round the polar map's view within which markers are drawn. */
const VIEW_MARGIN = 100;
/** Milliseconds of adding new markers in one task (see addSome). */
const ADD_BUDGET_MS = 8;

const NO_ORDER: readonly string[] = [];
/** The class names of the labels placeLabels writes (LabelPane reads their fonts together). */
const LABEL_KINDS = [
  'map-label-place',
  'map-label-place is-emphasised',
  'map-label-country',
  'map-label-sea',
];

export const storiesLabel = (n: number) => `${n} ${n === 1 ? 'story' : 'stories'}`;

/** Places to pick out on the map, in the order their text names them, and what to call them. */
export interface MapEmphasis {
  places: readonly string[];
  /** Appended to each of their markers' names, e.g. "in this story". */
  note: string;
}

/** Emphasised markers are this much larger, receding ones this much smaller. */
const EMPHASIS_SCALE: Record<MarkerEmphasis, number> = { story: 1.25, receded: 0.8, none: 1 };
/** Pixels kept free along the map's edges (labels are not cut off by them). */
const EDGE = 4;

/** The map container's --marker-scale (the projector's stylesheet raises it), 1 if unset. */
function markerScale(container: HTMLElement): number {
  const v = parseFloat(getComputedStyle(container).getPropertyValue('--marker-scale'));
  return Number.isFinite(v) && v > 0 ? v : 1;
}

/** What the labels' sizes depend on besides their text: measured again when it changes. */
const labelStyleKey = (container: HTMLElement) =>
  `${markerScale(container)}|${getComputedStyle(container).getPropertyValue('--label-size')}`;

/** What the update needs to know of each marker to place the labels round it. */
interface Planned {
  position: Position;
  signature: string;
  /** The places it stands for (for the keyboard order, markerFocus.ts). */
  places: string[];
  build: () => L.Marker;
  size: number;
  offset: [number, number];
  label: { id: string; text: string; rank: LabelRank; emphasised: boolean; receded: boolean };
}

interface Shown {
  marker: L.Marker;
  signature: string;
  /** Receding is set on the marker's element in place, not by building it again. */
  receded: boolean;
  /** The places it stands for (for the keyboard order, markerFocus.ts). */
  places: readonly string[];
}

export function MarkerLayer({
  places,
  only = null,
  selectedId,
  onSelect,
  projection = 'mercator',
  emphasis = null,
  areas = NO_AREAS,
}: {
  places: readonly MapPlace[];
  /**
   * The places to draw (those a search finds), null: all. The clusters are those of all `places`,
   * with the others taken out: a search keystroke does not build the index again.
   */
  only?: ReadonlySet<string> | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
  projection?: MapProjection;
  /** The open story's (or slide's, or panel's) places. */
  emphasis?: MapEmphasis | null;
  /** Country and sea names, written where places leave room. */
  areas?: readonly AreaLabel[];
}) {
  const map = useMap();
  const groupRef = useRef<L.LayerGroup | null>(null);
  const shownRef = useRef(new Map<string, Shown>());
  const labelsRef = useRef<LabelPane | null>(null);
  /**
   * What is read of the page's styles and layout (the projector's sizes, the controls' boxes):
   * reading forces a style and layout pass, so it is kept until a resize or until the map key opens
   * or closes, never read again on a move, a click or a slide.
   */
  const pageRef = useRef<{ scale: number; styleKey: string; controls: Box[] } | null>(null);
  /** A cluster opened by keyboard: focus goes to a marker of these places once they are drawn. */
  const focusAfterMove = useRef<readonly string[] | null>(null);
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);

  const byId = useMemo(() => new Map(places.map((p) => [p.id, p])), [places]);
  /** Each place's rank in a cluster: most stories first, then by name (sorted once, not per cluster). */
  const rank = useMemo(() => {
    const byRank = sortByName(
      places,
      (p) => p.name,
      (a, b) => b.stories - a.stories,
    );
    return { of: new Map(byRank.map((p, i) => [p.id, i])), byRank };
  }, [places]);
  // One index of every place, built once per set of places (thousands for a large newsletter:
  // building it is the costly part), not again when the emphasis changes. Many places are first
  // clustered only for the zooms up to the map's (one pass per zoom, each over all the places),
  // so the first markers wait for a few passes, not seventeen; the whole index follows in a task
  // of its own, and replaces it.
  const quick = useMemo(() => {
    if (places.length < QUICK_INDEX_FROM) return null;
    const maxZoom = Math.round(map.getZoom()) + (projection === 'polar' ? POLAR_ZOOM_OFFSET : 0);
    return { maxZoom, index: clusterIndex(places, maxZoom) };
  }, [places, map, projection]);
  const [whole, setWhole] = useState<{ of: readonly MapPlace[]; index: Supercluster<PointProps> } | null>(
    null,
  );
  useEffect(() => {
    if (!quick) return;
    // After the first markers are painted.
    return afterPaint(() => setWhole({ of: places, index: clusterIndex(places, CLUSTER_MAX_ZOOM) }));
  }, [places, quick]);
  /** The quick index clusters up to `upTo`: zoomed in further, the markers wait for the whole index. */
  const { index, upTo } = useMemo(
    () =>
      whole?.of === places
        ? { index: whole.index, upTo: Infinity }
        : quick
          ? { index: quick.index, upTo: quick.maxZoom }
          : { index: clusterIndex(places, CLUSTER_MAX_ZOOM), upTo: Infinity },
    [whole, places, quick],
  );
  // The emphasised places are never clustered: each keeps a marker (and a label) of its own, and
  // the clusters they were in count the others only.
  const emphasisKey = emphasis ? [...emphasis.places].sort().join('\n') : '';
  // Each cluster's places, asked of the index once per set of places (a cluster of a large
  // newsletter holds thousands), not on every move, click and slide.
  const clusters = useMemo(() => clusterPlaces(index, byId, rank), [index, byId, rank]);
  const alone = useMemo(() => {
    const apart = new Set(emphasisKey ? emphasisKey.split('\n') : []);
    return places.filter((p) => apart.has(p.id) && (only === null || only.has(p.id))).map(pointFeature);
  }, [places, only, emphasisKey]);

  // Create: one layer group for the map's lifetime.
  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    const shown = shownRef.current;
    groupRef.current = group;
    const labels = new LabelPane(map, LABEL_KINDS);
    labelsRef.current = labels;
    pageRef.current = null;
    return () => {
      group.remove();
      shown.clear();
      groupRef.current = null;
      labels.remove();
      labelsRef.current = null;
    };
  }, [map]);

  // Update: on move/zoom and when the places or the selection change.
  useEffect(() => {
    const readPage = () => {
      const container = map.getContainer();
      pageRef.current ??= {
        scale: markerScale(container),
        styleKey: labelStyleKey(container),
        controls: controlBoxes(container),
      };
      return pageRef.current;
    };
    /** Labels placed in a task of their own (the first markers are drawn without waiting for them). */
    let labelTimer: ReturnType<typeof setTimeout> | undefined;
    /** The next slice of new markers (see addSome). */
    let addTimer: ReturnType<typeof setTimeout> | undefined;
    const update = (labelsLater = false) => {
      const group = groupRef.current;
      if (!group) return;
      clearTimeout(labelTimer);
      clearTimeout(addTimer);
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
      // Zoomed in before the whole index is built: its task is next, and draws them.
      if (zoom > upTo) return;
      const clustered = drawnClusters(
        clusters.leavesOf,
        index.getClusters([west, south, east, north], zoom),
        {
          alone,
          only,
        },
      );
      const leavesOf = new Map<number, readonly Supercluster.PointFeature<PointProps>[]>();
      for (const item of clustered) {
        if ('leaves' in item) leavesOf.set(item.properties.cluster_id, item.leaves);
      }
      const shiftedItems = clustered.map((item) => {
        const [lon, lat] = item.geometry.coordinates as [number, number];
        const shifted = lon + 360 * Math.round((centre - lon) / 360);
        return { ...item, geometry: { ...item.geometry, coordinates: [shifted, lat] } };
      });
      // The polar map asked for the whole world: it draws the markers in its view (and a margin)
      // only, not a large newsletter's thousands round the Arctic when zoomed in on one town.
      const size = map.getSize();
      const { x: width, y: height } = size;
      const inView = (item: (typeof shiftedItems)[number]) => {
        const c = map.latLngToContainerPoint(toLatLng(item.geometry.coordinates));
        return (
          c.x >= -VIEW_MARGIN &&
          c.y >= -VIEW_MARGIN &&
          c.x <= width + VIEW_MARGIN &&
          c.y <= height + VIEW_MARGIN
        );
      };
      const items = polar ? shiftedItems.filter(inView) : shiftedItems;

      // Places at the very same point (Moscow and the Soviet Union) are fanned out on a ring.
      const atPoint = new Map<string, string[]>();
      for (const item of items) {
        if ('cluster' in item.properties) continue;
        const key = item.geometry.coordinates.join(',');
        atPoint.set(key, [...(atPoint.get(key) ?? []), item.properties.id]);
      }

      // Read before markers change: at most one style and layout pass.
      const { scale, styleKey, controls } = readPage();
      const order = new Map((emphasis?.places ?? []).map((id, i) => [id, i]));
      const note = emphasis && order.size ? `, ${emphasis.note}` : '';
      const emphasisOf = (ids: readonly string[]): MarkerEmphasis =>
        order.size === 0 ? 'none' : ids.some((id) => order.has(id)) ? 'story' : 'receded';
      // The emphasised places are not clustered: where their markers would overlap, move them apart.
      const apart = items.filter((item) => alone.some((a) => a.properties.id === item.properties.id));
      const pushed = spreadApart(
        apart.map((item) => {
          const c = map.latLngToContainerPoint(toLatLng(item.geometry.coordinates));
          const place = byId.get((item.properties as PointProps).id);
          const r = (placeMarkerSize(place?.stories ?? 1) * EMPHASIS_SCALE.story * scale) / 2;
          return { x: c.x, y: c.y, r };
        }),
      );
      const spread = new Map(apart.map((item, i) => [(item.properties as PointProps).id, pushed[i]!]));
      const next = new Map<string, Planned>();
      for (const item of items) {
        const position = item.geometry.coordinates;
        const props = item.properties;
        if ('cluster' in props && props.cluster) {
          const clusterId = props.cluster_id;
          const { leaves, first, ids, names } = clusters.placesOf(clusterId, leavesOf.get(clusterId));
          const emph = emphasisOf(ids);
          const inStory = order.size ? leaves.filter((p) => order.has(p.id)).length : 0;
          const label =
            `Cluster of ${leaves.length} places` +
            (inStory ? ` (${inStory} ${emphasis!.note})` : '') +
            `: ${names}`;
          const selected = leaves.some((p) => p.id === selectedId);
          // The cluster is named after the selected place in it, else the first of the story's, else
          // the one most stories mention.
          const storyFirst = leaves
            .filter((p) => order.has(p.id))
            .sort((a, b) => order.get(a.id)! - order.get(b.id)!)[0];
          const leader = leaves.find((p) => p.id === selectedId) ?? storyFirst ?? first;
          const size = Math.round(clusterMarkerSize(leaves.length) * EMPHASIS_SCALE[emph] * scale);
          const drawn = drawnAs(emph);
          const drawnSize = Math.round(clusterMarkerSize(leaves.length) * EMPHASIS_SCALE[drawn] * scale);
          next.set(`c${clusterId}`, {
            position,
            places: ids,
            size,
            offset: [0, 0],
            label: {
              id: `c${clusterId}`,
              text: clusterLabelText(leader?.name ?? '', leaves.length),
              rank: {
                selected,
                emphasis: storyFirst ? order.get(storyFirst.id) : undefined,
                stories: leader?.stories ?? 0,
              },
              emphasised: emph === 'story',
              receded: emph === 'receded',
            },
            signature: `${label}|${selected}|${drawn}|${drawnSize}|${position.join(',')}`,
            build: () => {
              const marker = L.marker(toLatLng(position), {
                icon: countIcon('cluster', leaves.length, drawnSize, selected, [0, 0], drawn),
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
                // The markers of the new zoom are drawn after the move (afterMove): focus goes
                // to them then.
                map.once('moveend', () => {
                  focusAfterMove.current = ids;
                });
                expand();
              };
              marker.on('keydown', (e) => activateOnKey(e as L.LeafletKeyboardEvent, expandByKey));
              return decorate(marker, label, {
                cluster: String(clusterId),
                places: ids.join(' '),
                ...emphasisData(drawn),
              });
            },
          });
        } else {
          const place = byId.get((props as PointProps).id);
          if (!place) continue;
          const twins = atPoint.get(position.join(',')) ?? [place.id];
          const i = twins.indexOf(place.id);
          const angle = (2 * Math.PI * i) / twins.length - Math.PI / 2;
          const fan = FAN_RADIUS * scale;
          const rounded = (o: [number, number]): [number, number] => [Math.round(o[0]), Math.round(o[1])];
          const offset: [number, number] =
            spread.get(place.id) !== undefined
              ? rounded(spread.get(place.id)!)
              : twins.length > 1
                ? [fan * Math.cos(angle), fan * Math.sin(angle)]
                : [0, 0];
          const emph = emphasisOf([place.id]);
          const label = `${place.name}, ${storiesLabel(place.stories)}${emph === 'story' ? note : ''}`;
          const selected = place.id === selectedId;
          const size = Math.round(placeMarkerSize(place.stories) * EMPHASIS_SCALE[emph] * scale);
          const drawn = drawnAs(emph);
          const drawnSize = Math.round(placeMarkerSize(place.stories) * EMPHASIS_SCALE[drawn] * scale);
          next.set(`p${place.id}`, {
            position,
            places: [place.id],
            size,
            offset,
            label: {
              id: `p${place.id}`,
              text: place.name,
              rank: { selected, emphasis: order.get(place.id), stories: place.stories },
              emphasised: emph === 'story',
              receded: emph === 'receded',
            },
            signature: `${label}|${selected}|${drawn}|${drawnSize}|${offset.join(',')}|${position.join(',')}`,
            build: () => {
              const marker = L.marker(toLatLng(position), {
                icon: countIcon('place', place.stories, drawnSize, selected, offset, drawn),
                keyboard: true,
                title: label,
                zIndexOffset: selected ? 1000 : emph === 'story' ? 500 : 0,
              });
              const open = () => onSelectRef.current(place.id);
              marker.on('click', open);
              marker.on('keydown', (e) => activateOnKey(e as L.LeafletKeyboardEvent, open));
              return decorate(marker, label, { place: place.id, ...emphasisData(drawn) });
            },
          });
        }
      }

      const shown = shownRef.current;
      // A marker built again keeps the focus its old element had (selecting, closing a panel).
      let focusedKey: string | null = null;
      for (const [key, s] of shown) {
        if (next.get(key)?.signature !== s.signature) {
          if (s.marker.getElement() === document.activeElement) focusedKey = key;
          group.removeLayer(s.marker);
          shown.delete(key);
        }
      }
      // Where each marker's centre is drawn, in container pixels: computed, not measured (reading
      // the new markers' boxes would force a layout on every move).
      const screen = new Map(
        [...next].map(([key, n]) => {
          const c = map.latLngToContainerPoint(toLatLng(n.position));
          return [key, { x: c.x + n.offset[0], y: c.y + n.offset[1] }];
        }),
      );
      const toAdd: [string, Planned][] = [];
      for (const [key, n] of next) {
        const s = shown.get(key);
        if (!s) toAdd.push([key, n]);
        else if (s.receded !== n.label.receded) {
          s.receded = n.label.receded;
          recede(s.marker.getElement(), s.receded, n.size, n.offset);
        }
      }
      // The new markers nearest the middle of the map first.
      const { x: midX, y: midY } = size.divideBy(2);
      const away = ([key]: [string, Planned]) => {
        const c = screen.get(key)!;
        return (c.x - midX) ** 2 + (c.y - midY) ** 2;
      };
      toAdd.sort((a, b) => away(a) - away(b));
      const add = ([key, n]: [string, Planned]) => {
        const marker = n.build();
        group.addLayer(marker);
        const s: Shown = { marker, signature: n.signature, places: n.places, receded: n.label.receded };
        shown.set(key, s);
        if (s.receded) recede(marker.getElement(), true, n.size, n.offset);
      };
      const finish = () => {
        if (focusedKey !== null) shown.get(focusedKey)?.marker.getElement()?.focus({ preventScroll: true });
        if (focusAfterMove.current) {
          focusFirstMarker(shown, focusAfterMove.current);
          focusAfterMove.current = null;
        }
        // Tab goes through the picked-out places in their text order first, then in reading order.
        orderMarkerElements(shown, screen, emphasis?.places ?? NO_ORDER);
        const label = () => {
          const labels = labelsRef.current;
          if (!labels) return;
          const t0 = performance.now();
          placeLabels(map, labels, next, screen, areas, { zoom, centre, polar, styleKey, controls });
          // A user-timing entry (devtools, the pan bench): how long choosing and placing took.
          performance.measure('atlas:labels', { start: t0 });
        };
        if (labelsLater) labelTimer = setTimeout(label, 0);
        else label();
      };
      // Markers are added a slice at a time, each slice in a task of its own: on a slow laptop a
      // zoom's hundreds of new markers take a few hundred milliseconds, in which no click or key
      // would be painted. Focus, keyboard order and labels follow the last slice.
      let added = 0;
      const addSome = () => {
        const t0 = performance.now();
        while (added < toAdd.length && performance.now() - t0 < ADD_BUDGET_MS) add(toAdd[added++]!);
        if (added < toAdd.length) addTimer = setTimeout(addSome, 0);
        else finish();
      };
      addSome();
    };
    const updateNow = () => update();
    // After a move, in a task after the frame that ends it, the labels in the next: a flight's
    // last frame (the basemap drawn at its new zoom) is painted without waiting for them, and a
    // click that comes meanwhile waits for one of them at most.
    let moved: ReturnType<typeof setTimeout> | undefined;
    const afterMove = () => {
      clearTimeout(moved);
      moved = setTimeout(() => update(true), 0);
    };
    // After a change of props (a click, a keystroke, a slide), the markers follow in a task after
    // the next paint: what was clicked (the place panel, the slide) is painted first, and does not
    // wait for hundreds of markers and their labels. A move updates them at once (moveend), and
    // the first markers are drawn at once.
    // The first markers are drawn at once, their labels in the next task.
    let cancel = () => {};
    if (shownRef.current.size === 0) update(true);
    else cancel = afterPaint(updateNow);
    // Labels are placed again when the view, its size or the map key changes (never per frame).
    const reread = () => {
      pageRef.current = null;
      update();
    };
    const forget = () => {
      pageRef.current = null;
    };
    map.on('moveend', afterMove);
    map.on(`resize ${LEGEND_RESIZE}`, reread);
    // The window's resize comes first (the tour's start and end dispatch one): sizes may change.
    window.addEventListener('resize', forget);
    return () => {
      cancel();
      clearTimeout(labelTimer);
      clearTimeout(addTimer);
      clearTimeout(moved);
      map.off('moveend', afterMove);
      map.off(`resize ${LEGEND_RESIZE}`, reread);
      window.removeEventListener('resize', forget);
    };
  }, [map, index, upTo, clusters, alone, only, byId, rank, selectedId, projection, emphasis, areas]);

  return null;
}

/** The places clustered for the zooms up to `maxZoom` (beyond it, each place is its own point). */
function clusterIndex(places: readonly MapPlace[], maxZoom: number): Supercluster<PointProps> {
  const sc = new Supercluster<PointProps>({
    radius: CLUSTER_RADIUS,
    maxZoom: Math.max(0, Math.min(CLUSTER_MAX_ZOOM, maxZoom)),
  });
  sc.load(places.map(pointFeature));
  return sc;
}

/** A place as supercluster takes it: clustered where drawn (the North Pole at 85°N, not off the Mercator map). */
function pointFeature(p: MapPlace): Supercluster.PointFeature<PointProps> {
  const [lat, lon] = toLatLng(p.position);
  return { type: 'Feature', properties: { id: p.id }, geometry: { type: 'Point', coordinates: [lon, lat] } };
}

type Clustered = Supercluster.ClusterFeature<Supercluster.AnyProps> | Supercluster.PointFeature<PointProps>;

/**
 * What the map draws of the index's clusters and points: only the places in `only` (all when
 * null), and the emphasised places (`alone`) taken out to be added as points of their own. A
 * cluster that lost some counts the others (its leaves given with it) and moves to their centre;
 * one left with a single place is that place's point; one left with none is dropped.
 */
function drawnClusters(
  leavesOf: (clusterId: number) => readonly Supercluster.PointFeature<PointProps>[],
  found: readonly Clustered[],
  {
    alone,
    only,
  }: { alone: readonly Supercluster.PointFeature<PointProps>[]; only: ReadonlySet<string> | null },
): (
  | Clustered
  | (Supercluster.ClusterFeature<Supercluster.AnyProps> & {
      leaves: readonly Supercluster.PointFeature<PointProps>[];
    })
)[] {
  if (alone.length === 0 && only === null) return [...found];
  const apart = new Set(alone.map((a) => a.properties.id));
  const drawn = (id: string) => !apart.has(id) && (only === null || only.has(id));
  const out: ReturnType<typeof drawnClusters> = [];
  for (const item of found) {
    const props = item.properties;
    if (!('cluster' in props && props.cluster)) {
      if (drawn((props as PointProps).id)) out.push(item);
      continue;
    }
    const cluster = item as Supercluster.ClusterFeature<Supercluster.AnyProps>;
    const leaves = leavesOf(cluster.properties.cluster_id);
    const rest = leaves.filter((l) => drawn(l.properties.id));
    if (rest.length === leaves.length) out.push({ ...cluster, leaves });
    else if (rest.length === 1) out.push(rest[0]!);
    else if (rest.length > 1) {
      out.push({
        ...cluster,
        geometry: { type: 'Point', coordinates: centreOf(rest) },
        properties: { ...cluster.properties, point_count: rest.length },
        leaves: rest,
      });
    }
  }
  return [...out, ...alone];
}

/** The mean of points' positions (a cluster's leaves lie within a few dozen pixels of each other). */
function centreOf(points: readonly Supercluster.PointFeature<PointProps>[]): [number, number] {
  let lon = 0;
  let lat = 0;
  for (const p of points) {
    lon += p.geometry.coordinates[0]!;
    lat += p.geometry.coordinates[1]!;
  }
  return [lon / points.length, lat / points.length];
}

/** The map's controls (zoom buttons, attribution, the key), in container pixels: labels keep off them. */
function controlBoxes(container: HTMLElement): Box[] {
  const frame = container.getBoundingClientRect();
  const out: Box[] = [];
  for (const el of container.querySelectorAll<HTMLElement>('.leaflet-control')) {
    const b = el.getBoundingClientRect();
    if (b.width && b.height) {
      out.push({
        minX: b.left - frame.left,
        minY: b.top - frame.top,
        maxX: b.right - frame.left,
        maxY: b.bottom - frame.top,
      });
    }
  }
  return out;
}

/** Chooses and shows the labels: places (beside their markers) first, then area names. */
function placeLabels(
  map: L.Map,
  labels: LabelPane,
  planned: ReadonlyMap<string, Planned>,
  screen: ReadonlyMap<string, { x: number; y: number }>,
  areas: readonly AreaLabel[],
  view: { zoom: number; centre: number; polar: boolean; styleKey: string; controls: readonly Box[] },
) {
  const { zoom, centre, polar, styleKey, controls } = view;
  const size = map.getSize();
  // The controls, and what other layers keep on the map (the cut marks): no name goes under them.
  const markers: MarkerBox[] = [...controls, ...obstacles(map)];
  const specs: LabelSpec[] = [];
  const anchors: (Omit<LabelCandidate, 'width' | 'height'> & { maxWidth?: number })[] = [];
  for (const [key, p] of planned) {
    const { x, y } = screen.get(key)!;
    const r = p.size / 2;
    // A receding marker may be covered by a label of the story's places when nothing else fits.
    markers.push({ minX: x - r, minY: y - r, maxX: x + r, maxY: y + r, soft: p.label.receded });
    // A marker under a control (the map key, the zoom buttons) or off the map gets no name.
    const hidden =
      x < 0 ||
      y < 0 ||
      x > size.x ||
      y > size.y ||
      controls.some((b) => x >= b.minX && x <= b.maxX && y >= b.minY && y <= b.maxY);
    if (hidden) continue;
    specs.push({
      id: p.label.id,
      text: p.label.text,
      className: `map-label-place${p.label.emphasised ? ' is-emphasised' : ''}`,
    });
    anchors.push({
      id: p.label.id,
      text: p.label.text,
      priority: labelPriority(p.label.rank),
      x,
      y,
      radius: r,
      required: p.label.emphasised,
    });
  }
  // Area names: shown between their zooms (the polar map shows about two zooms more), on the
  // world copy nearest the centre, where the name fits inside its country.
  const degreePx = (256 * 2 ** zoom) / 360;
  for (const a of areas) {
    if (zoom < a.minZoom || zoom > a.maxZoom) continue;
    if (polar && a.position[1]! < POLAR_MIN_LAT) continue;
    const lon = polar ? a.position[0]! : a.position[0]! + 360 * Math.round((centre - a.position[0]!) / 360);
    const c = map.latLngToContainerPoint(toLatLng([lon, a.position[1]!]));
    if (c.x < 0 || c.y < 0 || c.x > size.x || c.y > size.y) continue;
    specs.push({ id: a.id, text: a.name, className: `map-label-${a.kind}` });
    anchors.push({
      id: a.id,
      text: a.name,
      priority: labelPriority({ area: { size: a.size } }),
      x: c.x,
      y: c.y,
      radius: 0,
      positions: ['center'],
      maxWidth: a.width * degreePx,
    });
  }
  const measured = labels.measure(specs, styleKey);
  const candidates: LabelCandidate[] = [];
  for (const a of anchors) {
    const m = measured.get(a.id);
    if (!m || m.width === 0) continue;
    if (a.maxWidth !== undefined && m.width > a.maxWidth) continue;
    candidates.push({ ...a, width: m.width, height: m.height });
  }
  const chosen = chooseLabels(candidates, markers, {
    bounds: { minX: EDGE, minY: EDGE, maxX: size.x - EDGE, maxY: size.y - EDGE },
  });
  labels.show(chosen);
  map.getContainer().dataset.labels = String(chosen.length);
}

/** Enter or Space on a focused marker acts like a click (Leaflet only makes it focusable). */
function activateOnKey(e: L.LeafletKeyboardEvent, action: () => void) {
  const key = e.originalEvent.key;
  if (key === 'Enter' || key === ' ') {
    e.originalEvent.preventDefault();
    action();
  }
}

/**
 * How a marker is built: a story's place is built larger; a receding one is built as if no story
 * were open, and made to recede in place (recede), so that opening a story or a place rebuilds its
 * few markers, not the hundreds that recede.
 */
const drawnAs = (e: MarkerEmphasis): MarkerEmphasis => (e === 'receded' ? 'none' : e);

/**
 * Makes a marker's element recede (lighter, by labels.css) or come back, and gives it `size`
 * (smaller when receding), centred as Leaflet centres an icon of that size displaced by `offset`.
 */
function recede(
  el: HTMLElement | undefined,
  receded: boolean,
  size: number,
  offset: readonly [number, number],
) {
  if (!el) return;
  el.classList.toggle('is-receded', receded);
  el.style.width = el.style.height = `${size}px`;
  el.style.marginLeft = `${offset[0] - size / 2}px`;
  el.style.marginTop = `${offset[1] - size / 2}px`;
  if (receded) el.dataset.emphasis = 'receded';
  else if (el.dataset.emphasis === 'receded') delete el.dataset.emphasis;
}

/** A cluster's marker names this many of its places at most (most stories first), then "and N more". */
const CLUSTER_NAMES = 50;

/**
 * A cluster's places (in no order), their ids, the one most stories mention, and the names its
 * marker reads out, each asked of the index once and kept: `subset`, when given and not the
 * cluster's own leaves, is a cluster with some places taken out (see drawnClusters), worked out
 * anew. The first places by rank come from a numeric sort of ranks, never a sort of thousands of
 * places by a comparison.
 */
function clusterPlaces(
  index: Supercluster<PointProps>,
  byId: ReadonlyMap<string, MapPlace>,
  rank: { of: ReadonlyMap<string, number>; byRank: readonly MapPlace[] },
) {
  type Leaves = readonly Supercluster.PointFeature<PointProps>[];
  type Places = { leaves: MapPlace[]; first: MapPlace | undefined; ids: string[]; names: string };
  const leaves = new Map<number, Leaves>();
  const places = new Map<number, Places>();
  const leavesOf = (clusterId: number): Leaves => {
    let l = leaves.get(clusterId);
    if (!l) leaves.set(clusterId, (l = index.getLeaves(clusterId, Infinity)));
    return l;
  };
  const describe = (of: Leaves): Places => {
    const ps = of.map((l) => byId.get(l.properties.id)).filter((p): p is MapPlace => p !== undefined);
    const ranks = Int32Array.from(ps, (p) => rank.of.get(p.id)!).sort();
    const named = Array.from(ranks.subarray(0, CLUSTER_NAMES), (r) => rank.byRank[r]!.name);
    const more = ps.length - named.length;
    return {
      leaves: ps,
      first: ranks.length ? rank.byRank[ranks[0]!] : undefined,
      ids: ps.map((p) => p.id),
      names: named.join(', ') + (more > 0 ? ` and ${more} more` : ''),
    };
  };
  const placesOf = (clusterId: number, subset?: Leaves): Places => {
    const own = leavesOf(clusterId);
    if (subset !== undefined && subset !== own) return describe(subset);
    let p = places.get(clusterId);
    if (!p) places.set(clusterId, (p = describe(own)));
    return p;
  };
  return { leavesOf, placesOf };
}

/** Marks the story's markers (data-emphasis="story") and the receding ones. */
const emphasisData = (e: MarkerEmphasis): Record<string, string> => (e === 'none' ? {} : { emphasis: e });

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
