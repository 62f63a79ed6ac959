/**
 * The presenter view (issue #4): a second window (?presenter=N) beside the projected tour, with
 * the current and next slide (and a small map of the next one's places), the teacher's notes and
 * a timer (since the view opened; pause, reset). It follows the tour and moves it (the same keys,
 * number + Enter too), over a BroadcastChannel (tourSync.ts).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { arrangeTour, defaultTour, type Atlas, type SavedTour } from '../../core';
import type { LoadTopology } from '../../map';
import { NextSlideMap } from './NextSlideMap';
import {
  elapsedMs,
  formatElapsed,
  isRunning,
  pauseTimer,
  resetTimer,
  resumeTimer,
  spokenElapsed,
  startTimer,
} from './presenterTimer';
import { useTourData } from './tourData';
import type { TourFlight } from './types';
import { SnippetText } from './TourSlide';
import { openChannel, type TourMessage } from './tourSync';
import type { LoadedTour } from './tourStore';
import { useTourStore, type OpenTourStore } from './useTourStore';

interface PresenterProps {
  atlas: Atlas;
  flight: TourFlight | null;
  /** 1-based slide to show until the tour says otherwise. */
  start: number;
  /** The slide shown (1-based), for the URL (?presenter=N). */
  onSlide: (n: number) => void;
  /** The bundled basemap, for the next slide's small map. */
  loadTopology?: LoadTopology | null;
}

/** Shows the presenter view once the saved tour is read from the library (the tour then keeps it in step). */
export default function TourPresenter({
  openStore,
  ...props
}: PresenterProps & { openStore: OpenTourStore }) {
  const { ctx } = useTourData(props.atlas, props.flight);
  const opened = useTourStore(openStore, ctx);
  if (opened.status === 'loading') {
    return (
      <p className="tour-loading" role="status">
        Opening the presenter view…
      </p>
    );
  }
  return <PresenterView {...props} loaded={opened.loaded} />;
}

