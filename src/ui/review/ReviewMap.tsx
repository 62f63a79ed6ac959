/**
 * A review group's candidate places on a small map: an SVG of the bundled land drawn by the
 * handout's d3-geo map (offline), each candidate a dot with its number in the panel's list.
 */
import { useMemo } from 'react';
import type { CandidatePlace } from '../../core';
import type { LoadTopology } from '../../map/topologyCache';
import { HANDOUT_HEIGHT, HANDOUT_WIDTH, handoutMap } from '../tour/handoutMap';
import { HandoutShapes, useLand } from '../tour/HandoutShapes';

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
      <HandoutShapes drawing={drawing} />
    </svg>
  );
}
