/**
 * The import panel: pick files, paste a text, or drop files anywhere on the window; each import
 * is listed with its stage and a Cancel while it runs, then with what became of it (added, found
 * in the library and opened, refused and why). Loaded only when first shown.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Imports } from './useImports';
import { useEscape } from '../useEscape';
import './import.css';

/** The file types the picker offers (any file can still be chosen or dropped: others are refused with the reason). */
export const ACCEPT =
  '.txt,.md,.markdown,.html,.htm,.eml,.json,text/plain,text/markdown,text/html,message/rfc822,application/json';

export default function ImportPanel({ imports, onClose }: { imports: Imports; onClose: () => void }) {
  const titleId = useId();
  const pasteId = useId();
  const [text, setText] = useState('');
  const panel = useRef<HTMLDivElement>(null);
  const { jobs, importFiles, importText, cancel, clear } = imports;

  useEffect(() => {
    panel.current?.querySelector<HTMLElement>('input, button')?.focus();
  }, []);

  useEscape(onClose);

  const busy = jobs.some((j) => j.state === 'waiting' || j.state === 'working');
  return (
    <div className="import-panel" role="dialog" aria-labelledby={titleId} ref={panel}>
      <div className="import-head">
        <h2 id={titleId}>Import a newsletter</h2>
        <button type="button" onClick={onClose} aria-label="Close the import panel">
          Close
        </button>
      </div>
      <p className="import-hint">
        A text (.txt, .md), a web page (.html), an e-mail (.eml), or a newsletter exported from Newsletter
        Atlas (.json, with its edits). Choose files, paste a text, or drop files anywhere on the window. The
        places are found on this computer: nothing is sent anywhere.
      </p>
      <label className="import-pick">
        <span>Choose files…</span>
        <input
          type="file"
          multiple
          accept={ACCEPT}
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            if (files.length) importFiles(files);
          }}
        />
      </label>
      <label htmlFor={pasteId} className="import-paste-label">
        Or paste a text
      </label>
      <textarea
        id={pasteId}
        className="import-paste"
        rows={4}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <button
        type="button"
        disabled={text.trim() === ''}
        onClick={() => {
          importText(text);
          setText('');
        }}
      >
        Import the pasted text
      </button>
      {jobs.length > 0 && (
        <>
          <ul className="import-jobs" aria-label="Imports" aria-live="polite">
            {jobs.map((j) => (
              <li key={j.id} className={`import-job import-${j.state}`} data-state={j.state}>
                <span className="import-name">{j.name}</span>{' '}
                <span className="import-state">
                  {j.state === 'waiting'
                    ? 'Waiting'
                    : j.state === 'working'
                      ? `${j.stage ?? 'Working'}…`
                      : j.state === 'refused' || j.state === 'failed'
                        ? `Not imported: ${j.message}`
                        : j.message}
                </span>
                {(j.state === 'waiting' || j.state === 'working') && (
                  <button
                    type="button"
                    onClick={() => cancel(j.id)}
                    aria-label={`Cancel importing ${j.name}`}
                  >
                    Cancel
                  </button>
                )}
              </li>
            ))}
          </ul>
          {!busy && (
            <button type="button" onClick={clear}>
              Clear the list
            </button>
          )}
        </>
      )}
    </div>
  );
}
