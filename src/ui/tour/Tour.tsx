/**
 * The classroom tour (issue #4), a lazy chunk: a dialog on the left of the screen with one slide
 * at a time, the map beside it moved to the slide's places. Keyboard-driven: Right / Space /
 * PageDown next, Left / PageUp previous, Home / End, digits then Enter to jump, F full screen,
 * Esc leaves. Each slide has its URL (?present=N): opening the tour adds one history entry (the
 * slides replace it), so Back leaves the tour for the app as it was when the tour began.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import {
  arrangeTour,
  defaultTour,
  savedFromEntries,
  type Atlas,
  type SavedTour,
  type Slide,
  type TourEntry,
} from '../../core';
import type { LoadTopology } from '../../map';
import { SlideView } from './TourSlide';
import { TourStage } from './TourStage';
import { useTourData } from './tourData';
import type { TourFlight, TourMap } from './types';
import { TourEditor } from './TourEditor';
import { HANDOUT_LAYOUTS, TourHandout, type HandoutLayout } from './TourHandout';
import { openChannel, slideParam, type TourMessage } from './tourSync';
import { saveMessage, type LoadedTour, type TourPersistence } from './tourStore';
import { useTourStore, type OpenTourStore } from './useTourStore';
import { downloadBlob } from '../download';

export interface TourProps {
  atlas: Atlas;
  flight: TourFlight | null;
  map: TourMap;
  polar: boolean;
  /** 1-based slide to open at. */
  start: number;
  /** Whether opening the tour added a history entry (the Present button), which leaving it takes back. */
  pushed: boolean;
  /** The slide shown (1-based), for the URL (?present=N). */
  onSlide: (n: number) => void;
  onClose: () => void;
  /** The bundled basemap, for the handout's maps. */
  loadTopology: LoadTopology | null;
  /** The library store the saved tour and the theme are kept in. */
  openStore: OpenTourStore;
}

interface ViewProps extends Omit<TourProps, 'openStore'> {
  persistence: TourPersistence;
  loaded: LoadedTour;
  initialContrast: boolean;
}

/** How many changes Undo can take back. */
const UNDO_STEPS = 50;

