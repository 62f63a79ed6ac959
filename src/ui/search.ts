/**
 * Story search: what a search looks in (a story's lower-cased title, text and place names, its
 * haystack) and whether a query is found there. A haystack is made when first read, and a large
 * newsletter's are made in idle time after the first marker (warmHaystacks), not before it.
 */

/** Something searched: its haystack is made when first read. */
export interface Searched {
  readonly haystack: string;
}

/**
 * Makes the stories' haystacks a few hundred at a time in the browser's idle time, so that the
 * first search keystroke finds them made; returns a function that stops it.
 */
export function warmHaystacks(infos: readonly Searched[], per = 200): () => void {
  let next = 0;
  let stopped = false;
  // requestIdleCallback where there is one; else a timer.
  const idle = (fn: () => void) =>
    typeof requestIdleCallback === 'function' ? void requestIdleCallback(fn) : void setTimeout(fn, 50);
  const step = () => {
    if (stopped) return;
    for (const end = Math.min(infos.length, next + per); next < end; next++) void infos[next]!.haystack;
    if (next < infos.length) idle(step);
  };
  idle(step);
  return () => {
    stopped = true;
  };
}

/** True when the story's title, text or place names contain the query (case-insensitive). */
export function matchesQuery(info: Searched, query: string): boolean {
  const q = query.trim().toLocaleLowerCase('en');
  return q === '' || info.haystack.includes(q);
}
