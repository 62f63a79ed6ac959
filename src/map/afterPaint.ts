/**
 * Work that can wait for the next frame to be painted (the first markers of a large newsletter,
 * the letter just typed, the slide just shown): run in the task after that frame, not before it.
 */
import { useEffect, useState } from 'react';

/** Runs `fn` in a task after the next frame is painted; returns a function that cancels it. */
export function afterPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** False until the component's first frame is painted, then true (from the task after it). */
export function usePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => afterPaint(() => setPainted(true)), []);
  return painted;
}
