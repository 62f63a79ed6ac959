/** What the app keeps in the browser's storage (no React): the offline copy's embedded entries. */
export {
  browserStorage,
  captureOfflineSource,
  collectEntries,
  collectLibraryEntries,
  embeddedStorageOf,
  injectEmbedded,
  makeEmbedded,
  offlineSource,
  seedFromDocument,
  type CopyLibrary,
  type EmbeddedStorage,
} from './embeddedStorage';
export {
  EMBEDDED_NEWSLETTER_ID,
  embeddedNewsletterOf,
  injectNewsletter,
  makeEmbeddedNewsletter,
  parseEmbeddedNewsletter,
  type EmbeddedNewsletter,
} from './embeddedNewsletter';
