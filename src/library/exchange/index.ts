/**
 * Taking a newsletter out of the app and back in: one JSON file with its edits and tour
 * (exportNewsletter, readNewsletterFile), and its mentions as GeoJSON (the CLI's contract) or CSV.
 * Pure: no DOM, no storage; the page makes the download and adds what a file gives to the library.
 */
export {
  exportNewsletter,
  readNewsletterFile,
  MAX_NEWSLETTER_FILE,
  MAX_NEWSLETTER_TEXT,
  NEWSLETTER_FILE_FORMAT,
  NEWSLETTER_FILE_VERSION,
  type NewsletterExport,
  type NewsletterFile,
  type ReadNewsletterFile,
} from './newsletterFile';
export { exportFileName, EXPORT_TYPES, type ExportKind } from './fileNames';
// The mention exports live in the core (the CLI prints the GeoJSON one); here for the page's buttons.
export { mentionsCsv, mentionsToGeoJSON, MENTION_CSV_COLUMNS } from '../../core';
