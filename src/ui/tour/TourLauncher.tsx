/**
 * The "Present" button and the classroom tour it opens (issue #4). The tour itself is a lazy
 * chunk (it loads on the first press, or when the page opens with ?present=N).
 */
import './tour.css';
import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import type { Atlas } from '../../core';
import type { LoadTopology } from '../../map';
import { slideParam } from './tourSync';
import type { TourFlight, TourMap } from './types';

const Tour = lazy(() => import('./Tour'));
const TourPresenter = lazy(() => import('./TourPresenter'));

export function Present({
  atlas,
  flight,
  map,
  polar,
  loadTopology = null,
}: {
  atlas: Atlas;
  flight: TourFlight | null;
  map: TourMap;
  /** Whether the app shows the polar map now (restored when the tour ends). */
  polar: boolean;
  /** The bundled basemap, for the printed handout's maps. */
  loadTopology?: LoadTopology | null;
}) {
  const [start, setStart] = useState<number | null>(() => slideParam(window.location.search, 'present'));
  const [presenter] = useState(() => slideParam(window.location.search, 'presenter'));
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setStart(null);
    requestAnimationFrame(() => button.current?.focus());
  }, []);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="present-button"
        aria-haspopup="dialog"
        aria-expanded={start !== null}
        onClick={() => setStart(1)}
      >
        Present
      </button>
      {presenter !== null && (
        <Suspense fallback={null}>
          <TourPresenter atlas={atlas} flight={flight} start={presenter} loadTopology={loadTopology} />
        </Suspense>
      )}
      {start !== null && presenter === null && (
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
            onClose={close}
            loadTopology={loadTopology}
          />
        </Suspense>
      )}
    </>
  );
}
