/**
 * The Review panel: the names the finder was unsure of or could not place, each with its
 * sentences (the name marked), its candidate places (listed and on a small map), and the
 * person's answer: "This place", "Not a place", or a place searched for in the gazetteer; every
 * answer can be undone. Loaded lazily (LazyReviewPanel): the first marker does not wait for it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useEscape } from '../useEscape';
import type { Atlas, CandidatePlace, Place, ReviewChoice, ReviewGroup } from '../../core';
import type { LoadTopology } from '../../map/topologyCache';
import { ReviewMap } from './ReviewMap';
import { describePlace, groupStatus, mentionCount, sentencePieces } from './reviewModel';
import './review.css';

export interface ReviewPanelProps {
  /** The finder's atlas (its text holds the sentences). */
  atlas: Atlas;
  /** reviewItems(atlas, unmatched). */
  items: readonly ReviewGroup[];
  /** Group name → candidate places (the worker's result.review.candidates). */
  candidates: Readonly<Record<string, readonly CandidatePlace[]>>;
  choices: readonly ReviewChoice[];
  /** A choice made; `place` is the place chosen (so it can be found again by its id). */
  onChoose: (choice: ReviewChoice, place?: Place) => void;
  onUndo: (name: string) => void;
  /** Places of the gazetteer named like the query (searchGazetteer): never rejects. */
  search: (query: string) => Promise<readonly CandidatePlace[]>;
  onClose: () => void;
  /** A place by id, to name the place a choice chose. */
  resolve?: (id: string) => Place | undefined;
  loadTopology: LoadTopology | null;
}

export default function ReviewPanel(props: ReviewPanelProps) {
  const { items, choices, onClose } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const [open, setOpen] = useState<string | null>(items[0]?.name ?? null);
  // Focus goes to the heading on opening, and back where it was (the Review button) on closing.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    heading.current?.focus({ preventScroll: true });
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  useEscape(onClose);
  const decided = items.filter((g) => choices.some((c) => c.name === g.name)).length;
  return (
    <section className="review-panel" role="dialog" aria-labelledby="review-heading">
      <div className="panel-head">
        <h2 id="review-heading" ref={heading} tabIndex={-1}>
          Review
        </h2>
        <button type="button" className="close" onClick={onClose} aria-label="Close the review">
          ×
        </button>
      </div>
      <p className="panel-meta">
        {items.length} {items.length === 1 ? 'name' : 'names'} to check · {decided} decided. A choice applies
        to every mention of the name.
      </p>
      <ol className="review-groups">
        {items.map((g) => (
          <li key={g.name}>
            <Group
              {...props}
              group={g}
              expanded={open === g.name}
              onToggle={() => setOpen(open === g.name ? null : g.name)}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}

function Group({
  atlas,
  group,
  candidates,
  choices,
  onChoose,
  onUndo,
  search,
  resolve,
  loadTopology,
  expanded,
  onToggle,
}: ReviewPanelProps & { group: ReviewGroup; expanded: boolean; onToggle: () => void }) {
  const id = useId();
  const choice = choices.find((c) => c.name === group.name);
  const listed = candidates[group.name] ?? [];
  const [found, setFound] = useState<readonly CandidatePlace[] | null>(null);
  const shown = found ?? listed;
  const chosenId = choice?.verdict.kind === 'place' ? choice.verdict.place : null;
  const chosen =
    chosenId === null
      ? undefined
      : ([...shown, ...listed].find((p) => p.id === chosenId) ?? resolve?.(chosenId));
  const status = groupStatus(group, choice, chosen);
  // After a choice, focus goes to its Undo (the button pressed is gone); after an undo, to the name.
  const undoButton = useRef<HTMLButtonElement>(null);
  const nameButton = useRef<HTMLButtonElement>(null);
  const acted = useRef(false);
  useEffect(() => {
    if (!acted.current) return;
    acted.current = false;
    (choice ? undoButton.current : nameButton.current)?.focus();
  }, [choice]);
  const decide = (c: ReviewChoice, place?: Place) => {
    acted.current = true;
    onChoose(c, place);
  };
  const pick = (p: CandidatePlace) =>
    decide({ name: group.name, verdict: { kind: 'place', place: p.id } }, p);
  return (
    <article className={`review-group ${choice ? 'decided' : 'open'}`} aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`}>
        <button
          ref={nameButton}
          type="button"
          aria-expanded={expanded}
          aria-controls={`${id}-body`}
          onClick={onToggle}
        >
          <span className="review-name">{group.text}</span>{' '}
          <span className="review-count">({mentionCount(group.mentions.length)})</span>
        </button>
      </h3>
      <p className="review-status">
        <span className="review-mark" aria-hidden="true">
          {choice ? '✓' : '?'}
        </span>{' '}
        {status}
        {choice && (
          <>
            {' '}
            <button
              type="button"
              ref={undoButton}
              onClick={() => {
                acted.current = true;
                onUndo(group.name);
              }}
              aria-label={`Undo the choice for ${group.text}`}
            >
              Undo
            </button>
          </>
        )}
      </p>
      {expanded && (
        <div id={`${id}-body`} className="review-body">
          <ul className="review-sentences" aria-label={`Sentences that mention ${group.text}`}>
            {group.mentions.map((m) => {
              const [before, name, after] = sentencePieces(atlas.text, m);
              return (
                <li key={m.start}>
                  {before}
                  <mark>{name}</mark>
                  {after}
                </li>
              );
            })}
          </ul>
          {shown.length > 0 && <ReviewMap name={group.text} places={shown} loadTopology={loadTopology} />}
          <ol
            className="review-candidates"
            aria-label={found ? 'Places found' : `Places "${group.text}" could be`}
          >
            {shown.map((p) => (
              <li key={p.id}>
                <span>{describePlace(p)}</span>
                {p.id === chosenId ? (
                  <span className="review-chosen"> (your choice)</span>
                ) : (
                  <button
                    type="button"
                    onClick={() => pick(p)}
                    aria-label={`This place: ${describePlace(p)}`}
                  >
                    This place
                  </button>
                )}
              </li>
            ))}
          </ol>
          {shown.length === 0 && !found && (
            <p className="review-none">No candidate places: search for one.</p>
          )}
          <p className="review-found" role="status">
            {found ? (found.length ? `${found.length} found: listed above` : 'No place found.') : ''}
          </p>
          {found && (
            <p>
              <button type="button" onClick={() => setFound(null)}>
                Show the candidates again
              </button>
            </p>
          )}
          <p>
            <button
              type="button"
              disabled={choice?.verdict.kind === 'not-a-place'}
              onClick={() => decide({ name: group.name, verdict: { kind: 'not-a-place' } })}
            >
              Not a place
            </button>
          </p>
          <Search label={group.text} search={search} onFound={setFound} />
        </div>
      )}
    </article>
  );
}

/** "Search the gazetteer for another": the places found replace the candidates listed. */
function Search({
  label,
  search,
  onFound,
}: {
  label: string;
  search: ReviewPanelProps['search'];
  onFound: (places: readonly CandidatePlace[] | null) => void;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const asked = useRef(0);
  const run = async () => {
    const q = query.trim();
    if (q === '') {
      onFound(null);
      return;
    }
    const n = ++asked.current;
    const places = await search(q);
    if (n === asked.current) onFound(places);
  };
  return (
    <form
      className="review-search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        void run();
      }}
    >
      <label htmlFor={id}>Search the gazetteer for another place for “{label}”</label>
      <input id={id} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      <button type="submit">Search</button>
    </form>
  );
}
