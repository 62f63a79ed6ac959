/**
 * What every handout map draws (the slides' maps, SlideMap, and a review's candidates,
 * ReviewMap): the bundled land, loaded once for the app, and a drawing's sea, land, routes,
 * places and names as SVG shapes (handoutMap.css styles them).
 */
import type { FeatureCollection } from 'geojson';
import { useEffect, useState } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// The cache itself, not the map package's index (that brings Leaflet).
import { loadOnce, type LoadTopology } from '../../map/topologyCache';
import {
  HANDOUT_DOT_RADIUS,
  HANDOUT_HEIGHT,
  HANDOUT_LABEL_SIZE,
  HANDOUT_WIDTH,
  type HandoutMapDrawing,
} from './handoutMap';
import './handoutMap.css';

/** The land of a world-atlas topology as GeoJSON. */
function landOf(topology: Topology): FeatureCollection | null {
  const land = topology.objects.land as GeometryCollection | undefined;
  return land ? (feature(topology, land) as FeatureCollection) : null;
}

/** The bundled land (world-atlas 1:110m), or null while it loads (or when it cannot be loaded). */
export function useLand(loadTopology: LoadTopology | null): FeatureCollection | null {
  const [land, setLand] = useState<FeatureCollection | null>(null);
  useEffect(() => {
    if (!loadTopology) return;
    let live = true;
    loadOnce(loadTopology, '110m').then(
      (t) => live && setLand(landOf(t)),
      () => undefined, // no land drawn: the places, their names (and a slide's words) remain
    );
    return () => {
      live = false;
    };
  }, [loadTopology]);
  return land;
}

/** A drawing's sea, land, routes, places and their names, inside the map's <svg>. */
export function HandoutShapes({ drawing }: { drawing: HandoutMapDrawing }) {
  return (
    <>
      <rect className="handout-sea" width={HANDOUT_WIDTH} height={HANDOUT_HEIGHT} />
      <path className="handout-land" d={drawing.land} />
      {drawing.routes.map((d, i) => (
        <path key={i} className="handout-route" d={d} />
      ))}
      {drawing.dots.map(([x, y], i) => (
        <circle key={i} className="handout-place" cx={x} cy={y} r={HANDOUT_DOT_RADIUS} />
      ))}
      {drawing.labels.map((l) => (
        <text
          key={l.id}
          className="handout-label"
          x={l.box.minX}
          y={l.box.maxY - HANDOUT_LABEL_SIZE * 0.3}
          fontSize={HANDOUT_LABEL_SIZE}
        >
          {l.text}
        </text>
      ))}
    </>
  );
}
