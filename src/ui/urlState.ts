/**
 * The app's URL state: the open story (?story=N), the selected place (?place=id), the polar view
 * (?view=polar), the search text (?q=) and "Only stories on the map view" (?inview=1). A link that
 * names a story or place the newsletter does not have says so (urlNotice) and shows the rest.
 */
import type { Atlas } from '../core';

export interface UrlState {
  story: number | null;
  place: string | null;
  polar: boolean;
  /** The story search, as typed. */
  query: string;
  /** Only the stories with a place in the map's view are listed. */
  onlyInView: boolean;
}

/**
 * The longest search text kept (and written to the URL): far more than any name or phrase, and
 * it keeps the app's own URLs short (servers refuse long ones: the preview server answers a query
 * string of 16 KB or more with HTTP 431).
 */
export const MAX_QUERY = 200;

export const START_STATE: UrlState = { story: null, place: null, polar: false, query: '', onlyInView: false };

const storyNumber = (raw: string | null) => (raw !== null && /^\d+$/.test(raw) ? Number(raw) : null);
const hasPlace = (atlas: Atlas, id: string) => atlas.places.some((p) => p.place.id === id);

export function readUrlState(search: string, atlas: Atlas): UrlState {
  const params = new URLSearchParams(search);
  const n = storyNumber(params.get('story'));
  const story = n !== null && n < atlas.stories.length ? n : null;
  const placeParam = params.get('place');
  const place = placeParam !== null && hasPlace(atlas, placeParam) ? placeParam : null;
  const polar = params.get('view') === 'polar';
  const query = (params.get('q') ?? '').slice(0, MAX_QUERY);
  const onlyInView = params.get('inview') === '1';
  return { story, place, polar, query, onlyInView };
}

/**
 * What a link asked for that the newsletter does not have, in words; null when it has it all.
 * e.g. "There is no story 999 in this newsletter; showing the start view."
 */
export function urlNotice(search: string, atlas: Atlas): string | null {
  const params = new URLSearchParams(search);
  const missing: string[] = [];
  const storyParam = params.get('story');
  if (storyParam !== null) {
    const n = storyNumber(storyParam);
    if (n === null || n >= atlas.stories.length) missing.push(`story ${storyParam}`);
  }
  const placeParam = params.get('place');
  if (placeParam !== null && !hasPlace(atlas, placeParam)) missing.push(`place “${placeParam}”`);
  if (missing.length === 0) return null;
  const state = readUrlState(search, atlas);
  const rest =
    state.story !== null || state.place !== null ? 'showing the rest of the link' : 'showing the start view';
  return `There is no ${missing.join(' and no ')} in this newsletter; ${rest}.`;
}

/** The query string of a state: a leading "?", or "" for the start view (routeParam adds ?routes=). */
export function urlSearch(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.story !== null) params.set('story', String(state.story));
  if (state.place !== null) params.set('place', state.place);
  if (state.polar) params.set('view', 'polar');
  if (state.query !== '') params.set('q', state.query.slice(0, MAX_QUERY));
  if (state.onlyInView) params.set('inview', '1');
  const s = params.toString();
  return s ? `?${s}` : '';
}
