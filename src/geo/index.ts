export {
  unwrapLongitudes,
  unwrapRing,
  wrapPolygon,
  wrapLine,
  wrapGeometry,
  maxLongitudeJump,
  longitudeExtent,
  planarArea,
} from './antimeridian';
export { greatCirclePath, greatCirclePoints, type LatLon } from './greatCircle';
export { buildTrack, positionAt, intermediatePoint, type Track, type TrackPosition } from './playback';
export { clipToLatitude, clipRingToLatitude, clipLineToLatitude, graticule } from './clip';
export { cutAtLatitude, type CutLines, type LatitudeCut } from './cutAtLatitude';
export { zoomToSeparate } from './separation';
export { areaLabelPoint, mercatorY, type AreaLabelPoint } from './labelPoint';
export { MERCATOR_LIMIT, onMercator } from './mercator';
export {
  traceLines,
  worldLines,
  worldX,
  worldY,
  type PathSink,
  type PixelRect,
  type WorldLines,
} from './tilePath';
