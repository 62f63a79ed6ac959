/**
 * The presenter view (issue #4): a second window (?presenter=N) beside the projected tour, with
 * the current and next slide and the teacher's notes. It follows the tour and moves it (the same
 * keys), over a BroadcastChannel (tourSync.ts).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { arrangeTour, defaultTour, type Atlas, type SavedTour } from '../../core';
import { useTourData } from './tourData';
import type { TourFlight } from './types';
import { SnippetText } from './TourSlide';
import { openChannel, type TourMessage } from './tourSync';
import { loadSavedTour } from './tourStore';

export default function TourPresenter({
  atlas,
  flight,
  start,
}: {
  atlas: Atlas;
  flight: TourFlight | null;
  /** 1-based slide to show until the tour says otherwise. */
  start: number;
}) {
  const { slides, ctx } = useTourData(atlas, flight);
  const [saved, setSaved] = useState<SavedTour>(
    () => loadSavedTour(ctx).tour ?? defaultTour(ctx.newsletter, slides),
  );
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
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    params.set('presenter', String(at + 1));
    window.history.replaceState(window.history.state, '', `${window.location.pathname}?${params}`);
  }, [at]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target;
      if (t instanceof HTMLElement && t.closest('textarea, input')) return;
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
  }, [at, go, visible.length]);

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
        <div className="tour-buttons">
          <button type="button" onClick={() => go(at - 1)} disabled={at <= 0}>
            Previous
          </button>
          <button type="button" onClick={() => go(at + 1)} disabled={at >= visible.length - 1}>
            Next
          </button>
        </div>
      </header>
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
            {next?.note && <p className="tour-presenter-next-note">Notes: {next.note}</p>}
          </article>
        </div>
      </div>
    </section>
  );
}
