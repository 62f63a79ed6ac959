/**
 * Imported first by main.tsx, so this runs before React renders into #root: an offline copy keeps
 * its own HTML as it was loaded (to save itself again). Its embedded saved choices are put in the
 * library when the library opens (library/store/migrate.ts openAppLibrary; embeddedStorage.ts
 * says the rule).
 */
import { captureOfflineSource } from '../library';

if (import.meta.env.MODE === 'offline') captureOfflineSource(document);
