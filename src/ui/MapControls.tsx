/**
 * Below the map: the routes legend (click fits the map to a route), the polar-view toggle and the
 * online-tiles switch (Web Mercator tiles: not offered in the polar view).
 */
import { routeStyle, type MapRoute } from '../map';

export function MapControls({
  routes,
  onRoute,
  online,
  onOnline,
  polar,
  onPolar,
}: {
  routes: readonly MapRoute[];
  onRoute: (id: string) => void;
  online: boolean;
  onOnline: (on: boolean) => void;
  polar: boolean;
  onPolar: () => void;
}) {
  return (
    <div className="map-controls">
      <section aria-labelledby="routes-heading" className="routes">
        <h2 id="routes-heading">Routes</h2>
        <ul>
          {routes.map((r, i) => {
            const { color, dashArray } = routeStyle(i);
            return (
              <li key={r.id}>
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
              </li>
            );
          })}
        </ul>
      </section>
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
