/**
 * The printable handout (issue #4): the shown slides, one, two or four to a sheet, each with a
 * small map of its places (d3-geo, see handoutMap.ts: Mercator for ordinary pages, the north
 * polar map for pages that show the flight) and the slide's words. Hidden on screen; `@media
 * print` (tour.css) shows it instead of the app and the tour's controls.
 */
import type { FeatureCollection } from 'geojson';
import { useEffect, useMemo, useState } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { placePointsOf, playableRoutes, type Atlas, type Slide, type TourEntry } from '../../core';
import type { LoadTopology } from '../../map';
import {
  HANDOUT_DOT_RADIUS,
  HANDOUT_HEIGHT,
  HANDOUT_LABEL_SIZE,
  HANDOUT_WIDTH,
  handoutMap,
} from './handoutMap';
import { placeNames, SnippetText } from './TourSlide';

/** How many slides a printed sheet holds. */
export type HandoutLayout = 1 | 2 | 4;
export const HANDOUT_LAYOUTS: readonly HandoutLayout[] = [1, 2, 4];

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

function HandoutMap({
  atlas,
  slide,
  label,
  land,
}: {
  atlas: Atlas;
  slide: Slide;
  label: string;
  land: FeatureCollection | null;
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
      className="handout-map"
      viewBox={`0 0 ${HANDOUT_WIDTH} ${HANDOUT_HEIGHT}`}
      preserveAspectRatio="xMidYMid meet"
      role="img"
      aria-label={`${drawing.projection === 'polar' ? 'North polar map' : 'Map'} of ${label || 'the places'}`}
      data-projection={drawing.projection}
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

export function TourHandout({
  atlas,
  entries,
  loadTopology,
  layout = 1,
}: {
  atlas: Atlas;
  /** The shown slides, in order. */
  entries: readonly TourEntry[];
  loadTopology: LoadTopology | null;
  /** Slides per printed sheet. */
  layout?: HandoutLayout;
}) {
  const [land, setLand] = useState<FeatureCollection | null>(null);
  useEffect(() => {
    let live = true;
    loadTopology?.('110m')
      .then((t) => live && setLand(landOf(t)))
      .catch(() => undefined); // the handout then has no land drawn; the places and words remain
    return () => {
      live = false;
    };
  }, [loadTopology]);
  const sheets: TourEntry[][] = [];
  for (let i = 0; i < entries.length; i += layout) sheets.push(entries.slice(i, i + layout));
  return (
    <div
      className={`tour-handout handout-${layout}-up`}
      data-layout={layout}
      data-land={land ? 'loaded' : ''}
    >
      {sheets.map((sheet, s) => (
        <div className="handout-sheet" key={sheet[0]!.slide.id}>
          {sheet.map((e, k) => {
            const i = s * layout + k;
            const names = placeNames(atlas, e.slide).join(' · ');
            return (
              <section className="handout-page" key={e.slide.id} data-slide={e.slide.id}>
                <p className="handout-count">
                  {atlas.newsletter?.title ?? 'Newsletter Atlas'} · {i + 1} / {entries.length}
                </p>
                <h2>{e.slide.title}</h2>
                {e.slide.subtitle && <p className="handout-subtitle">{e.slide.subtitle}</p>}
                {e.slide.points.length > 0 && (
                  <HandoutMap atlas={atlas} slide={e.slide} label={names} land={land} />
                )}
                {e.slide.snippets.map((sn, j) => (
                  <p className="handout-snippet" key={j}>
                    <SnippetText snippet={sn} />
                  </p>
                ))}
                {names && <p className="handout-places">On the map: {names}</p>}
              </section>
            );
          })}
        </div>
      ))}
    </div>
  );
}
