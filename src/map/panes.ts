/**
 * The map's own panes, stacked among Leaflet's (tiles 200, overlays 400, shadows 500, markers 600,
 * tooltips 650): the plane flies under the place names, and both under the markers, so the plane
 * never covers a marker or its name.
 */
export const PLANE_PANE = { name: 'plane', zIndex: '580' } as const;
export const LABEL_PANE = { name: 'labels', zIndex: '590' } as const;
