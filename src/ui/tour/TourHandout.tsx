/**
 * The printable handout (issue #4): one page per shown slide, with a small map of the slide's
 * places drawn from the bundled basemap (world-atlas land, as SVG) and the slide's words. Hidden
 * on screen; `@media print` (tour.css) shows it instead of the app and the tour's controls.
 */
import type { Geometry } from 'geojson';
import { useEffect, useState } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Atlas, Slide, TourEntry } from '../../core';
import { wrapGeometry } from '../../geo';
import type { LoadTopology } from '../../map';
import { placeNames, SnippetText } from './TourSlide';

const WORLD_PATH_ID = 'tour-handout-land';
/** The map's shape: width / height. */
const ASPECT = 1.6;
/** The smallest span shown, in degrees of latitude: one city shows its region. */
const MIN_SPAN = 10;

/** The land of a world-atlas topology as one SVG path, x = longitude, y = -latitude. */
export function landPath(topology: Topology): string {
  const land = topology.objects.land as GeometryCollection | undefined;
  if (!land) return '';
  const geometries: Geometry[] = feature(topology, land).features.map((f) => f.geometry);
  const round = (n: number) => Math.round(n * 100) / 100;
  return geometries
    .flatMap((g) => wrapGeometry(g).polygons)
    .flatMap((rings) =>
      rings.map((ring) => `M${ring.map((p) => `${round(p[0]!)} ${round(-p[1]!)}`).join('L')}Z`),
    )
    .join('');
}

/**
 * The box a slide's map shows, in the map's units (x = lon·k, y = -lat, k = cos of the middle
 * latitude so shapes keep their proportions), padded and widened to the map's shape.
 */
export function handoutBox(points: readonly [number, number][]): {
  k: number;
  x: number;
  y: number;
  width: number;
  height: number;
} {
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [west, east] = points.length ? [Math.min(...lons), Math.max(...lons)] : [-180, 180];
  const [south, north] = points.length ? [Math.min(...lats), Math.max(...lats)] : [-60, 80];
  const mid = (south + north) / 2;
  const k = Math.max(0.25, Math.cos((mid * Math.PI) / 180));
  let width = Math.max((east - west) * k * 1.2, MIN_SPAN * ASPECT);
  let height = Math.max((north - south) * 1.2, MIN_SPAN);
  if (width / height < ASPECT) width = height * ASPECT;
  else height = width / ASPECT;
  const cx = ((west + east) / 2) * k;
  const cy = -mid;
  return { k, x: cx - width / 2, y: cy - height / 2, width, height };
}

function HandoutMap({ slide, label }: { slide: Slide; label: string }) {
  const box = handoutBox(slide.points);
  const r = box.height * 0.014;
  return (
    <svg
      className="handout-map"
      viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
      preserveAspectRatio="xMidYMid meet"
      role="img"
      aria-label={`Map of ${label || 'the places'}`}
    >
      <use href={`#${WORLD_PATH_ID}`} transform={`scale(${box.k} 1)`} className="handout-land" />
      {slide.kind === 'flight' && (
        <polyline
          className="handout-route"
          points={slide.points.map((p) => `${p[0] * box.k},${-p[1]}`).join(' ')}
        />
      )}
      {slide.points.map((p, i) => (
        <circle key={i} className="handout-place" cx={p[0] * box.k} cy={-p[1]} r={r} />
      ))}
    </svg>
  );
}

export function TourHandout({
  atlas,
  entries,
  loadTopology,
}: {
  atlas: Atlas;
  /** The shown slides, in order. */
  entries: readonly TourEntry[];
  loadTopology: LoadTopology | null;
}) {
  const [land, setLand] = useState('');
  useEffect(() => {
    let live = true;
    loadTopology?.('110m')
      .then((t) => live && setLand(landPath(t)))
      .catch(() => undefined); // the handout then has no land drawn; the places and words remain
    return () => {
      live = false;
    };
  }, [loadTopology]);
  return (
    <div className="tour-handout">
      <svg className="handout-defs" width="0" height="0" aria-hidden="true">
        <defs>
          <path id={WORLD_PATH_ID} d={land} vectorEffect="non-scaling-stroke" />
        </defs>
      </svg>
      {entries.map((e, i) => {
        const names = placeNamesOf(atlas, e.slide);
        return (
          <section className="handout-page" key={e.slide.id} data-slide={e.slide.id}>
            <p className="handout-count">
              {atlas.newsletter?.title ?? 'Newsletter Atlas'} · {i + 1} / {entries.length}
            </p>
            <h2>{e.slide.title}</h2>
            {e.slide.subtitle && <p className="handout-subtitle">{e.slide.subtitle}</p>}
            {e.slide.points.length > 0 && <HandoutMap slide={e.slide} label={names} />}
            {e.slide.snippets.map((s, k) => (
              <p className="handout-snippet" key={k}>
                <SnippetText snippet={s} />
              </p>
            ))}
            {names && <p className="handout-places">On the map: {names}</p>}
          </section>
        );
      })}
    </div>
  );
}

const placeNamesOf = (atlas: Atlas, slide: Slide) => placeNames(atlas, slide).join(' · ');
