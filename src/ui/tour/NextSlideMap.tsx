/**
 * A small map of a slide's places for the presenter view: an SVG of the bundled land (world-atlas
 * 110m, drawn with d3-geo) with the places as dots, fitted to them. Not interactive;
 * described by its aria-label. Light: one topology load, one path.
 */
import { geoEquirectangular, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { useEffect, useMemo, useState } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import type { Atlas, Slide } from '../../core';
import type { LoadTopology } from '../../map';

const WIDTH = 320;
const HEIGHT = 180;
const PAD = 18;
/** A slide with one place (or none in reach): this many degrees around it. */
const AROUND = 12;

export function NextSlideMap({
  atlas,
  slide,
  loadTopology,
}: {
  atlas: Atlas;
  slide: Slide;
  loadTopology: LoadTopology | null;
}) {
  const [land, setLand] = useState<FeatureCollection<Geometry> | null>(null);
  useEffect(() => {
    if (!loadTopology) return;
    let live = true;
    loadTopology('110m').then(
      (topology) => {
        const object = topology.objects.land as GeometryCollection | undefined;
        if (live && object) setLand(feature(topology, object));
      },
      () => undefined, // no land: the dots alone still show where the places are
    );
    return () => {
      live = false;
    };
  }, [loadTopology]);

  const drawn = useMemo(() => {
    const points = slide.points.filter((p) => Math.abs(p[1]) <= 89.5);
    const [lons, lats] = [points.map((p) => p[0]), points.map((p) => p[1])];
    const box =
      points.length === 0
        ? [
            [-180, -60],
            [180, 80],
          ]
        : [
            [
              Math.min(...lons) - (points.length === 1 ? AROUND : 2),
              Math.min(...lats) - (points.length === 1 ? AROUND / 2 : 2),
            ],
            [
              Math.max(...lons) + (points.length === 1 ? AROUND : 2),
              Math.max(...lats) + (points.length === 1 ? AROUND / 2 : 2),
            ],
          ];
    const projection = geoEquirectangular().fitExtent(
      [
        [PAD, PAD],
        [WIDTH - PAD, HEIGHT - PAD],
      ],
      {
        type: 'Feature',
        properties: {},
        geometry: { type: 'MultiPoint', coordinates: box },
      },
    );
    projection.clipExtent([
      [0, 0],
      [WIDTH, HEIGHT],
    ]);
    const path = geoPath(projection);
    const dots = points
      .map((p) => projection(p))
      .filter((xy): xy is [number, number] => xy !== null && Number.isFinite(xy[0]));
    return { land: land ? (path(land) ?? '') : '', dots };
  }, [slide, land]);

  const names = slide.places.map((id) => atlas.gazetteer.byId.get(id)?.name ?? id);
  const label = names.length
    ? `Map of the next slide's places: ${names.join(', ')}`
    : 'Map of the next slide: no places';
  return (
    <svg
      className="tour-presenter-map"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
      data-dots={drawn.dots.length}
    >
      <rect width={WIDTH} height={HEIGHT} className="tour-presenter-map-sea" />
      {drawn.land && <path d={drawn.land} className="tour-presenter-map-land" />}
      {drawn.dots.map(([x, y], i) => (
        <circle key={i} className="tour-presenter-map-place" cx={x} cy={y} r={4.5} />
      ))}
    </svg>
  );
}
