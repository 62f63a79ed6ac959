/**
 * The basemap's world-atlas TopoJSON (1:110m, and 1:50m once zoomed in to 4 or more).
 *
 * The served app fetches each file same-origin, as an asset Vite emits (never a CDN), so the
 * initial JS stays small. The single-file offline copy (`vite build --mode offline`, see
 * docs/offline-copy.md) cannot fetch anything from file://, so there the files are bundled into
 * the JS as data. `import.meta.env.MODE` is a constant at build time: each build keeps one branch
 * and drops the other's imports.
 */
import type { Topology } from 'topojson-specification';
import url110m from 'world-atlas/countries-110m.json?url';
import url50m from 'world-atlas/countries-50m.json?url';
import type { BasemapDetail, LoadTopology } from '../map';

/** True in the single-file build that makes dist/newsletter-atlas-offline.html. */
export const OFFLINE_BUILD = import.meta.env.MODE === 'offline';

async function bundled(detail: BasemapDetail): Promise<Topology> {
  const module =
    detail === '110m'
      ? await import('world-atlas/countries-110m.json')
      : await import('world-atlas/countries-50m.json');
  return module.default as unknown as Topology;
}

async function fetched(detail: BasemapDetail): Promise<Topology> {
  const url = detail === '110m' ? url110m : url50m;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return (await response.json()) as Topology;
}

export const loadTopology: LoadTopology = (detail) => (OFFLINE_BUILD ? bundled(detail) : fetched(detail));
