/**
 * The masthead's library: a button that opens the list of newsletters (newest first, the one
 * shown marked), each opened by its title; imported ones can be removed (with Undo, in the
 * notice the shell shows). "Import…" opens the import panel.
 */
import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import { useEscape } from '../useEscape';
import type { LibraryEntry } from '../../library/store';
import './library.css';

const formatDate = (date: string | null, addedAt: number | null) =>
  date ?? (addedAt !== null ? `added ${new Date(addedAt).toISOString().slice(0, 10)}` : '');

export function LibraryMenu({
  entries,
  currentId,
  onOpen,
  onRemove,
  onImport,
  storageNote,
  problems = [],
  children,
}: {
  entries: readonly LibraryEntry[] | null;
  currentId: string;
  onOpen: (id: string) => void;
  onRemove: (id: string) => void;
  onImport: () => void;
  storageNote: string | null;
  /** What the library could not read or move: said, never dropped silently. */
  problems?: readonly string[];
  /** More of the masthead's buttons (Export), after Import. */
  children?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  // How many of the problems the reader has dismissed (a new one shows again).
  const [read, setRead] = useState(0);
  const listId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  // Esc closes the list and gives focus back to its button.
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);
  useEscape(close, open);

  const count = entries?.length ?? null;
  return (
    <div className="library">
      <div className="library-buttons">
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((o) => !o)}
        >
          Library{count !== null ? ` (${count})` : ''}
        </button>
        <button type="button" onClick={onImport}>
          Import…
        </button>
        {children}
      </div>
      {storageNote && (
        <p className="library-note" role="status">
          {storageNote}
        </p>
      )}
      {problems.length > read && (
        <div className="library-note library-problems" role="status">
          <p>Some saved data could not be read; none of it was deleted:</p>
          <ul>
            {problems.slice(read).map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          <button type="button" onClick={() => setRead(problems.length)}>
            Dismiss
          </button>
        </div>
      )}
      {open && (
        <div className="library-panel" id={listId} ref={panel} role="region" aria-label="Library">
          {entries === null ? (
            <p role="status">Opening the library…</p>
          ) : (
            <ul className="library-list">
              {entries.map((e) => {
                const shown = e.id === currentId;
                return (
                  <li key={e.id} className={shown ? 'library-current' : undefined}>
                    <button
                      type="button"
                      className="library-open"
                      aria-current={shown ? 'true' : undefined}
                      onClick={() => {
                        setOpen(false);
                        if (!shown) onOpen(e.id);
                      }}
                    >
                      <span className="library-title">{e.title}</span>
                      <span className="library-meta">
                        {[formatDate(e.date, e.addedAt), e.bundled ? 'comes with the app' : e.source?.name]
                          .filter(Boolean)
                          .join(' · ')}
                        {shown ? ' · shown now' : ''}
                      </span>
                    </button>
                    {!e.bundled && (
                      <button
                        type="button"
                        className="library-remove"
                        aria-label={`Remove “${e.title}” from the library`}
                        onClick={() => onRemove(e.id)}
                      >
                        Remove
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
