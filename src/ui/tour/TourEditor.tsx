/**
 * The teacher's slide editor, inside the tour dialog: reorder, hide, notes, add a slide of one's
 * own, export / import the tour as a small JSON file, undo. Every change is saved at once
 * (tourStore.ts); an imported file that cannot be read changes nothing and says why.
 */
import { useId, useMemo, useRef, useState } from 'react';
import { downloadBlob } from '../download';
import {
  formatSize,
  MAX_TOUR_SIZE,
  nextCustomId,
  readSavedTour,
  savedFromEntries,
  serializeTour,
  type Atlas,
  type CustomSlide,
  type SavedTour,
  type TourContext,
  type TourEntry,
} from '../../core';

export interface TourEditorProps {
  atlas: Atlas;
  ctx: TourContext;
  saved: SavedTour;
  entries: readonly TourEntry[];
  /** The slide id shown in the tour, to mark in the list. */
  currentId: string | undefined;
  onChange: (next: SavedTour) => void;
  onUndo: (() => void) | null;
  onReset: () => void;
}

export function TourEditor({
  atlas,
  ctx,
  saved,
  entries,
  currentId,
  onChange,
  onUndo,
  onReset,
}: TourEditorProps) {
  const [importMessage, setImportMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = useId();
  const places = useMemo(
    () =>
      atlas.places
        .map((s) => s.place)
        .slice()
        .sort((a, b) => a.name.localeCompare(b.name, 'en')),
    [atlas],
  );

  const change = (list: TourEntry[], custom: readonly CustomSlide[] = saved.custom) =>
    onChange(savedFromEntries(ctx.newsletter, list, custom));
  const move = (i: number, by: number) => {
    const j = i + by;
    if (j < 0 || j >= entries.length) return;
    const list = [...entries];
    [list[i], list[j]] = [list[j]!, list[i]!];
    change(list);
    // Keep focus on the same button of the moved row.
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLElement>(
          `.tour-editor li[data-slide="${CSS.escape(entries[i]!.slide.id)}"] button[data-move="${by}"]`,
        )
        ?.focus(),
    );
  };
  const setEntry = (i: number, patch: Partial<Pick<TourEntry, 'hidden' | 'note'>>) =>
    change(entries.map((e, k) => (k === i ? { ...e, ...patch } : e)));
  const remove = (i: number) => {
    const id = entries[i]!.slide.id;
    change(
      entries.filter((_, k) => k !== i),
      saved.custom.filter((c) => c.id !== id),
    );
  };

  // A slide of one's own.
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const add = (e: React.FormEvent) => {
    e.preventDefault();
    if (title.trim() === '') return;
    const id = nextCustomId(saved.custom);
    const slide: CustomSlide = { id, title: title.trim(), text: text.trim(), places: chosen };
    const custom = [...saved.custom, slide];
    const listed = savedFromEntries(ctx.newsletter, entries, saved.custom);
    onChange({ ...listed, slides: [...listed.slides, { id }], custom });
    setTitle('');
    setText('');
    setChosen([]);
  };

  const exportTour = () =>
    downloadBlob(
      `newsletter-atlas-tour-${ctx.newsletter}.json`,
      new Blob([serializeTour(saved)], { type: 'application/json' }),
    );
  const importTour = async (file: File | undefined) => {
    if (!file) return;
    try {
      // Refused before reading it whole: a tour is a few kilobytes, and storage could not keep this.
      if (file.size > MAX_TOUR_SIZE) {
        throw new Error(
          `it is ${formatSize(file.size)}; a tour file may be at most ${formatSize(MAX_TOUR_SIZE)}`,
        );
      }
      const { tour, repairs } = readSavedTour(await file.text(), ctx);
      onChange(tour);
      const repaired = repairs.length ? ` Repaired: ${repairs.join('; ')}.` : '';
      setImportMessage({
        ok: true,
        text: `Imported ${file.name}: ${tour.slides.length} slides.${repaired}`,
      });
    } catch (e) {
      setImportMessage({
        ok: false,
        text: `${file.name} was not imported: ${(e as Error).message}. The tour is unchanged.`,
      });
    }
    if (fileInput.current) fileInput.current.value = '';
  };

  return (
    <section className="tour-editor" aria-label="Edit slides">
      <div className="tour-editor-actions">
        <button type="button" onClick={() => onUndo?.()} disabled={onUndo === null}>
          Undo
        </button>
        <button type="button" onClick={exportTour}>
          Export tour (JSON)
        </button>
        <label className="tour-file">
          Import a tour file
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            onChange={(e) => void importTour(e.target.files?.[0])}
          />
        </label>
        <button type="button" onClick={onReset}>
          Default tour
        </button>
      </div>
      {importMessage && (
        <p
          className={importMessage.ok ? 'tour-import-ok' : 'tour-problem'}
          role={importMessage.ok ? 'status' : 'alert'}
        >
          {importMessage.text}
        </p>
      )}
      <ol className="tour-editor-list">
        {entries.map((e, i) => (
          <li
            key={e.slide.id}
            data-slide={e.slide.id}
            className={`${e.hidden ? 'is-hidden' : ''}${e.slide.id === currentId ? ' is-current' : ''}`}
          >
            <span className="tour-editor-title">
              {e.slide.title}
              {e.hidden && <span className="tour-editor-tag"> (hidden)</span>}
            </span>
            <span className="tour-editor-buttons">
              <button
                type="button"
                data-move="-1"
                onClick={() => move(i, -1)}
                disabled={i === 0}
                aria-label={`Move up: ${e.slide.title}`}
              >
                ↑
              </button>
              <button
                type="button"
                data-move="1"
                onClick={() => move(i, 1)}
                disabled={i === entries.length - 1}
                aria-label={`Move down: ${e.slide.title}`}
              >
                ↓
              </button>
              <button
                type="button"
                aria-pressed={e.hidden}
                onClick={() => setEntry(i, { hidden: !e.hidden })}
                aria-label={`Hide: ${e.slide.title}`}
              >
                Hide
              </button>
              {e.slide.kind === 'custom' && (
                <button type="button" onClick={() => remove(i)} aria-label={`Delete: ${e.slide.title}`}>
                  Delete
                </button>
              )}
            </span>
            <label className="tour-editor-note">
              <span>Notes</span>
              <textarea
                rows={1}
                value={e.note}
                aria-label={`Presenter notes: ${e.slide.title}`}
                onChange={(ev) => setEntry(i, { note: ev.target.value })}
              />
            </label>
          </li>
        ))}
      </ol>
      <form className="tour-editor-add" onSubmit={add} aria-labelledby={`${ids}-add`}>
        <h3 id={`${ids}-add`}>Add a slide</h3>
        <label>
          Title
          <input value={title} onChange={(e) => setTitle(e.target.value)} required />
        </label>
        <label>
          Text
          <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <label>
          Places (the map fits them; Ctrl+click for several)
          <select
            multiple
            size={4}
            value={chosen}
            onChange={(e) => setChosen([...e.target.selectedOptions].map((o) => o.value))}
          >
            {places.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Add the slide</button>
      </form>
    </section>
  );
}
