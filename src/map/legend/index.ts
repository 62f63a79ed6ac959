export { MapLegend, LEGEND_RESIZE } from './MapLegend';
