/**
 * The state a URL restores, in one place: the newsletter, the open story and place, the map
 * view, the search, the routes drawn and the tour's slide. It changes only through typed actions
 * (reduce), each of which keeps it valid for the newsletter (validState); useAtlasState keeps it
 * in step with the address bar and the browser's history.
 */
import type { Atlas, RouteLayers } from '../../core';
import type { AtlasState, StateContext } from './types';
import { clip, isNewsletterId, MAX_QUERY } from './url';

export type { AtlasState, StateContext } from './types';

/** The context of a newsletter; `polarOnly`: its places only the polar map shows (model beyondMercator). */
export function stateContext(
  atlas: Atlas,
  layers: RouteLayers,
  polarOnly: ReadonlySet<string>,
  /** The id of the newsletter that ships with the app (URLs leave it out). */
  bundled: string | null = atlas.newsletter?.id ?? null,
): StateContext {
  return {
    stories: atlas.stories.length,
    places: new Set(atlas.places.map((p) => p.place.id)),
    polarOnly,
    layers,
    bundled,
  };
}

/** The start view: the bundled newsletter, nothing open, the default routes. */
export function startState(ctx: StateContext): AtlasState {
  return {
    n: null,
    story: null,
    place: null,
    polar: false,
    query: '',
    onlyInView: false,
    routes: [...ctx.layers.shown],
    present: null,
    presenter: null,
    slidePolar: null,
  };
}

export type Action =
  /** Opens a story (and closes the place panel). */
  | { type: 'openStory'; story: number }
  | { type: 'closeStory' }
  /** Selects a place; one only the polar map shows opens the polar view. */
  | { type: 'selectPlace'; place: string }
  | { type: 'closePlace' }
  /** The reader's choice of map (the world map or the polar map). */
  | { type: 'setPolar'; polar: boolean }
  /** A tour slide's choice of map; once the tour is closed, the app's map view. */
  | { type: 'slidePolar'; polar: boolean }
  | { type: 'query'; query: string }
  | { type: 'onlyInView'; on: boolean }
  /** Draws a route or stops drawing it (the flight is always drawn). */
  | { type: 'showRoute'; id: string; on: boolean }
  /** The Present button: the tour opens at its first slide. */
  | { type: 'openTour' }
  /** The tour (or the presenter window) shows this 1-based slide. */
  | { type: 'slide'; slide: number }
  | { type: 'presenterSlide'; slide: number }
  | { type: 'closeTour' }
  /** Switches to another newsletter (null: the bundled one): nothing of the last one stays open. */
  | { type: 'newsletter'; id: string | null }
  /** Back or forward: the state of the history entry, as read from its URL. */
  | { type: 'restore'; state: AtlasState };

/**
 * How an action changes the history: a new entry (the reader can go back to before it), the
 * current entry rewritten (typing, a checkbox, the tour's slides), or nothing (back/forward).
 */
export function historyOf(action: Action): 'push' | 'replace' | 'none' {
  switch (action.type) {
    case 'openStory':
    case 'closeStory':
    case 'selectPlace':
    case 'closePlace':
    case 'setPolar':
    case 'openTour':
    case 'newsletter':
      return 'push';
    case 'restore':
      return 'none';
    default:
      return 'replace';
  }
}

const isSlide = (n: number) => Number.isSafeInteger(n) && n >= 1;

/** The state after an action; the same object when the action changes nothing or is not valid. */
export function reduce(state: AtlasState, action: Action, ctx: StateContext): AtlasState {
  switch (action.type) {
    case 'openStory':
      if (!Number.isInteger(action.story) || action.story < 0 || action.story >= ctx.stories) return state;
      return { ...state, story: action.story, place: null };
    case 'closeStory':
      return state.story === null ? state : { ...state, story: null };
    case 'selectPlace':
      if (!ctx.places.has(action.place)) return state;
      return { ...state, place: action.place, polar: state.polar || ctx.polarOnly.has(action.place) };
    case 'closePlace':
      return state.place === null ? state : { ...state, place: null };
    case 'setPolar':
      return state.polar === action.polar && state.slidePolar === null
        ? state
        : { ...state, polar: action.polar, slidePolar: null };
    case 'slidePolar':
      if (state.present === null && state.presenter === null)
        return state.polar === action.polar && state.slidePolar === null
          ? state
          : { ...state, polar: action.polar, slidePolar: null };
      return state.slidePolar === action.polar ? state : { ...state, slidePolar: action.polar };
    case 'query': {
      const query = clip(action.query, MAX_QUERY);
      return query === state.query ? state : { ...state, query };
    }
    case 'onlyInView':
      return state.onlyInView === action.on ? state : { ...state, onlyInView: action.on };
    case 'showRoute': {
      const layer = ctx.layers.layers.find((l) => l.id === action.id);
      if (!layer || layer.layer === 'flight' || state.routes.includes(action.id) === action.on) return state;
      const on = new Set(state.routes);
      if (action.on) on.add(action.id);
      else on.delete(action.id);
      return { ...state, routes: ctx.layers.layers.filter((l) => on.has(l.id)).map((l) => l.id) };
    }
    case 'openTour':
      return { ...state, present: 1 };
    case 'slide':
      return !isSlide(action.slide) || state.present === action.slide
        ? state
        : { ...state, present: action.slide };
    case 'presenterSlide':
      return !isSlide(action.slide) || state.presenter === action.slide
        ? state
        : { ...state, presenter: action.slide };
    case 'closeTour':
      return state.present === null && state.slidePolar === null
        ? state
        : { ...state, present: null, slidePolar: null };
    case 'newsletter': {
      const n = action.id === ctx.bundled ? null : action.id;
      if (n !== null && !isNewsletterId(n)) return state;
      if (n === state.n) return state;
      return { ...state, n, story: null, place: null, present: null, slidePolar: null };
    }
    case 'restore':
      return validState(action.state, ctx) ? action.state : state;
  }
}

/** The map view shown: a tour slide's, else the reader's. */
export const shownPolar = (state: AtlasState): boolean => state.slidePolar ?? state.polar;

/** True when every part of the state is one the newsletter and the layers allow. */
export function validState(state: AtlasState, ctx: StateContext): boolean {
  const order = ctx.layers.layers.map((l) => l.id);
  const at = state.routes.map((id) => order.indexOf(id));
  return (
    (state.n === null || (isNewsletterId(state.n) && state.n !== ctx.bundled)) &&
    (state.story === null ||
      (Number.isInteger(state.story) && state.story >= 0 && state.story < ctx.stories)) &&
    (state.place === null || ctx.places.has(state.place)) &&
    state.query.length <= MAX_QUERY &&
    at.every((i, k) => i >= 0 && (k === 0 || i > at[k - 1]!)) &&
    (ctx.layers.flight === null || state.routes.includes(ctx.layers.flight)) &&
    (state.present === null || isSlide(state.present)) &&
    (state.presenter === null || isSlide(state.presenter)) &&
    (state.slidePolar === null || state.present !== null || state.presenter !== null)
  );
}
