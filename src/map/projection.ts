/** Which map: the usual Web Mercator or the Arctic polar projection (see polarCrs.ts). */
export type MapProjection = 'mercator' | 'polar';

/** The polar basemap is clipped here: nothing south of it is drawn. */
export const POLAR_MIN_LAT = 10;

export const POLAR_MAX_ZOOM = 8;
