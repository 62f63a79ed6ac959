/**
 * "Download for offline": saves the app as one HTML file that opens from disk (file://) with no
 * server and no network: the single-file build (dist/newsletter-atlas-offline.html) with the
 * teacher's saved choices embedded in it: the library's saved tours and settings (and any
 * `newsletter-atlas:` localStorage entry the library has not taken over).
 * See docs/offline-copy.md.
 */
import { useState } from 'react';
import { downloadBlob } from '../download';
import {
  browserStorage,
  collectLibraryEntries,
  injectEmbedded,
  type CopyLibrary,
  injectNewsletter,
  makeEmbedded,
  offlineSource,
  type EmbeddedNewsletter,
} from '../../library';
import './offline.css';

/** Made by `npm run build` next to index.html (vite.config.ts). */
export const OFFLINE_FILE = 'newsletter-atlas-offline.html';
/** The single-file build carries this meta element; a dev server's fallback page does not. */
const OFFLINE_MARKER = '<meta name="newsletter-atlas-build" content="offline"';

/** True when this page is itself an offline copy (the single-file build). */
const IS_COPY = import.meta.env.MODE === 'offline';

async function fetchOfflineHtml(): Promise<string> {
  const howTo =
    'It is made by the production build: run `npm run build` and serve dist/ (`npm run preview`).';
  let response: Response;
  try {
    response = await fetch(OFFLINE_FILE, { cache: 'no-store' });
  } catch (e) {
    throw new Error(`${OFFLINE_FILE} could not be fetched (${String(e)}). ${howTo}`);
  }
  if (!response.ok) {
    throw new Error(
      `${OFFLINE_FILE} could not be fetched (${response.status} ${response.statusText}). ${howTo}`,
    );
  }
  const html = await response.text();
  if (!html.includes(OFFLINE_MARKER)) {
    throw new Error(`${OFFLINE_FILE} is not on this server (the page it returned is another one). ${howTo}`);
  }
  return html;
}

/** e.g. "1.5 MB" */
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

type Status = { kind: 'idle' | 'busy' | 'done' | 'error'; message: string };

export function OfflineDownload({
  name,
  newsletter,
  openStore,
}: {
  name?: string | undefined;
  /** The page's library store, whose saved tours and settings the copy carries. */
  openStore: () => Promise<CopyLibrary>;
  /** The newsletter the copy opens on, when it is not the bundled one (made when the button is pressed). */
  newsletter?: (() => EmbeddedNewsletter | null) | undefined;
}) {
  const [status, setStatus] = useState<Status>({ kind: 'idle', message: '' });
  const filename = `newsletter-atlas-${name ?? 'copy'}-offline.html`;

  const download = async () => {
    setStatus({ kind: 'busy', message: 'Making the offline copy…' });
    try {
      const source = offlineSource ?? (await fetchOfflineHtml());
      const entries = await collectLibraryEntries(await openStore(), browserStorage());
      const withStorage = injectEmbedded(source, makeEmbedded(entries, new Date().toISOString()));
      const html = injectNewsletter(withStorage, newsletter?.() ?? null);
      const blob = new Blob([html], { type: 'text/html;charset=utf-8' });
      downloadBlob(filename, blob);
      const saved = Object.keys(entries).length;
      setStatus({
        kind: 'done',
        message:
          `Saved ${filename} (${megabytes(blob.size)}, ${saved} saved ${saved === 1 ? 'setting' : 'settings'}). ` +
          'Open it from disk in a browser: no server or internet needed.',
      });
    } catch (e) {
      setStatus({
        kind: 'error',
        message: `No offline copy made: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  };

  return (
    <div className="offline-download">
      <button
        type="button"
        onClick={download}
        disabled={status.kind === 'busy'}
        aria-describedby="offline-download-help"
      >
        Download for offline
      </button>
      <p id="offline-download-help" className="offline-help">
        {IS_COPY
          ? 'This is an offline copy; saving it again keeps your current slide choices and notes.'
          : 'One HTML file with the map, the newsletter and your slide choices, to open without internet.'}
      </p>
      <p
        className={`offline-status offline-status-${status.kind}`}
        role={status.kind === 'error' ? 'alert' : 'status'}
      >
        {status.message}
      </p>
    </div>
  );
}
