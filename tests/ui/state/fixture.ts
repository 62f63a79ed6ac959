/** The bundled newsletter and the route layers, as the app's URL state is checked against them. */
import { readFileSync } from 'node:fs';
import { loadData, parseRouteLayers } from '../../../src/core';
import { readDataFiles } from '../../../src/cli/data';
import { stateContext } from '../../../src/ui/state';

const text = readFileSync(
  new URL('../../../data/newsletters/russian-embassy-newsletter-2020-06.txt', import.meta.url),
  'utf8',
);
const data = loadData(readDataFiles());
export const atlas = data.geoparse(text);
/** The places only the polar map shows: those north of the Mercator map's edge (the Pole). */
const polarOnly = new Set(atlas.places.filter((p) => p.place.lat > 85.05).map((p) => p.place.id));
export const ctx = stateContext(atlas, data.routeLayers, polarOnly);

/** Small route layers: the flight, one route shown on opening, two optional ones. */
export const layers = parseRouteLayers(
  'id,layer\nflight,flight\nalsib,shown\nattempt,optional\ngromov,optional\n',
  'route-layers.csv',
  ['flight', 'alsib', 'attempt', 'gromov'],
);
