/**
 * Hour-by-hour playback of the 1937 ANT-25 flight, in the reader: play/pause, a scrubber over the
 * flight's minutes, speed, readouts (elapsed, UTC and the flight's clocks, distances, leg) and the
 * newsletter's words at the points it speaks of. The animation moves the map's plane every frame
 * through a clock, and writes the readouts and the scrubber through refs at most ten times a
 * second: React renders only on play/pause/speed and when a new moment is reached.
 *
 * Keys: Space plays and pauses (anywhere in the panel); on the scrubber, the arrows step one hour
 * (one minute with Shift), Home and End go to take-off and landing.
 */
import { distance } from '@turf/distance';
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { figureRange, type Clock, type Figure, type FigureKind, type Moment } from '../../core';
import { positionAt, type Track } from '../../geo';
import {
  formatClock,
  formatDistance,
  formatElapsed,
  HOUR_MS,
  latestMoment,
  MINUTE_MS,
  type PlaybackClock,
} from './playback';

const SPEEDS = [1, 2, 4] as const;
const NO_CLOCKS: readonly Clock[] = [];
/** The readouts' text changes at most this often while playing (the plane moves every frame). */
const READOUT_INTERVAL_MS = 100;

/** How a documented figure was measured, in words. */
const KIND_LABEL: Record<FigureKind, string> = {
  newsletter: 'the newsletter',
  straight_line: 'straight line',
  along_route: 'along the route',
  unstated: 'measure not stated',
};
const formatKm = (km: number) => Math.round(km).toLocaleString('en-US');

const REDUCED = '(prefers-reduced-motion: reduce)';
const subscribeReduced = (fn: () => void) => {
  const mq = window.matchMedia(REDUCED);
  mq.addEventListener('change', fn);
  return () => mq.removeEventListener('change', fn);
};
const getReduced = () => window.matchMedia(REDUCED).matches;

