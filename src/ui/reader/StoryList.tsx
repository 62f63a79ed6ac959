/**
 * The story list: search, the map-view filter, and one button per story with its places as chips.
 *
 * Windowed (issue 14, "Scale"): only the rows that cross the sidebar's view, and a margin round it,
 * are in the page (a 1 MB newsletter has thousands of stories; a list of WINDOW_FROM or fewer is
 * drawn whole). Each row is placed at its offset
 * in a list as tall as all of them; heights are measured once drawn (ResizeObserver: the chips
 * wrap), estimated before. The focused row stays in the page however far the list scrolls, every
 * row says its place in the whole list (aria-posinset of aria-setsize), and a story closed gets
 * focus back on its button (`returnFocus`), its row drawn and scrolled into view first.
 */
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Story } from '../../core';
import { pluralize, type StoryInfo } from '../model';
import { MAX_QUERY } from '../state';
import { estimateRowHeight, layoutRows, rowsInView } from './windowing';

/** Rows are drawn this far (px) above and below the view, so a scroll or Tab meets drawn rows. */
const MARGIN = 600;
/** The view's top is followed in steps of this many px (fewer renders while scrolling; < MARGIN). */
const STEP = 200;
/** A list this long or shorter is drawn whole: a window gains nothing there. */
export const WINDOW_FROM = 60;
/** The view's height before it is measured. */
const FIRST_VIEW = 1200;

/** The nearest ancestor that scrolls (the sidebar), else null: the window scrolls. */
function scrollerOf(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === 'auto' || overflowY === 'scroll') return p;
  }
  return null;
}

