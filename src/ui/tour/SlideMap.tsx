/**
 * A slide's small map (the printed handout's pages, the presenter's next slide): an SVG of the
 * bundled land (world-atlas 1:110m, loaded once) drawn by handoutMap() with d3-geo, with the
 * slide's routes, places and their names, and north marked.
 */
import type { FeatureCollection } from 'geojson';
import { useMemo } from 'react';
import { placePointsOf, playableRoutes, type Atlas, type Slide } from '../../core';
import { HANDOUT_HEIGHT, HANDOUT_WIDTH, handoutMap } from './handoutMap';
import { HandoutShapes } from './HandoutShapes';

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
      <HandoutShapes drawing={drawing} />
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
