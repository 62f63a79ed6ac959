/**
 * Below the map: the routes legend (a checkbox per comparison route draws it; a click on a route
 * draws it and fits the map to it), the polar-view toggle and the online-tiles switch (Web
 * Mercator tiles: not offered in the polar view).
 */
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
  /** The route always drawn: no checkbox. */
  fixed: string;
  onShow: (id: string, on: boolean) => void;
  onRoute: (id: string) => void;
  online: boolean;
  onOnline: (on: boolean) => void;
  polar: boolean;
  onPolar: () => void;
}) {
  return (
    <div className="map-controls">
      <fieldset className="routes">
        <legend>Routes</legend>
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
                <button
                  type="button"
                  className="route-button"
                  title={r.sources.length ? `Sources: ${r.sources.join('; ')}` : undefined}
                  onClick={() => onRoute(r.id)}
                >
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
              </li>
            );
          })}
        </ul>
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
        Online map tiles (OpenStreetMap; loads images from the internet)
      </label>
    </div>
  );
}
