/**
 * The Arctic polar map: EPSG:3575 (North Pole Lambert azimuthal equal-area, centred on 10°E), via
 * proj4 + proj4leaflet, loaded only with the polar view (PolarMap.tsx). Zoom 0 is 40 km per pixel, so everything north of about 20°N fits.
 */
import L from 'leaflet';
import 'proj4leaflet';

import { POLAR_CRS_ZOOMS } from './projection';

export const EPSG_3575 = '+proj=laea +lat_0=90 +lon_0=10 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs';

/** Half the width of the projected sphere (2R): every point of the projection lies within it. */
const EXTENT = 12_800_000;

export const POLAR_CRS = new L.Proj.CRS('EPSG:3575', EPSG_3575, {
  resolutions: Array.from({ length: POLAR_CRS_ZOOMS + 1 }, (_, z) => 40_000 / 2 ** z),
  origin: [-EXTENT, EXTENT],
  bounds: L.bounds([-EXTENT, -EXTENT], [EXTENT, EXTENT]),
});
