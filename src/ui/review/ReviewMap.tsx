/**
 * A review group's candidate places on a small map: an SVG of the bundled land drawn by the
 * handout's d3-geo map (offline), each candidate a dot with its number in the panel's list.
 */
import type { FeatureCollection } from 'geojson';
import { useEffect, useMemo, useState } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import type { CandidatePlace } from '../../core';
// The cache itself, not the map package's index (that brings Leaflet).
import { loadOnce, type LoadTopology } from '../../map/topologyCache';
import {
  HANDOUT_DOT_RADIUS,
  HANDOUT_HEIGHT,
  HANDOUT_LABEL_SIZE,
  HANDOUT_WIDTH,
  handoutMap,
} from '../tour/handoutMap';
import '../tour/handoutMap.css';

/** The bundled land (world-atlas 1:110m, loaded once for the app), or null while it loads or when it cannot. */
function useLand(loadTopology: LoadTopology | null): FeatureCollection | null {
  const [land, setLand] = useState<FeatureCollection | null>(null);
  useEffect(() => {
    if (!loadTopology) return;
    let live = true;
    loadOnce(loadTopology, '110m').then(
      (t) => {
        const object = t.objects.land as GeometryCollection | undefined;
        if (live && object) setLand(feature(t, object) as FeatureCollection);
      },
      () => undefined, // no land drawn: the numbered places remain
    );
    return () => {
      live = false;
    };
  }, [loadTopology]);
  return land;
}

export function ReviewMap({
  name,
  places,
  loadTopology,
}: {
  name: string;
  places: readonly CandidatePlace[];
  loadTopology: LoadTopology | null;
}) {
  const land = useLand(loadTopology);
  const drawing = useMemo(
    () =>
      handoutMap({
        points: places.map((p) => [p.lon, p.lat]),
        polar: false,
        land,
        routes: [],
        names: places.map((p, i) => ({ text: String(i + 1), point: [p.lon, p.lat] })),
      }),
    [places, land],
  );
  return (
    <svg
      className="review-map"
      viewBox={`0 0 ${HANDOUT_WIDTH} ${HANDOUT_HEIGHT}`}
      preserveAspectRatio="xMidYMid meet"
      role="img"
      aria-label={`Map of the places "${name}" could be, numbered as in the list`}
      data-dots={drawing.dots.length}
    >
      <rect className="handout-sea" width={HANDOUT_WIDTH} height={HANDOUT_HEIGHT} />
      <path className="handout-land" d={drawing.land} />
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
    </svg>
  );
}