export function FlightPlayback({
  track,
  moments,
  figures,
  clocks = NO_CLOCKS,
  clock,
}: {
  track: Track;
  moments: readonly Moment[];
  /** Documented lengths of the flight, with their sources. */
  figures: readonly Figure[];
  /** Clocks shown beside UTC (e.g. Moscow time in 1937), from the flight's clocks file. */
  clocks?: readonly Clock[];
  clock: PlaybackClock;
}) {
  const durationMs = track.endMs - track.startMs;
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(1);
  const [moment, setMoment] = useState<Moment | undefined>(() =>
    latestMoment(moments, track.times, track.startMs + clock.elapsedMs),
  );
  const [summary, setSummary] = useState('');
  const reduced = useSyncExternalStore(subscribeReduced, getReduced, () => false);

  const range = useRef<HTMLInputElement>(null);
  const elapsedOut = useRef<HTMLElement>(null);
  const utcOut = useRef<HTMLElement>(null);
  const clocksOut = useRef<HTMLElement>(null);
  const flownOut = useRef<HTMLElement>(null);
  const remainingOut = useRef<HTMLElement>(null);
  const legOut = useRef<HTMLElement>(null);
  const momentRef = useRef(moment);
  /** performance.now() of the last readout update; -Infinity forces the next one. */
  const readoutAt = useRef(-Infinity);

  /**
   * Shows the flight at `ms` after take-off: the plane (every call), the readouts and the
   * scrubber (at most every READOUT_INTERVAL_MS unless `exact`), the moment; no React render
   * unless the moment changes.
   */
  const show = useCallback(
    (ms: number, exact = true) => {
      const elapsed = Math.min(Math.max(ms, 0), durationMs);
      const at = track.startMs + elapsed;
      clock.set(elapsed);
      const m = latestMoment(moments, track.times, at);
      if (m !== momentRef.current) {
        momentRef.current = m;
        setMoment(m);
      }
      const now = performance.now();
      if (!exact && now - readoutAt.current < READOUT_INTERVAL_MS) return elapsed;
      readoutAt.current = now;
      const p = positionAt(track, elapsed);
      const set = (ref: RefObject<HTMLElement | null>, text: string) => {
        if (ref.current && ref.current.textContent !== text) ref.current.textContent = text;
      };
      const utc = `${formatClock(at)} UTC`;
      const flown = formatDistance(p.kmFlown);
      set(elapsedOut, formatElapsed(elapsed));
      set(utcOut, utc);
      set(clocksOut, clocks.map((c) => `${formatClock(at, c.offsetHours)} ${c.label}`).join(' · '));
      set(flownOut, flown);
      set(remainingOut, formatDistance(p.kmRemaining));
      const from = track.waypoints[p.leg]?.name ?? '';
      const to = track.waypoints[p.leg + 1]?.name ?? '';
      set(legOut, `${from} → ${to}`);
      const input = range.current;
      if (input) {
        input.value = String(Math.floor(elapsed / MINUTE_MS));
        input.setAttribute('aria-valuetext', `${formatElapsed(elapsed)}, ${utc}, ${flown} flown`);
      }
      return elapsed;
    },
    [track, moments, clocks, clock, durationMs],
  );

  // First paint: the readouts for the clock's time.
  useEffect(() => {
    show(clock.elapsedMs);
  }, [show, clock]);

  const pause = useCallback(() => {
    setPlaying(false);
    show(clock.elapsedMs);
    const p = positionAt(track, clock.elapsedMs);
    setSummary(
      `Paused at ${formatElapsed(clock.elapsedMs)}: ${formatDistance(p.kmFlown)} flown, ` +
        `${formatDistance(p.kmRemaining)} to go.`,
    );
  }, [track, clock, show]);

  const toggle = useCallback(() => {
    if (playing) {
      pause();
      return;
    }
    if (clock.elapsedMs >= durationMs) show(0);
    setSummary('');
    setPlaying(true);
  }, [playing, pause, clock, durationMs, show]);

  // The animation: smooth (requestAnimationFrame), or whole hours once a second when reduced.
  useEffect(() => {
    if (!playing) return;
    const step = (ms: number, exact: boolean) => {
      const elapsed = show(ms, exact);
      if (elapsed >= durationMs) pause();
    };
    if (reduced) {
      const id = window.setInterval(() => {
        step((Math.floor(clock.elapsedMs / HOUR_MS) + speed) * HOUR_MS, true);
      }, 1000);
      return () => window.clearInterval(id);
    }
    let frame = 0;
    let last = performance.now();
    const tick = (now: number) => {
      // `speed` hours of flight per second: 1 ms of real time = speed × 3,600 ms of flight.
      const dt = Math.min(now - last, 250);
      last = now;
      step(clock.elapsedMs + dt * speed * 3600, false);
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, reduced, speed, show, pause, clock, durationMs]);

  /** The scrubber's arrows: an hour a step, a minute with Shift (the native step is a minute). */
  const onRangeKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const sign = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 }[e.key];
    if (sign === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const minute = Math.floor(clock.elapsedMs / MINUTE_MS) * MINUTE_MS;
    show(minute + sign * (e.shiftKey ? MINUTE_MS : HOUR_MS));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== ' ' || e.defaultPrevented) return;
    const target = e.target as HTMLElement;
    if (target.closest('button, select')) return; // their own Space
    e.preventDefault();
    toggle();
  };

  const first = track.waypoints[0]!;
  const last = track.waypoints[track.waypoints.length - 1]!;
  const greatCircleKm = distance([first.lon, first.lat], [last.lon, last.lat], { units: 'kilometers' });
  const spread = figures.length ? figureRange(figures) : null;
  const hours = Math.floor(durationMs / HOUR_MS);
  const minutes = Math.round((durationMs % HOUR_MS) / MINUTE_MS);

  return (
    <section className="playback" aria-label="ANT-25 flight playback" onKeyDown={onKeyDown}>
      <h3>Flight playback</h3>
      <div className="playback-controls">
        <button type="button" className="playback-play" onClick={toggle}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <input
          ref={range}
          type="range"
          aria-label="Flight time"
          min={0}
          max={Math.floor(durationMs / MINUTE_MS)}
          step={1}
          defaultValue={Math.floor(clock.elapsedMs / MINUTE_MS)}
          onKeyDown={onRangeKeyDown}
          onChange={(e) => show(Number(e.currentTarget.value) * MINUTE_MS)}
        />
        <label>
          <span className="visually-hidden">Speed</span>
          <select
            aria-label="Playback speed"
            value={speed}
            onChange={(e) => setSpeed(Number(e.currentTarget.value))}
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s} h/s
              </option>
            ))}
          </select>
        </label>
      </div>
      <dl className="playback-readout" aria-live="off">
        <div>
          <dt>Elapsed</dt>
          <dd ref={elapsedOut} className="playback-elapsed" />
        </div>
        <div>
          <dt>Time</dt>
          <dd>
            <span ref={utcOut} />
            {clocks.length > 0 && (
              <>
                {' · '}
                <span ref={clocksOut} title={clocks.map((c) => `${c.label}: ${c.source}`).join('; ')} />
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Flown</dt>
          <dd ref={flownOut} className="playback-flown" />
        </div>
        <div>
          <dt>Remaining</dt>
          <dd ref={remainingOut} className="playback-remaining" />
        </div>
        <div>
          <dt>Leg</dt>
          <dd ref={legOut} className="playback-leg" />
        </div>
      </dl>
      <p className="visually-hidden" aria-live="polite">
        {summary}
      </p>
      {moment && (
        <figure className="playback-moment">
          <blockquote>{moment.quote}</blockquote>
          <figcaption>— the newsletter, line {moment.line}</figcaption>
        </figure>
      )}
      <div className="playback-honest">
        <p>
          <strong>Honest numbers.</strong> The drawn route is {formatDistance(track.totalKm)} long, flown in{' '}
          {hours} h {minutes} min; the great circle from take-off to landing is{' '}
          {formatDistance(greatCircleKm)}.
          {spread && (
            <>
              {' '}
              Sources give {formatKm(spread.minKm)}–{formatKm(spread.maxKm)} km.
            </>
          )}{' '}
          The route here joins a few reported fixes, some approximate (see each waypoint&rsquo;s note), and a
          route is not one great circle, so no two figures agree.
        </p>
        {figures.length > 0 && (
          <details className="playback-figures">
            <summary>The documented figures and their sources</summary>
            <ul>
              {figures.map((f) => (
                <li key={f.line}>
                  <strong>
                    {f.unit === 'km'
                      ? formatDistance(f.km)
                      : `${formatKm(f.value)} miles (${formatKm(f.km)} km)`}
                  </strong>{' '}
                  {KIND_LABEL[f.kind]}: {f.source}
                  {f.note && <> ({f.note})</>}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </section>
  );
}
