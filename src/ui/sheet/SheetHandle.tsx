/**
 * The grip at the top of a bottom sheet on a phone: press (Enter, Space, click) to go half → full
 * → folded; arrow up / down to grow or shrink; drag to resize, snapping to the nearest size.
 * Hidden on wider screens, where the panels are no sheets (app.css).
 */
import { useCallback, useRef, useState, type PointerEvent } from 'react';
import { cycleSheet, snapSheet, stepSheet, SHEET_WORDS, type SheetState } from './sheetModel';

/** The map resizes when the sidebar sheet does; Leaflet listens to the window's resize. */
const tellMapToResize = () => requestAnimationFrame(() => window.dispatchEvent(new Event('resize')));

export function useSheet(initial: SheetState = 'half') {
  const [state, setStateRaw] = useState<SheetState>(initial);
  const setState = useCallback((s: SheetState) => {
    setStateRaw(s);
    tellMapToResize();
  }, []);
  return { state, setState };
}

export function SheetHandle({
  label,
  shows = label,
  controls,
  state,
  onChange,
}: {
  /** What the sheet holds, e.g. the place's name: the handle is "<label> panel, half open". */
  label: string;
  /** Shown on the handle while the sheet is folded down. */
  shows?: string;
  /** The id of the sheet's element (resized live while dragging). */
  controls: string;
  state: SheetState;
  onChange: (s: SheetState) => void;
}) {
  const sheetElement = () => document.getElementById(controls);
  const drag = useRef<{ id: number; startY: number; startH: number; moved: boolean } | null>(null);
  /** A drag ends in a click too: that click is no press. */
  const dragged = useRef(false);

  const onPointerDown = (e: PointerEvent<HTMLButtonElement>) => {
    const el = sheetElement();
    if (!el || e.button !== 0) return;
    drag.current = {
      id: e.pointerId,
      startY: e.clientY,
      startH: el.getBoundingClientRect().height,
      moved: false,
    };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLButtonElement>) => {
    const d = drag.current;
    const el = sheetElement();
    if (!d || !el || d.id !== e.pointerId) return;
    const dy = d.startY - e.clientY;
    if (Math.abs(dy) > 6) d.moved = true;
    if (!d.moved) return;
    const max = window.innerHeight * 0.92;
    el.style.height = `${Math.min(Math.max(d.startH + dy, 40), max)}px`;
  };
  const onPointerEnd = (e: PointerEvent<HTMLButtonElement>) => {
    const d = drag.current;
    const el = sheetElement();
    if (!d || d.id !== e.pointerId) return;
    drag.current = null;
    dragged.current = d.moved;
    if (!d.moved || !el) return;
    const height = el.getBoundingClientRect().height;
    el.style.height = '';
    onChange(snapSheet(height, window.innerHeight));
  };

  return (
    <button
      type="button"
      className="sheet-handle"
      aria-label={`${label} panel, ${SHEET_WORDS[state]}`}
      aria-expanded={state !== 'collapsed'}
      aria-controls={controls}
      data-sheet={state}
      title="Press to resize; arrow keys or drag to grow or shrink"
      onClick={() => {
        if (dragged.current) dragged.current = false;
        else onChange(cycleSheet(state));
      }}
      onKeyDown={(e) => {
        if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
        e.preventDefault();
        onChange(stepSheet(state, e.key === 'ArrowUp' ? 1 : -1));
      }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
    >
      <span className="sheet-grip" aria-hidden="true" />
      {state === 'collapsed' && (
        <span className="sheet-shows" aria-hidden="true">
          {shows}
        </span>
      )}
    </button>
  );
}
