/** What the map says to the reader, kept free of Leaflet so tests in Node can read the same words. */

/** Shown when online tiles fail to load and the map falls back to the bundled basemap. */
export const TILES_FAILED = 'Online tiles could not be loaded; showing the offline map.';
