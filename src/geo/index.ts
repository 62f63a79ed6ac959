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
export { areaLabelPoint, mercatorY, type AreaLabelPoint } from './labelPoint';
