/** Which map: the usual Web Mercator or the Arctic polar projection (see polarCrs.ts). */
export type MapProjection = 'mercator' | 'polar';

/** The polar basemap is clipped here: nothing south of it is drawn. */
export const POLAR_MIN_LAT = 10;

/**
 * How far the polar map zooms: its only basemap is world-atlas 1:50m (no online tiles in this
 * projection). Zoom 7 is ~310 m a pixel, about Mercator's zoom 8 at 45°N (see AtlasMap): past
 * it the 1:50m coasts show nothing more.
 */
export const POLAR_MAX_ZOOM = 7;
/**
 * Where the map shows curated context (the tour's landing slide: a river and cities drawn from
 * data/ to about a kilometre), it may zoom further: Mercator 10 (~110 m a pixel at 45°N), polar 9
 * (~80 m a pixel), so that the context, some tens of km across, fills the view.
 */
export const CONTEXT_MAX_ZOOM = { mercator: 10, polar: 9 } as const;
/** The polar CRS's zoom levels (its resolutions), enough for either limit. */
export const POLAR_CRS_ZOOMS = 10;
