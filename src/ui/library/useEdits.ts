/**
 * A newsletter's story edits and review choices, as the library keeps them: read when the
 * newsletter opens, written on every change (last write wins per newsletter), and read again
 * when another tab writes them. A change made before the stored edits are read is applied on top
 * of them once they are (pendingEdits.ts), never over nothing. A write the browser refuses is
 * kept in memory, and said.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LibraryStore } from '../../library/store';
import { NO_EDITS, PendingEdits, type Edits, type EditsChange } from './pendingEdits';

export { NO_EDITS, type Edits } from './pendingEdits';

export interface EditsHook {
  edits: Edits;
  /** False until the stored edits have been read (the newsletter is shown without them meanwhile). */
  loaded: boolean;
  update: (change: EditsChange) => void;
}

export function useEdits(
  newsletter: string,
  store: () => Promise<LibraryStore>,
  say: (text: string) => void,
): EditsHook {
  const [state, setState] = useState<{ id: string; edits: Edits; loaded: boolean }>({
    id: newsletter,
    edits: NO_EDITS,
    loaded: false,
  });
  const sayRef = useRef(say);
  useEffect(() => {
    sayRef.current = say;
  }, [say]);
  const sync = useRef<PendingEdits | null>(null);

  useEffect(() => {
    const edits = new PendingEdits(
      newsletter,
      store,
      (s) => setState({ id: newsletter, ...s }),
      (text) => sayRef.current(text),
    );
    sync.current = edits;
    edits.start();
    return () => {
      edits.dispose();
      if (sync.current === edits) sync.current = null;
    };
  }, [newsletter, store]);

  const update = useCallback(
    (change: EditsChange) => {
      const edits = sync.current;
      if (edits?.newsletter === newsletter) edits.update(change);
    },
    [newsletter],
  );

  const edits = state.id === newsletter ? state.edits : NO_EDITS;
  return { edits, loaded: state.id === newsletter && state.loaded, update };
}
