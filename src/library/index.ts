/** What the app keeps in the browser's storage (no React): the offline copy's embedded entries. */
export {
  browserStorage,
  captureOfflineSource,
  collectEntries,
  injectEmbedded,
  makeEmbedded,
  offlineSource,
  seedFromDocument,
} from './embeddedStorage';
export {
  EMBEDDED_NEWSLETTER_ID,
  embeddedNewsletterOf,
  injectNewsletter,
  makeEmbeddedNewsletter,
  parseEmbeddedNewsletter,
  type EmbeddedNewsletter,
} from './embeddedNewsletter';
