export { placeKey } from './key';
export {
  BROAD_KINDS,
  encodeGazetteer,
  FORMAT_VERSION,
  GazetteerFormatError,
  openGazetteer,
  type BroadGazetteer,
  type BroadKind,
  type BroadPlace,
  type PlaceRecord,
} from './format';
