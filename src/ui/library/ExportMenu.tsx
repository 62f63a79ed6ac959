/**
 * The masthead's Export: the newsletter with its edits as one file (read back by Import), and
 * its mentions as GeoJSON (the CLI's output) or CSV. The export code loads when first used.
 */
import { useId, useState } from 'react';
import type { Atlas } from '../../core';
import type { NewsletterSource } from '../../library/store';
import { downloadBlob } from '../download';
import type { Edits } from './useEdits';
import type { ShownNewsletter } from './types';

export function ExportMenu({
  newsletter,
  source,
  base,
  shown,
  edits,
  tour,
}: {
  newsletter: ShownNewsletter;
  source: NewsletterSource | null;
  /** The geoparsed newsletter, before the reader's edits (the file carries those apart). */
  base: Atlas;
  /** The newsletter as shown, edits applied: what the mentions export. */
  shown: Atlas;
  edits: Edits;
  /** The saved tour's JSON text, or null. */
  tour: () => Promise<string | null>;
}) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const id = useId();

  const save = async (kind: 'newsletter' | 'geojson' | 'csv') => {
    try {
      const x = await import('../../library/exchange');
      const name = x.exportFileName(newsletter.bundled ? newsletter.id : newsletter.title, kind);
      const content =
        kind === 'newsletter'
          ? x.exportNewsletter({
              meta: { id: newsletter.id, title: newsletter.title, date: newsletter.date, source },
              text: base.text,
              edits,
              tour: await tour(),
            })
          : kind === 'geojson'
            ? `${JSON.stringify(x.mentionsToGeoJSON(shown), null, 1)}\n`
            : x.mentionsCsv(shown);
      downloadBlob(name, new Blob([content], { type: `${x.EXPORT_TYPES[kind].type};charset=utf-8` }));
      setStatus(`Saved ${name}.`);
      setOpen(false);
    } catch (e) {
      setStatus(`Nothing was exported: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div className="export-menu">
      <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        Export…
      </button>
      {open && (
        <div id={id} className="library-panel export-panel" role="region" aria-label="Export">
          <button type="button" onClick={() => void save('newsletter')}>
            Newsletter with its edits (.json, for Import)
          </button>
          <button type="button" onClick={() => void save('geojson')}>
            Its places as GeoJSON
          </button>
          <button type="button" onClick={() => void save('csv')}>
            Its places as CSV (a spreadsheet)
          </button>
        </div>
      )}
      {status && (
        <p className="export-status" role="status">
          {status}
        </p>
      )}
    </div>
  );
}
