/**
 * The "Present" button and the classroom tour it opens (issue #4). The tour itself is a lazy
 * chunk (it loads on the first press, or when the page opens with ?present=N).
 */
import './tour.css';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Atlas } from '../../core';
import type { LoadTopology } from '../../map';
import { ErrorBoundary } from '../ErrorBoundary';
import { ErrorPanel } from '../ErrorPanel';
import type { TourFlight, TourMap, TourUrl } from './types';
import type { OpenTourStore } from './useTourStore';

const Tour = lazy(() => import('./Tour'));
const TourPresenter = lazy(() => import('./TourPresenter'));

export function Present({
  atlas,
  flight,
  map,
  polar,
  url,
  loadTopology = null,
  openStore,
}: {
  atlas: Atlas;
  flight: TourFlight | null;
  map: TourMap;
  /** Whether the app shows the polar map now (restored when the tour ends). */
  polar: boolean;
  /** The slide the URL names, and the ways to change it. */
  url: TourUrl;
  /** The bundled basemap, for the printed handout's maps. */
  loadTopology?: LoadTopology | null;
  /** The page's library store, where the saved tour and the theme are kept (LibrarySetup's openStore). */
  openStore: OpenTourStore;
}) {
  const { present: start, presenter } = url;
  // Opened by the button, the tour has its own history entry (Back or Esc leave it); opened by a
  // ?present= link, it has none.
  const [pushed, setPushed] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const { close, open } = url;
  // However the tour ends (Esc, its close button, Back), focus goes back to the button.
  const wasOpen = useRef(start !== null);
  useEffect(() => {
    if (start === null && wasOpen.current) requestAnimationFrame(() => button.current?.focus());
    wasOpen.current = start !== null;
  }, [start]);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="present-button"
        aria-haspopup="dialog"
        aria-expanded={start !== null}
        onClick={() => {
          setPushed(true);
          open();
        }}
      >
        Present
      </button>
      {presenter !== null && (
        <ErrorBoundary fallback={(error) => <TourCrash error={error} what="The presenter view" />}>
          <Suspense fallback={null}>
            <TourPresenter
              atlas={atlas}
              flight={flight}
              start={presenter}
              onSlide={url.presenterSlide}
              loadTopology={loadTopology}
              openStore={openStore}
            />
          </Suspense>
        </ErrorBoundary>
      )}
      {start !== null && presenter === null && (
        <ErrorBoundary
          fallback={(error, reset) => (
            <TourCrash
              error={error}
              what="The tour"
              onLeave={() => {
                reset();
                close();
              }}
            />
          )}
        >
          <Suspense
            fallback={
              <p className="tour-loading" role="status">
                Loading the tour…
              </p>
            }
          >
            <Tour
              atlas={atlas}
              flight={flight}
              map={map}
              polar={polar}
              start={start}
              pushed={pushed}
              onSlide={url.slide}
              onClose={close}
              loadTopology={loadTopology}
              openStore={openStore}
            />
          </Suspense>
        </ErrorBoundary>
      )}
    </>
  );
}

/** In place of a tour (or presenter view) that threw: what went wrong, and the ways out. */
function TourCrash({ error, what, onLeave }: { error: unknown; what: string; onLeave?: () => void }) {
  // Over the map, where the tour was (the Present button sits in the sidebar, a sheet on a phone).
  return createPortal(
    <ErrorPanel
      error={error}
      element="section"
      className="tour-crash"
      title={`${what} stopped`}
      advice={
        onLeave
          ? 'Go back to the map, or reload the page to start the tour again. Your saved tour is kept.'
          : 'Reload the page to try again. Your saved tour is kept.'
      }
      actions={
        <>
          {onLeave && (
            <button type="button" onClick={onLeave}>
              Back to the map
            </button>
          )}{' '}
          <button type="button" onClick={() => window.location.reload()}>
            Reload the page
          </button>
        </>
      }
    />,
    document.body,
  );
}
