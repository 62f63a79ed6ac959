/**
 * The route layers the reader chose, kept in the URL as ?routes=a,b (the routes drawn besides the
 * flight, in the order of data/geo/route-layers.csv), so a shared link draws the same routes. The
 * param is left out while the choice is the file's default; a checkbox replaces the history entry
 * (history.replaceState), it does not add one.
 */
import { useEffect } from 'react';
import type { RouteLayers } from '../core';

export const ROUTES_PARAM = 'routes';

/** The routes to draw on opening: those of ?routes= that are known, and the flight; else the defaults. */
export function initialRoutes(search: string, layers: RouteLayers): Set<string> {
  const raw = new URLSearchParams(search).get(ROUTES_PARAM);
  if (raw === null) return new Set(layers.shown);
  const asked = new Set(raw.split(',').map((s) => s.trim()));
  return new Set(layers.layers.filter((l) => l.layer === 'flight' || asked.has(l.id)).map((l) => l.id));
}

/** `search` with ?routes= for the routes shown besides the flight, or without it for the defaults. */
export function searchWithRoutes(search: string, shown: ReadonlySet<string>, layers: RouteLayers): string {
  const params = new URLSearchParams(search);
  params.delete(ROUTES_PARAM);
  const chosen = layers.layers.filter((l) => l.layer !== 'flight' && shown.has(l.id)).map((l) => l.id);
  const defaults = layers.layers.filter((l) => l.layer === 'shown').map((l) => l.id);
  const rest = params.toString();
  if (chosen.join(',') === defaults.join(',')) return rest ? `?${rest}` : '';
  // Commas stay commas (allowed in a query), so the link reads ?routes=alsib,gromov-1937.
  const routes = `${ROUTES_PARAM}=${chosen.map(encodeURIComponent).join(',')}`;
  return `?${rest ? `${rest}&` : ''}${routes}`;
}

/**
 * Keeps ?routes= in the address bar in step with the routes shown; `after` (the app's URL state)
 * makes it run again after each navigation, which writes its own URL.
 */
export function useRoutesInUrl(shown: ReadonlySet<string>, layers: RouteLayers, after: unknown) {
  useEffect(() => {
    const { pathname, search, hash } = window.location;
    const next = searchWithRoutes(search, shown, layers);
    if (next !== search) window.history.replaceState(window.history.state, '', `${pathname}${next}${hash}`);
  }, [shown, layers, after]);
}
