/**
 * The printable handout (issue #4): the shown slides, one, two or four to a sheet, each with a
 * small map of its places (SlideMap: Mercator for ordinary pages, the north polar map for pages
 * that show the flight) and the slide's words. Hidden on screen; `@media print` (tour.css) shows
 * it instead of the app and the tour's controls.
 */
import { memo, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Atlas, TourEntry } from '../../core';
import type { LoadTopology } from '../../map';
import { useLand } from './HandoutShapes';
import { SlideMap } from './SlideMap';
import { placeNames, SnippetText } from './TourSlide';

/** How many slides a printed sheet holds. */
export type HandoutLayout = 1 | 2 | 4;
export const HANDOUT_LAYOUTS: readonly HandoutLayout[] = [1, 2, 4];

/**
 * A handout of up to this many pages is kept in the page, ready to print; a longer one (a large
 * newsletter has thousands of slides, each page a map) is drawn only when printing begins
 * (beforeprint, or the print media query), so opening the tour and moving through it do not wait for it.
 */
export const EAGER_HANDOUT_PAGES = 200;

/** True while the page is being printed (or shown as for print). */
function usePrinting(active: boolean): boolean {
  const [printing, setPrinting] = useState(() => window.matchMedia('print').matches);
  useEffect(() => {
    if (!active) return;
    // flushSync: the pages must be in the page before the browser lays it out for print.
    const start = () => flushSync(() => setPrinting(true));
    const end = () => setPrinting(false);
    const media = window.matchMedia('print');
    const onMedia = (e: MediaQueryListEvent) => (e.matches ? start() : end());
    window.addEventListener('beforeprint', start);
    window.addEventListener('afterprint', end);
    media.addEventListener('change', onMedia);
    return () => {
      window.removeEventListener('beforeprint', start);
      window.removeEventListener('afterprint', end);
      media.removeEventListener('change', onMedia);
    };
  }, [active]);
  return printing;
}

/** Memoised: the tour renders on every slide, the handout only when its slides or layout change. */
export const TourHandout = memo(function TourHandout({
  atlas,
  entries,
  loadTopology,
  layout = 1,
}: {
  atlas: Atlas;
  /** The shown slides, in order. */
  entries: readonly TourEntry[];
  loadTopology: LoadTopology | null;
  /** Slides per printed sheet. */
  layout?: HandoutLayout;
}) {
  const land = useLand(loadTopology);
  const lazy = entries.length > EAGER_HANDOUT_PAGES;
  const printing = usePrinting(lazy);
  const pages = lazy && !printing ? [] : entries;
  const sheets: TourEntry[][] = [];
  for (let i = 0; i < pages.length; i += layout) sheets.push(pages.slice(i, i + layout));
  return (
    <div
      className={`tour-handout handout-${layout}-up`}
      data-layout={layout}
      data-land={land ? 'loaded' : ''}
    >
      {sheets.map((sheet, s) => (
        <div className="handout-sheet" key={sheet[0]!.slide.id}>
          {sheet.map((e, k) => {
            const i = s * layout + k;
            const names = placeNames(atlas, e.slide).join(' · ');
            return (
              <section className="handout-page" key={e.slide.id} data-slide={e.slide.id}>
                <p className="handout-count">
                  {atlas.newsletter?.title ?? 'Newsletter Atlas'} · {i + 1} / {entries.length}
                </p>
                <h2>{e.slide.title}</h2>
                {e.slide.subtitle && <p className="handout-subtitle">{e.slide.subtitle}</p>}
                {e.slide.points.length > 0 && (
                  <SlideMap atlas={atlas} slide={e.slide} label={names} land={land} />
                )}
                {e.slide.snippets.map((sn, j) => (
                  <p className="handout-snippet" key={j}>
                    <SnippetText snippet={sn} />
                  </p>
                ))}
                {names && <p className="handout-places">On the map: {names}</p>}
              </section>
            );
          })}
        </div>
      ))}
    </div>
  );
});
