export {
  chooseLabels,
  clusterLabelText,
  labelBox,
  labelPriority,
  overlaps,
  MARKER_POSITIONS,
  type Box,
  type ChosenLabel,
  type ChooseOptions,
  type LabelCandidate,
  type LabelPosition,
  type LabelRank,
  type MarkerBox,
} from './chooseLabels';
export { countryLabels, seaLabels, type AreaLabel } from './areas';
export { LabelPane, LABEL_PANE, type LabelSpec } from './labelPane';
export { useAreaLabels } from './useAreaLabels';