/** Opens the tour once its saved tour and theme are read from the library. */
export default function Tour({ openStore, ...props }: TourProps) {
  const { ctx } = useTourData(props.atlas, props.flight);
  const opened = useTourStore(openStore, ctx);
  if (opened.status === 'loading') {
    return createPortal(
      <p className="tour-loading" role="status">
        Opening the tour…
      </p>,
      document.body,
    );
  }
  return (
    <TourView
      {...props}
      persistence={opened.persistence}
      loaded={opened.loaded}
      initialContrast={opened.contrast}
    />
  );
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  target.closest('input, textarea, select, [contenteditable="true"], [role="textbox"]') !== null;

function TourView({
  atlas,
  flight,
  map,
  polar,
  start,
  pushed: addedEntry,
  onSlide,
  onClose,
  loadTopology,
  persistence,
  loaded,
  initialContrast,
}: ViewProps) {
  const { slides, ctx } = useTourData(atlas, flight);
  const [saved, setSaved] = useState<SavedTour>(() => loaded.tour ?? defaultTour(ctx.newsletter, slides));
  const [history, setHistory] = useState<SavedTour[]>([]);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const [problem, setProblem] = useState<string | null>(loaded.problem);
  /** The unreadable saved tour could not be copied aside: saves leave it alone until the teacher decides. */
  const [stuck, setStuck] = useState(loaded.stuck);
  /** Why the last change was not saved, or null. */
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const entries = useMemo(() => arrangeTour(atlas, slides, saved), [atlas, slides, saved]);
  const visible = useMemo(() => entries.filter((e) => !e.hidden), [entries]);
  const [index, setIndex] = useState(() => Math.min(Math.max(start - 1, 0), Math.max(visible.length - 1, 0)));
  const [pending, setPending] = useState('');
  const [contrast, setContrast] = useState(initialContrast);
  const [handoutLayout, setHandoutLayout] = useState<HandoutLayout>(1);
  const dialog = useRef<HTMLElement>(null);
  const current: TourEntry | undefined = visible[Math.min(index, visible.length - 1)];
  const slide: Slide | undefined = current?.slide;

  /** Saves the tour, and says at once when it was not kept (or another window's newer one won). */
  const save = useCallback(
    async (next: SavedTour) => {
      const result = await persistence.save(next);
      setSaveProblem(saveMessage(result, persistence.reason()));
      if (result === 'newer') {
        const now = await persistence.load(ctx);
        if (now.tour) setSaved(now.tour);
      }
    },
    [persistence, ctx],
  );
  // Another tab changed this newsletter's tour or the theme: the last write shows here too.
  useEffect(
    () =>
      persistence.subscribeRemote(ctx.newsletter, (what) => {
        if (what === 'contrast') void persistence.readContrast().then(setContrast);
        else
          void persistence.load(ctx).then((now) => {
            if (!now.stuck) setSaved(now.tour ?? defaultTour(ctx.newsletter, slides));
          });
      }),
    [persistence, ctx, slides],
  );

  /** A change to the tour: saved at once, undoable; the slide shown stays shown where it can. */
  const update = useCallback(
    (next: SavedTour, record = true) => {
      const id = current?.slide.id;
      if (record) setHistory((h) => [...h.slice(-(UNDO_STEPS - 1)), saved]);
      setSaved(next);
      void save(next);
      const nextVisible = arrangeTour(atlas, slides, next).filter((e) => !e.hidden);
      const at = nextVisible.findIndex((e) => e.slide.id === id);
      if (at >= 0) setIndex(at);
    },
    [atlas, slides, saved, current, save],
  );
  const undo = useCallback(() => {
    const previous = history[history.length - 1];
    if (!previous) return;
    setHistory((h) => h.slice(0, -1));
    update(previous, false);
  }, [history, update]);
  const closeEditor = useCallback(() => {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  }, []);

  const go = useCallback(
    (i: number) => setIndex(Math.min(Math.max(i, 0), Math.max(visible.length - 1, 0))),
    [visible.length],
  );

  // The URL names the slide shown. Opened with the Present button (not from a ?present= link),
  // the tour has added one history entry; Back (popstate without ?present=) leaves it, and so
  // does leaving it any other way (history.back), so the entry never outlives the tour.
  const pushed = useRef(addedEntry);
  useEffect(() => {
    if (!visible.length) return;
    onSlide(Math.min(index, visible.length - 1) + 1);
  }, [index, visible.length, onSlide]);
  useEffect(() => {
    const onPop = () => {
      if (slideParam(window.location.search, 'present') !== null) return;
      pushed.current = false;
      onClose();
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [onClose]);
  const leave = useCallback(() => {
    if (pushed.current && slideParam(window.location.search, 'present') !== null) window.history.back();
    else onClose();
  }, [onClose]);

  // Presenting: the app's sidebar and controls give way to the tour; the map keeps the rest.
  const initialPolar = useRef(polar);
  useLayoutEffect(() => {
    document.body.classList.add('presenting');
    window.dispatchEvent(new Event('resize'));
    dialog.current?.focus();
    const restorePolar = initialPolar.current;
    return () => {
      document.body.classList.remove('presenting');
      map.showPlane(false);
      map.showContext([]);
      map.setPolar(restorePolar);
      window.dispatchEvent(new Event('resize'));
    };
  }, [map]);

  const toggleFullscreen = useCallback(() => {
    const done = () => undefined;
    if (document.fullscreenElement) void document.exitFullscreen?.().catch(done);
    else void document.documentElement.requestFullscreen?.().catch(done);
  }, []);

  const toggleContrast = useCallback(() => {
    const next = !contrast;
    setContrast(next);
    void persistence
      .writeContrast(next)
      .then((result) =>
        setSaveProblem(result === 'memory' ? saveMessage('memory', persistence.reason()) : null),
      );
  }, [contrast, persistence]);

  // Keys, before the app and the map see them.
  const pendingRef = useRef(pending);
  useEffect(() => {
    pendingRef.current = pending;
  }, [pending]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        if (editing) closeEditor();
        else leave();
        return;
      }
      if (editing || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      const onButton = e.target instanceof HTMLElement && e.target.closest('button, a[href]') !== null;
      const typed = pendingRef.current;
      let handled = true;
      if (/^[0-9]$/.test(e.key)) setPending((p) => (p + e.key).slice(-4));
      else if (e.key === 'Enter' && typed !== '') {
        go(Number(typed) - 1);
        setPending('');
      } else if (e.key === 'Backspace' && typed !== '') setPending((p) => p.slice(0, -1));
      else {
        if (typed !== '') setPending('');
        switch (e.key) {
          case 'ArrowRight':
          case 'PageDown':
            go(index + 1);
            break;
          case ' ':
            if (onButton) handled = false;
            else go(index + 1);
            break;
          case 'ArrowLeft':
          case 'PageUp':
            go(index - 1);
            break;
          case 'Home':
            go(0);
            break;
          case 'End':
            go(visible.length - 1);
            break;
          case 'f':
          case 'F':
            toggleFullscreen();
            break;
          default:
            handled = false;
        }
      }
      if (handled) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [go, index, visible.length, leave, toggleFullscreen, editing, closeEditor]);

  // The presenter view (a second window) follows the tour and may move it or change a note.
  const channel = useRef<ReturnType<typeof openChannel>>(null);
  const latest = useRef({ go, update, saved, index, entries });
  useEffect(() => {
    latest.current = { go, update, saved, index, entries };
  });
  useEffect(() => {
    const c = openChannel((m: TourMessage) => {
      const { go, update, saved, index, entries } = latest.current;
      if (m.type === 'hello') c?.post({ type: 'slide', index, saved });
      else if (m.type === 'go') go(m.index);
      else if (m.type === 'note') {
        update(
          savedFromEntries(
            saved.newsletter,
            entries.map((e) => (e.slide.id === m.id ? { ...e, note: m.note } : e)),
            saved.custom,
          ),
        );
      }
    });
    channel.current = c;
    return () => {
      c?.post({ type: 'closed' });
      c?.close();
    };
  }, []);
  useEffect(() => {
    channel.current?.post({ type: 'slide', index: Math.min(index, Math.max(visible.length - 1, 0)), saved });
  }, [index, saved, visible.length]);
  const openPresenter = () => {
    const params = new URLSearchParams(window.location.search);
    params.delete('present');
    params.set('presenter', String(Math.min(index, visible.length - 1) + 1));
    window.open(
      `${window.location.pathname}?${params}`,
      'newsletter-atlas-presenter',
      'width=1000,height=700',
    );
  };

  const n = visible.length;
  const shown = Math.min(index, n - 1) + 1;
  return createPortal(
    <section
      ref={dialog}
      className={`tour${contrast ? ' tour-high-contrast' : ''}`}
      role="dialog"
      aria-modal="false"
      aria-label={`Tour: ${slide?.title ?? 'no slides'}`}
      tabIndex={-1}
    >
      <header className="tour-bar">
        <p className="tour-progress">
          {shown} / {n}
        </p>
        <p className="visually-hidden" aria-live="polite">
          {slide ? `Slide ${shown} of ${n}: ${slide.title}` : ''}
        </p>
        {pending !== '' && (
          <p className="tour-jump" role="status">
            Go to slide {pending}… (Enter)
          </p>
        )}
        <div className="tour-buttons">
          <button type="button" onClick={() => go(index - 1)} disabled={index <= 0}>
            Previous
          </button>
          <button type="button" onClick={() => go(index + 1)} disabled={index >= n - 1}>
            Next
          </button>
          <button
            ref={editButton}
            type="button"
            aria-expanded={editing}
            onClick={() => (editing ? closeEditor() : setEditing(true))}
          >
            Edit slides
          </button>
          <button type="button" onClick={openPresenter}>
            Presenter view
          </button>
          <button type="button" aria-pressed={contrast} onClick={toggleContrast}>
            High contrast
          </button>
          <button type="button" onClick={() => window.print()}>
            Print handout
          </button>
          <label className="tour-handout-layout">
            Slides per page{' '}
            <select
              value={handoutLayout}
              onChange={(e) => setHandoutLayout(Number(e.target.value) as HandoutLayout)}
            >
              {HANDOUT_LAYOUTS.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={toggleFullscreen}>
            Full screen
          </button>
          <button type="button" onClick={leave}>
            Leave tour
          </button>
        </div>
      </header>
      {problem && (
        <p className="tour-problem" role="alert">
          {problem}{' '}
          {loaded.unreadable !== null && (
            <>
              <button
                type="button"
                onClick={() =>
                  downloadBlob(
                    `newsletter-atlas-tour-${ctx.newsletter}-unreadable.json`,
                    new Blob([loaded.unreadable ?? ''], { type: 'application/json' }),
                  )
                }
              >
                Download the unreadable tour
              </button>{' '}
            </>
          )}
          {stuck && (
            <>
              <button
                type="button"
                onClick={() => {
                  persistence.replaceUnreadable(ctx.newsletter);
                  setStuck(false);
                  setProblem(null);
                  void save(saved);
                }}
              >
                Replace it with this tour
              </button>{' '}
            </>
          )}
          <button type="button" onClick={() => setProblem(null)}>
            Dismiss
          </button>
        </p>
      )}
      {saveProblem && (
        <p className="tour-problem" role="alert">
          {saveProblem}{' '}
          <button type="button" onClick={() => setSaveProblem(null)}>
            Dismiss
          </button>
        </p>
      )}
      {editing ? (
        <TourEditor
          atlas={atlas}
          ctx={ctx}
          saved={saved}
          entries={entries}
          currentId={slide?.id}
          onChange={update}
          onUndo={history.length ? undo : null}
          onReset={() => update(defaultTour(ctx.newsletter, slides))}
        />
      ) : slide ? (
        <SlideView atlas={atlas} slide={slide} />
      ) : (
        <p className="tour-empty">Every slide is hidden.</p>
      )}
      <p className="tour-keys">
        Keys: → Space PageDown next · ← PageUp previous · Home / End · number + Enter jumps · F full screen ·
        Esc leaves
      </p>
      <TourHandout atlas={atlas} entries={visible} loadTopology={loadTopology} layout={handoutLayout} />
      {slide && <TourStage slide={slide} map={map} flight={flight} />}
    </section>,
    document.body,
  );
}
