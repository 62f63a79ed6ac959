/**
 * Below the map: the routes legend (a checkbox per comparison route draws it; a click on a route
 * draws it and fits the map to it; its "Sources" button lists each waypoint with its source), the
 * polar-view toggle and the online-tiles switch (Web Mercator tiles: not offered in the polar view).
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import type { MapRoute } from '../map';

export function MapControls({
  routes,
  shown,
  fixed,
  onShow,
  onRoute,
  online,
  onOnline,
  polar,
  onPolar,
}: {
  routes: readonly MapRoute[];
  /** The ids of the routes drawn. */
  shown: ReadonlySet<string>;
  /** The route always drawn (the flight): no checkbox. */
  fixed: string | null;
  onShow: (id: string, on: boolean) => void;
  onRoute: (id: string) => void;
  online: boolean;
  onOnline: (on: boolean) => void;
  polar: boolean;
  onPolar: () => void;
}) {
  // The route whose sources are listed (one at a time), and its button, to give focus back to.
  const [sourcesOf, setSourcesOf] = useState<string | null>(null);
  const sourcesButton = useRef<HTMLButtonElement | null>(null);
  const listed = routes.find((r) => r.id === sourcesOf);
  // On a phone the legend folds into one line behind this disclosure (app.css hides it elsewhere).
  const [unfolded, setUnfolded] = useState(false);
  const toggle = useRef<HTMLButtonElement | null>(null);
  const closeOnEscape = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape') return;
    if (sourcesOf !== null) {
      e.preventDefault(); // the app's Esc (close the place or the story) waits for the next one
      setSourcesOf(null);
      sourcesButton.current?.focus();
    } else if (unfolded && toggle.current?.checkVisibility()) {
      // On a phone, Esc folds the unfolded legend back into its line.
      e.preventDefault();
      setUnfolded(false);
      toggle.current.focus();
    }
  };
  return (
    <div className="map-controls">
      <fieldset className={`routes${unfolded ? ' is-unfolded' : ''}`} onKeyDown={closeOnEscape}>
        <legend>Routes</legend>
        <button
          ref={toggle}
          type="button"
          className="routes-toggle"
          aria-expanded={unfolded}
          aria-controls="routes-list"
          onClick={() => setUnfolded((u) => !u)}
        >
          <span className="routes-toggle-mark" aria-hidden="true" />
          Routes ({routes.length})
        </button>
        <div className="routes-body" id="routes-list">
          <ul>
            {routes.map((r) => {
              const { color, dashArray } = r.style;
              return (
                <li key={r.id}>
                  {r.id !== fixed && (
                    <input
                      type="checkbox"
                      className="route-check"
                      aria-label={r.name}
                      checked={shown.has(r.id)}
                      onChange={(e) => onShow(r.id, e.target.checked)}
                    />
                  )}
                  <button type="button" className="route-button" onClick={() => onRoute(r.id)}>
                    <svg width="34" height="10" aria-hidden="true" focusable="false">
                      <line
                        x1="1"
                        y1="5"
                        x2="33"
                        y2="5"
                        stroke={color}
                        strokeWidth="3"
                        strokeDasharray={dashArray}
                      />
                    </svg>
                    {r.name}
                  </button>
                  <button
                    type="button"
                    className="route-sources-button"
                    aria-label={`Sources: ${r.name}`}
                    aria-expanded={sourcesOf === r.id}
                    aria-controls={sourcesOf === r.id ? `route-sources-${r.id}` : undefined}
                    onClick={(e) => {
                      sourcesButton.current = e.currentTarget;
                      setSourcesOf(sourcesOf === r.id ? null : r.id);
                    }}
                  >
                    Sources
                  </button>
                </li>
              );
            })}
          </ul>
          {listed && (
            <section
              id={`route-sources-${listed.id}`}
              className="route-sources"
              aria-label={`Sources: ${listed.name}`}
            >
              <h3>{listed.name}: waypoints and their sources</h3>
              <ol>
                {listed.waypoints.map((w, i) => (
                  <li key={i}>
                    <strong>{w.name}</strong>: {w.source}
                    {w.note && <span className="route-source-note"> ({w.note})</span>}
                  </li>
                ))}
              </ol>
            </section>
          )}
        </div>
      </fieldset>
      <button type="button" className="polar-toggle" aria-pressed={polar} onClick={onPolar}>
        Polar view
      </button>
      <label className="check online">
        <input
          type="checkbox"
          checked={online && !polar}
          disabled={polar}
          onChange={(e) => onOnline(e.target.checked)}
        />
        <span>
          Online map tiles
          <span className="online-detail"> (OpenStreetMap; loads images from the internet)</span>
        </span>
      </label>
    </div>
  );
}
