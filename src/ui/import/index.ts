/** Import: files picked, dropped or pasted become newsletters of the library (the panel is loaded lazily). */
export {
  MAX_IMPORT_BYTES,
  stageText,
  useImports,
  type ImportJob,
  type Imports,
  type JobState,
} from './useImports';
export { useDropImport } from './useDropImport';
