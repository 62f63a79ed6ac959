/** Esc closes what is open (a panel, a list): `onEscape` runs and the key goes no further. */
import { useEffect } from 'react';

/** While `active`, Esc anywhere on the page calls `onEscape`, unless a view nearer the focus took the key first. */
export function useEscape(onEscape: () => void, active = true): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      onEscape();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onEscape, active]);
}