/** Memoised: the app renders on every change (a slide, a marker), the list only when its props change. */
export const StoryList = memo(function StoryList({
  stories,
  infos,
  shown,
  query,
  onQuery,
  onlyInView,
  onOnlyInView,
  onOpen,
  hidden,
  returnFocus = null,
  onFocusReturned,
}: {
  stories: readonly Story[];
  infos: readonly StoryInfo[];
  /** Indexes of the stories to list. */
  shown: readonly number[];
  query: string;
  onQuery: (q: string) => void;
  onlyInView: boolean;
  onOnlyInView: (on: boolean) => void;
  onOpen: (story: number) => void;
  hidden: boolean;
  /**
   * A story whose button gets focus once the list is shown (the story just closed): its row is
   * drawn and scrolled into view first; a story not listed gives focus to the search box.
   */
  returnFocus?: number | null;
  /** Called once focus has gone back (the app clears `returnFocus`). */
  onFocusReturned?: () => void;
}) {
  const list = useRef<HTMLUListElement>(null);
  const search = useRef<HTMLInputElement>(null);
  /** Measured heights by story index (px, the gap below included). */
  const [heights, setHeights] = useState<ReadonlyMap<number, number>>(() => new Map());
  /** The view in px from the list's top: its top (in STEP steps) and its height. */
  const [viewTop, setViewTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(FIRST_VIEW);
  /** The story whose button has focus: kept drawn wherever the list scrolls. */
  const [focused, setFocused] = useState<number | null>(null);

  const layout = useMemo(
    () =>
      layoutRows(
        shown.length,
        (k) => heights.get(shown[k]!) ?? estimateRowHeight(infos[shown[k]!]!.placeCount),
      ),
    [shown, infos, heights],
  );
  const rows = useMemo(() => {
    const { start, end } =
      shown.length <= WINDOW_FROM
        ? { start: 0, end: shown.length }
        : rowsInView(layout, viewTop, viewTop + viewHeight, MARGIN);
    const out: number[] = [];
    for (let k = start; k < end; k++) out.push(k);
    for (const pinned of [focused, returnFocus]) {
      if (pinned === null) continue;
      const k = shown.indexOf(pinned);
      if (k >= 0 && (k < start || k >= end) && !out.includes(k)) out.push(k);
    }
    return out;
  }, [layout, viewTop, viewHeight, focused, returnFocus, shown]);

  // Follow the view: the sidebar's scroll and size (or the window's), and the list coming back.
  const mounted = useRef(false);
  useLayoutEffect(() => {
    const first = !mounted.current;
    mounted.current = true;
    const ul = list.current;
    if (!ul || hidden) return;
    let detach = () => {};
    const attach = () => {
      const scroller = scrollerOf(ul);
      const target: HTMLElement | Window = scroller ?? window;
      const follow = () => {
        const top = ul.getBoundingClientRect().top;
        const viewStart = scroller ? scroller.getBoundingClientRect().top - top : -top;
        const height = scroller ? scroller.clientHeight : window.innerHeight;
        setViewTop(Math.max(0, Math.floor(viewStart / STEP) * STEP));
        setViewHeight(Math.ceil(height / STEP) * STEP + STEP);
      };
      follow();
      target.addEventListener('scroll', follow, { passive: true });
      window.addEventListener('resize', follow);
      detach = () => {
        target.removeEventListener('scroll', follow);
        window.removeEventListener('resize', follow);
      };
    };
    // On the page's first render the list is read in the next frame, with the map's first
    // markers: reading its styles and layout now would work out the page once more before they
    // are drawn. Shown again (a story closed), it is read at once, before its rows are drawn.
    const frame = first ? requestAnimationFrame(attach) : 0;
    if (!first) attach();
    return () => {
      cancelAnimationFrame(frame);
      detach();
    };
  }, [hidden]);

  // Measure the drawn rows (once drawn, and whenever their size changes: the sidebar's width).
  const observer = useRef<ResizeObserver | null>(null);
  useEffect(() => {
    const ro = new ResizeObserver((entries) => {
      setHeights((prev) => {
        let next: Map<number, number> | null = null;
        for (const e of entries) {
          const el = e.target as HTMLElement;
          const story = Number(el.dataset.row);
          const h = el.offsetHeight;
          // A hidden list measures 0: keep what it measured when shown.
          if (h === 0 || prev.get(story) === h) continue;
          next ??= new Map(prev);
          next.set(story, h);
        }
        return next ?? prev;
      });
    });
    observer.current = ro;
    for (const li of list.current?.querySelectorAll('li[data-row]') ?? []) ro.observe(li);
    return () => {
      ro.disconnect();
      observer.current = null;
    };
  }, []);

  // Focus back on the closed story's button, its row drawn (it is pinned) and scrolled into view.
  useLayoutEffect(() => {
    if (hidden || returnFocus === null) return;
    const button = list.current?.querySelector<HTMLElement>(`button[data-story="${returnFocus}"]`);
    if (button) {
      button.scrollIntoView({ block: 'nearest' });
      button.focus();
    } else search.current?.focus();
    onFocusReturned?.();
  }, [hidden, returnFocus, onFocusReturned]);

  return (
    <nav aria-label="Stories" className="story-nav" hidden={hidden}>
      <h2 className="visually-hidden">Stories</h2>
      <div className="filters">
        <label htmlFor="search">Search stories or places</label>
        <input
          ref={search}
          id="search"
          type="search"
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          maxLength={MAX_QUERY}
          autoComplete="off"
          placeholder="e.g. Moscow, Chkalov"
        />
        <label className="check">
          <input type="checkbox" checked={onlyInView} onChange={(e) => onOnlyInView(e.target.checked)} />
          Only stories on the map view
        </label>
      </div>
      <p className="count" aria-live="polite" role="status">
        {pluralize(shown.length, 'story', 'stories')} shown
      </p>
      <ul
        ref={list}
        className="stories"
        style={{ height: layout.total }}
        onFocus={(e) => {
          const story = (e.target as HTMLElement).dataset.story;
          if (story !== undefined) setFocused(Number(story));
        }}
        onBlur={() => setFocused(null)}
      >
        {rows.map((k) => {
          const i = shown[k]!;
          return (
            <StoryRow
              key={i}
              index={i}
              story={stories[i]!}
              info={infos[i]!}
              top={layout.offsets[k]!}
              position={k + 1}
              count={shown.length}
              onOpen={onOpen}
              observer={observer}
            />
          );
        })}
      </ul>
      {shown.length === 0 && <p className="empty">No story matches. Clear the search or zoom out.</p>}
    </nav>
  );
});

/** One story's row: its button with the title, a headline tag, the places as chips, the count. */
const StoryRow = memo(function StoryRow({
  index,
  story,
  info,
  top,
  position,
  count,
  onOpen,
  observer,
}: {
  index: number;
  story: Story;
  info: StoryInfo;
  top: number;
  /** 1-based place in the list, of `count`. */
  position: number;
  count: number;
  onOpen: (story: number) => void;
  observer: React.RefObject<ResizeObserver | null>;
}) {
  const row = useRef<HTMLLIElement>(null);
  useEffect(() => {
    const li = row.current;
    const ro = observer.current;
    if (!li || !ro) return;
    ro.observe(li);
    return () => ro.unobserve(li);
  }, [observer]);
  return (
    <li ref={row} data-row={index} style={{ top }} aria-posinset={position} aria-setsize={count}>
      <button type="button" className="story-button" data-story={index} onClick={() => onOpen(index)}>
        <span className="story-title">{story.title}</span>
        {story.kind === 'headline' && <span className="tag"> headline</span>}
        <span className="chips">
          {info.places.map((p) => (
            <span className="chip" key={p.place.id}>
              {' '}
              {p.place.name}
            </span>
          ))}
        </span>
        <span className="mention-count"> {pluralize(info.mentions.length, 'mention')}</span>
      </button>
    </li>
  );
});
