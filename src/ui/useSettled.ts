/** A value that follows another once it has stopped changing (typing has paused). */
import { useEffect, useState } from 'react';

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
