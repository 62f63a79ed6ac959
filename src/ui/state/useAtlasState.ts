/**
 * The app's URL state as a hook: the reducer's state, kept in step with the address bar. An
 * action that moves somewhere (a story, a place, the map view, the tour) adds a history entry
 * (pushState); typing, a checkbox and the tour's slides rewrite the current one (replaceState).
 * Back and forward restore the whole state of the entry, routes and tour slide included.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { historyOf, reduce, type Action, type AtlasState, type StateContext } from './state';
import { parseUrl, searchWithRoutes, serialiseUrl, urlNotice } from './url';

export interface AtlasStateHook {
  state: AtlasState;
  dispatch: (action: Action) => void;
  /** What the opening link asked for that the newsletter lacks, until the reader moves on. */
  notice: string | null;
  dismissNotice: () => void;
}

function write(search: string, how: 'push' | 'replace') {
  const { pathname, hash } = window.location;
  const url = `${pathname}${search}${hash}`;
  if (how === 'push') window.history.pushState(null, '', url);
  else if (window.location.search !== search) window.history.replaceState(window.history.state, '', url);
}

/**
 * @param onRestore called after back/forward with the restored state (to show it on the map).
 */
export function useAtlasState(
  ctx: StateContext,
  onRestore: (state: AtlasState) => void = () => undefined,
): AtlasStateHook {
  const [state, setState] = useState(() => parseUrl(window.location.search, ctx));
  // A link to a story or place the newsletter lacks says so (and shows the rest).
  const [notice, setNotice] = useState(() => urlNotice(window.location.search, ctx));
  const current = useRef(state);
  const restore = useRef(onRestore);
  useEffect(() => {
    restore.current = onRestore;
  }, [onRestore]);

  const dispatch = useCallback(
    (action: Action) => {
      const next = reduce(current.current, action, ctx);
      const how = historyOf(action);
      // A push adds its entry even when nothing changed (as a second click always has).
      if (next === current.current && how !== 'push') return;
      if (how !== 'none') write(serialiseUrl(next, ctx.layers), how);
      if (how === 'push') setNotice(null); // the link's problem is history once the reader moves on
      current.current = next;
      setState(next);
    },
    [ctx],
  );

  useEffect(() => {
    const { search } = window.location;
    // A link with a story or place that is not there: drop it from the address. Otherwise the
    // address keeps what it had, with ?routes= as the routes shown (unknown ones left out).
    if (urlNotice(search, ctx) !== null) write(serialiseUrl(current.current, ctx.layers), 'replace');
    else write(searchWithRoutes(search, current.current.routes, ctx.layers), 'replace');
    const onPop = () => {
      const s = parseUrl(window.location.search, ctx);
      setNotice(urlNotice(window.location.search, ctx));
      dispatch({ type: 'restore', state: s });
      restore.current(current.current);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [ctx, dispatch]);

  const dismissNotice = useCallback(() => setNotice(null), []);
  return { state, dispatch, notice, dismissNotice };
}
