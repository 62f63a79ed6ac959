/**
 * A slide's small map (the printed handout's pages, the presenter's next slide): an SVG of the
 * bundled land (world-atlas 1:110m, loaded once) drawn by handoutMap() with d3-geo, with the
 * slide's routes, places and their names, and north marked.
 */
import type { FeatureCollection } from 'geojson';
import { useEffect, useMemo, useState } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { placePointsOf, playableRoutes, type Atlas, type Slide } from '../../core';
import { loadOnce, type LoadTopology } from '../../map';
import {
  HANDOUT_DOT_RADIUS,
  HANDOUT_HEIGHT,
  HANDOUT_LABEL_SIZE,
  HANDOUT_WIDTH,
  handoutMap,
} from './handoutMap';
import './handoutMap.css';

/** The land of a world-atlas topology as GeoJSON. */
function landOf(topology: Topology): FeatureCollection | null {
  const land = topology.objects.land as GeometryCollection | undefined;
  return land ? (feature(topology, land) as FeatureCollection) : null;
}

/** The slide's places with a point each (their first), in the slide's order: the map's names. */
function slideNames(atlas: Atlas, slide: Slide) {
  return slide.places.flatMap((id) => {
    const place = atlas.gazetteer.byId.get(id);
    const point = place && placePointsOf(atlas, place)[0];
    return place && point ? [{ text: place.name, point }] : [];
  });
}

/** The routes a slide's map draws: those it names or flies, and on the title's polar map the flights. */
function slideRoutes(atlas: Atlas, slide: Slide) {
  const ids = new Set(slide.places);
  if (slide.flight) ids.add(slide.flight.route);
  if (slide.kind === 'title' && slide.polar) for (const r of playableRoutes(atlas)) ids.add(r.place.id);
  return atlas.routes.filter((r) => ids.has(r.place.id)).map((r) => r.waypoints.map((w) => [w.lon, w.lat]));
}

/** A slide's map as an SVG, drawn by handoutMap(): the land, its routes, its places and their names, north. */
export function SlideMap({
  atlas,
  slide,
  label,
  land,
  className = 'handout-map',
}: {
  atlas: Atlas;
  slide: Slide;
  label: string;
  land: FeatureCollection | null;
  /** Sets the map's size where it is shown (the handout's by default). */
  className?: string;
}) {
  const drawing = useMemo(
    () =>
      handoutMap({
        points: slide.points,
        polar: slide.polar === true,
        land,
        routes: slideRoutes(atlas, slide),
        names: slideNames(atlas, slide),
      }),
    [atlas, slide, land],
  );
  return (
    <svg
      className={className}
      viewBox={`0 0 ${HANDOUT_WIDTH} ${HANDOUT_HEIGHT}`}
      preserveAspectRatio="xMidYMid meet"
      role="img"
      aria-label={`${drawing.projection === 'polar' ? 'North polar map' : 'Map'} of ${label || 'the places'}`}
      data-projection={drawing.projection}
      data-dots={drawing.dots.length}
    >
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
      <g className="handout-north" transform={`translate(${HANDOUT_WIDTH - 40} 48)`}>
        <path d="M0 -22 L8 8 L0 2 L-8 8 Z" transform={`rotate(${drawing.north.toFixed(1)})`} />
        <text
          x={(Math.sin((drawing.north * Math.PI) / 180) * 34).toFixed(1)}
          y={(-Math.cos((drawing.north * Math.PI) / 180) * 34 + 6).toFixed(1)}
          textAnchor="middle"
        >
          N
        </text>
      </g>
    </svg>
  );
}

/** The bundled land for the slides' maps, or null while it loads (or when it cannot be loaded). */
export function useLand(loadTopology: LoadTopology | null): FeatureCollection | null {
  const [land, setLand] = useState<FeatureCollection | null>(null);
  useEffect(() => {
    if (!loadTopology) return;
    let live = true;
    loadOnce(loadTopology, '110m').then(
      (t) => live && setLand(landOf(t)),
      () => undefined, // no land drawn: the places, their names and the words remain
    );
    return () => {
      live = false;
    };
  }, [loadTopology]);
  return land;
}
