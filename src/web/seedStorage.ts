/**
 * Imported first by main.tsx, so this runs before any module reads storage: an offline copy keeps
 * its own HTML (to save itself again) and seeds localStorage from its embedded entries
 * (library/embeddedStorage.ts says the rule).
 */
import { browserStorage, captureOfflineSource, seedFromDocument } from '../library';

if (import.meta.env.MODE === 'offline') captureOfflineSource(document);
const storage = browserStorage();
if (storage) seedFromDocument(document, storage);