function PresenterView({
  atlas,
  flight,
  start,
  onSlide,
  loadTopology = null,
  loaded,
}: PresenterProps & { loaded: LoadedTour }) {
  const { slides, ctx } = useTourData(atlas, flight);
  const [saved, setSaved] = useState<SavedTour>(() => loaded.tour ?? defaultTour(ctx.newsletter, slides));
  const [index, setIndex] = useState(start - 1);
  const [connected, setConnected] = useState(false);
  const visible = useMemo(
    () => arrangeTour(atlas, slides, saved).filter((e) => !e.hidden),
    [atlas, slides, saved],
  );
  const channel = useRef<ReturnType<typeof openChannel>>(null);

  useEffect(() => {
    const c = openChannel((m: TourMessage) => {
      if (m.type === 'slide') {
        setSaved(m.saved);
        setIndex(m.index);
        setConnected(true);
      } else if (m.type === 'closed') setConnected(false);
    });
    channel.current = c;
    c?.post({ type: 'hello' });
    return () => c?.close();
  }, []);

  const at = Math.min(Math.max(index, 0), Math.max(visible.length - 1, 0));
  const go = useCallback(
    (i: number) => {
      const to = Math.min(Math.max(i, 0), visible.length - 1);
      setIndex(to);
      channel.current?.post({ type: 'go', index: to });
    },
    [visible.length],
  );

  // The URL names the slide shown here too.
  useEffect(() => onSlide(at + 1), [at, onSlide]);

  // The timer: running since the view opened; a tick a second redraws it.
  const [timer, setTimer] = useState(() => startTimer(Date.now()));
  const [now, setNow] = useState(() => Date.now());
  const running = isRunning(timer);
  useEffect(() => {
    if (!running) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [running]);
  const elapsed = elapsedMs(timer, now);
  const toggleTimer = () => {
    const t = Date.now();
    setNow(t);
    setTimer((x) => (isRunning(x) ? pauseTimer(x, t) : resumeTimer(x, t)));
  };
  const reset = () => {
    const t = Date.now();
    setNow(t);
    setTimer((x) => resetTimer(x, t));
  };

  // Digits then Enter jump to a slide, as in the tour.
  const [pending, setPending] = useState('');
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target;
      if (t instanceof HTMLElement && t.closest('textarea, input')) return;
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (/^[0-9]$/.test(e.key)) {
        e.preventDefault();
        setPending((p) => (p + e.key).slice(-4));
        return;
      }
      if (pending !== '') {
        if (e.key === 'Enter') {
          e.preventDefault();
          e.stopPropagation();
          go(Number(pending) - 1);
          setPending('');
          return;
        }
        if (e.key === 'Backspace') {
          e.preventDefault();
          setPending((p) => p.slice(0, -1));
          return;
        }
        setPending('');
      }
      const to: Record<string, number> = {
        ArrowRight: at + 1,
        PageDown: at + 1,
        ' ': at + 1,
        ArrowLeft: at - 1,
        PageUp: at - 1,
        Home: 0,
        End: visible.length - 1,
      };
      if (!(e.key in to) || (e.key === ' ' && t instanceof HTMLElement && t.closest('button'))) return;
      e.preventDefault();
      e.stopPropagation();
      go(to[e.key]!);
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [at, go, visible.length, pending]);

  const current = visible[at];
  const next = visible[at + 1];
  const setNote = (note: string) => {
    if (!current) return;
    const id = current.slide.id;
    setSaved((s) => ({
      ...s,
      slides: s.slides.some((x) => x.id === id)
        ? s.slides.map((x) => (x.id === id ? { ...x, note } : x))
        : [...s.slides, { id, note }],
    }));
    channel.current?.post({ type: 'note', id, note });
  };

  return (
    <section className="tour-presenter" role="region" aria-label="Presenter view">
      <header className="tour-bar">
        <p className="tour-progress">
          {at + 1} / {visible.length}
        </p>
        <p className="tour-presenter-link" role="status">
          {connected
            ? 'Following the tour'
            : 'Waiting for the tour (open it with Present in the other window)'}
        </p>
        {pending !== '' && (
          <p className="tour-jump" role="status">
            Go to slide {pending}… (Enter)
          </p>
        )}
        <div className="tour-presenter-timer" role="group" aria-label="Timer">
          <p className="tour-presenter-clock" aria-label={`Time presented: ${spokenElapsed(elapsed)}`}>
            {formatElapsed(elapsed)}
          </p>
          <button type="button" onClick={toggleTimer}>
            {running ? 'Pause' : 'Resume'}
          </button>
          <button type="button" onClick={reset}>
            Reset
          </button>
        </div>
        <div className="tour-buttons">
          <button type="button" onClick={() => go(at - 1)} disabled={at <= 0}>
            Previous
          </button>
          <button type="button" onClick={() => go(at + 1)} disabled={at >= visible.length - 1}>
            Next
          </button>
        </div>
      </header>
      {loaded.problem && (
        <p className="tour-problem" role="alert">
          {loaded.problem}
        </p>
      )}
      <div className="tour-presenter-body">
        <article className="tour-presenter-current" aria-label="Current slide">
          <h2>Now: {current?.slide.title}</h2>
          {current?.slide.subtitle && <p className="tour-subtitle">{current.slide.subtitle}</p>}
          {current?.slide.snippets.map((s, i) => (
            <p key={i}>
              <SnippetText snippet={s} />
            </p>
          ))}
        </article>
        <div className="tour-presenter-side">
          <label className="tour-presenter-notes">
            <span>Notes for this slide</span>
            <textarea rows={6} value={current?.note ?? ''} onChange={(e) => setNote(e.target.value)} />
          </label>
          <article className="tour-presenter-next" aria-label="Next slide">
            <h3>Next: {next ? next.slide.title : '(the end)'}</h3>
            {next && <NextSlideMap atlas={atlas} slide={next.slide} loadTopology={loadTopology} />}
            {next?.note && <p className="tour-presenter-next-note">Notes: {next.note}</p>}
          </article>
        </div>
      </div>
    </section>
  );
}
