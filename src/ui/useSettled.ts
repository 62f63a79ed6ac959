/** Values that follow another: once it has stopped changing (typing has paused), or once its change is painted. */
import { startTransition, useEffect, useState } from 'react';
import { afterPaint } from '../map';

/** `value` once it has stayed the same for `ms` milliseconds; its first value at once. */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms, settled]);
  return settled;
}

/**
 * `value` from the task after the frame that shows its change, as a transition: what follows it
 * (the stories a search finds among thousands) neither delays that frame (the letter typed) nor,
 * being a transition, the next key; a change meanwhile starts the wait again. Its first value at once.
 */
export function useAfterPaint<T>(value: T): T {
  const [after, setAfter] = useState(value);
  useEffect(() => {
    if (Object.is(value, after)) return;
    return afterPaint(() => startTransition(() => setAfter(value)));
  }, [value, after]);
  return after;
}
