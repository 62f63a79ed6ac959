/**
 * A page of the Review panel alone, for tests/browser/review.test.ts: the atlas, unmatched names,
 * candidates and searchable places come from the test (window.reviewFixture, made in Node with
 * the real data); the choices are kept as the app keeps them (useReviewState), and the mentions
 * with the choices applied are written out, so the test sees the map's data change.
 */
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Atlas, CandidatePlace, Place, UnmatchedName } from '../../../src/core';
import { useReviewState, type AppReview } from '../../../src/ui/review';
import ReviewPanel from '../../../src/ui/review/ReviewPanel';

export interface ReviewFixture {
  atlas: Omit<Atlas, 'gazetteer'> & { places: Atlas['places'] };
  gazetteer: Place[];
  unmatched: UnmatchedName[];
  candidates: Record<string, CandidatePlace[]>;
  /** What the search finds: these, by the start of their name. */
  searchable: CandidatePlace[];
}

declare global {
  interface Window {
    reviewFixture: ReviewFixture;
  }
}

function Page({ fixture }: { fixture: ReviewFixture }) {
  const atlas = useMemo<Atlas>(() => {
    const byId = new Map(fixture.gazetteer.map((p) => [p.id, p]));
    return { ...fixture.atlas, gazetteer: { places: fixture.gazetteer, byId, rules: [] } };
  }, [fixture]);
  const review = useMemo<AppReview>(() => {
    const known = new Map(
      [...fixture.searchable, ...Object.values(fixture.candidates).flat()].map((p) => [p.id, p]),
    );
    return {
      unmatched: fixture.unmatched,
      candidates: fixture.candidates,
      resolve: (id) => known.get(id),
      search: async (q) => fixture.searchable.filter((p) => p.name.toLowerCase().startsWith(q.toLowerCase())),
    };
  }, [fixture]);
  const s = useReviewState(atlas, review);
  const [open, setOpen] = useState(true);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open the review
      </button>
      <output id="mentions">{s.atlas.mentions.map((m) => `${m.text}=${m.placeId}`).join(' ')}</output>
      {open && (
        <ReviewPanel
          atlas={atlas}
          items={s.items}
          candidates={review.candidates}
          choices={s.choices}
          onChoose={s.choose}
          onUndo={s.undo}
          search={review.search}
          resolve={s.resolve}
          onClose={() => setOpen(false)}
          loadTopology={null}
        />
      )}
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Page fixture={window.reviewFixture} />
  </StrictMode>,
);
