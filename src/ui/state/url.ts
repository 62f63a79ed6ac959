/**
 * The state a URL restores, read from and written to the query string. Every link the app has
 * ever written keeps opening what it opened:
 *
 * - ?n=ID the newsletter (a library id); left out for the bundled newsletter
 * - ?story=N the open story, ?place=ID the selected place (a link naming a story or place the
 *   newsletter does not have says so: urlNotice, and shows the rest)
 * - ?view=polar the polar map, ?q= the story search as typed, ?inview=1 "Only stories on the map view"
 * - ?routes=a,b the routes drawn besides the flight (left out while they are the defaults)
 * - ?present=N the tour at slide N, ?presenter=N the presenter window at slide N
 *
 * Unknown or malformed parameters are ignored. An `n` that is not the bundled newsletter is kept
 * as it is (the library, which may still be loading, is the one to say it has no such newsletter);
 * until the app switches newsletters, the bundled one is shown.
 */
import type { RouteLayers } from '../../core';
import type { AtlasState, StateContext } from './types';

/**
 * The longest search text kept (and written to the URL): far more than any name or phrase, and
 * it keeps the app's own URLs short (servers refuse long ones: the preview server answers a query
 * string of 16 KB or more with HTTP 431).
 */
export const MAX_QUERY = 200;

/** The longest newsletter id read from ?n= (library ids are far shorter). */
export const MAX_ID = 200;

export const ROUTES_PARAM = 'routes';

/** `text` cut to at most `max` UTF-16 units, never between the two halves of a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

const storyNumber = (raw: string | null) => (raw !== null && /^\d+$/.test(raw) ? Number(raw) : null);

/** The 1-based slide N of ?present=N (the tour) or ?presenter=N (the presenter window), or null. */
export function slideParam(search: string, name: 'present' | 'presenter'): number | null {
  const raw = new URLSearchParams(search).get(name);
  return raw !== null && /^\d+$/.test(raw) && Number(raw) >= 1 && Number.isSafeInteger(Number(raw))
    ? Number(raw)
    : null;
}

/** A newsletter id as ?n= may name one: not empty, not too long, no control characters. */
export const isNewsletterId = (id: string): boolean =>
  id.length > 0 && id.length <= MAX_ID && !/[\p{Cc}]/u.test(id);

/** The routes to draw on opening: those of ?routes= that are known, and the flight; else the defaults. */
export function initialRoutes(search: string, layers: RouteLayers): string[] {
  const raw = new URLSearchParams(search).get(ROUTES_PARAM);
  if (raw === null) return [...layers.shown];
  const asked = new Set(raw.split(',').map((s) => s.trim()));
  return layers.layers.filter((l) => l.layer === 'flight' || asked.has(l.id)).map((l) => l.id);
}

/** `search` with ?routes= for the routes shown besides the flight, or without it for the defaults. */
export function searchWithRoutes(search: string, shown: Iterable<string>, layers: RouteLayers): string {
  const on = new Set(shown);
  const params = new URLSearchParams(search);
  params.delete(ROUTES_PARAM);
  const chosen = layers.layers.filter((l) => l.layer !== 'flight' && on.has(l.id)).map((l) => l.id);
  const defaults = layers.layers.filter((l) => l.layer === 'shown').map((l) => l.id);
  const rest = params.toString();
  if (chosen.join(',') === defaults.join(',')) return rest ? `?${rest}` : '';
  // Commas stay commas (allowed in a query), so the link reads ?routes=alsib,gromov-1937.
  const routes = `${ROUTES_PARAM}=${chosen.map(encodeURIComponent).join(',')}`;
  return `?${rest ? `${rest}&` : ''}${routes}`;
}

/** The state a query string asks for, keeping only what the newsletter has. */
export function parseUrl(search: string, ctx: StateContext): AtlasState {
  const params = new URLSearchParams(search);
  const n = storyNumber(params.get('story'));
  const placeParam = params.get('place');
  const id = params.get('n');
  return {
    n: id !== null && isNewsletterId(id) && id !== ctx.bundled ? id : null,
    story: n !== null && n < ctx.stories ? n : null,
    place: placeParam !== null && ctx.places.has(placeParam) ? placeParam : null,
    polar: params.get('view') === 'polar',
    query: clip(params.get('q') ?? '', MAX_QUERY),
    onlyInView: params.get('inview') === '1',
    routes: initialRoutes(search, ctx.layers),
    present: slideParam(search, 'present'),
    presenter: slideParam(search, 'presenter'),
    slidePolar: null,
  };
}

/**
 * The query string of a state: a leading "?", or "" for the start view. The order is the one
 * the app has always written: story, place, view, q, inview, routes, then the tour's slide.
 */
export function serialiseUrl(state: AtlasState, layers: RouteLayers): string {
  const params = new URLSearchParams();
  if (state.n !== null) params.set('n', state.n);
  if (state.story !== null) params.set('story', String(state.story));
  if (state.place !== null) params.set('place', state.place);
  if (state.polar) params.set('view', 'polar');
  if (state.query !== '') params.set('q', clip(state.query, MAX_QUERY));
  if (state.onlyInView) params.set('inview', '1');
  const withRoutes = searchWithRoutes(`?${params}`, state.routes, layers);
  const tour = new URLSearchParams();
  if (state.present !== null) tour.set('present', String(state.present));
  if (state.presenter !== null) tour.set('presenter', String(state.presenter));
  const t = tour.toString();
  if (!t) return withRoutes;
  return withRoutes ? `${withRoutes}&${t}` : `?${t}`;
}

/**
 * What a link asked for that the newsletter does not have, in words; null when it has it all.
 * e.g. "There is no story 999 in this newsletter; showing the start view."
 */
export function urlNotice(search: string, ctx: StateContext): string | null {
  const params = new URLSearchParams(search);
  const missing: string[] = [];
  const storyParam = params.get('story');
  if (storyParam !== null) {
    const n = storyNumber(storyParam);
    if (n === null || n >= ctx.stories) missing.push(`story ${storyParam}`);
  }
  const placeParam = params.get('place');
  if (placeParam !== null && !ctx.places.has(placeParam)) missing.push(`place “${placeParam}”`);
  if (missing.length === 0) return null;
  const state = parseUrl(search, ctx);
  const rest =
    state.story !== null || state.place !== null ? 'showing the rest of the link' : 'showing the start view';
  return `There is no ${missing.join(' and no ')} in this newsletter; ${rest}.`;
}
