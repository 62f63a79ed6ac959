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
export { greatCirclePath, type LatLon } from './greatCircle';
export { buildTrack, positionAt, intermediatePoint, type Track, type TrackPosition } from './playback';
