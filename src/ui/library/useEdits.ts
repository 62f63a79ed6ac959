/**
 * A newsletter's story edits and review choices, as the library keeps them: read when the
 * newsletter opens, written on every change (last write wins per newsletter), and read again
 * when another tab writes them. A write the browser refuses is kept in memory, and said.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LibraryStore, ReviewChoice, StoryEdit } from '../../library/store';

export interface Edits {
  storyEdits: readonly StoryEdit[];
  reviewChoices: readonly ReviewChoice[];
}

export const NO_EDITS: Edits = { storyEdits: [], reviewChoices: [] };

export interface EditsHook {
  edits: Edits;
  /** False until the stored edits have been read (the newsletter is shown without them meanwhile). */
  loaded: boolean;
  update: (change: (edits: Edits) => Edits) => void;
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
  const current = useRef(state);
  useEffect(() => {
    current.current = state;
  }, [state]);

  useEffect(() => {
    let live = true;
    let unsubscribe = () => {};
    const read = async (s: LibraryStore) => {
      const record = await s.getEdits(newsletter);
      if (!live) return;
      setState({
        id: newsletter,
        edits: record ? { storyEdits: record.storyEdits, reviewChoices: record.reviewChoices } : NO_EDITS,
        loaded: true,
      });
    };
    void store().then((s) => {
      if (!live) return;
      unsubscribe = s.subscribe((change) => {
        if (change.kind === 'edits' && change.key === newsletter && change.origin === 'remote') void read(s);
      });
      void read(s);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [newsletter, store]);

  const update = useCallback(
    (change: (edits: Edits) => Edits) => {
      const before = current.current;
      if (before.id !== newsletter) return;
      const edits = change(before.edits);
      if (edits === before.edits) return;
      const next = { ...before, edits };
      current.current = next;
      setState(next);
      void store()
        .then((s) =>
          s.putEdits(newsletter, {
            storyEdits: [...edits.storyEdits],
            reviewChoices: [...edits.reviewChoices],
          }),
        )
        .then((written) => {
          // Another tab wrote later: its edits win, and are shown.
          if (!written.written && written.record) {
            const r = written.record;
            setState({
              id: newsletter,
              edits: { storyEdits: r.storyEdits, reviewChoices: r.reviewChoices },
              loaded: true,
            });
            say('Another tab changed this newsletter at the same time: its changes are shown.');
          }
        })
        .catch((e: unknown) => say(e instanceof Error ? e.message : String(e)));
    },
    [newsletter, store, say],
  );

  const edits = state.id === newsletter ? state.edits : NO_EDITS;
  return { edits, loaded: state.id === newsletter && state.loaded, update };
}
