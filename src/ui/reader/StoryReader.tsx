/** The open story: its full text, paragraphs kept, every place mention a button. */
import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';
import {
  isUncertain,
  splitByRanges,
  storyParagraphs,
  type Atlas,
  type Mention,
  type Story,
  type StoryEdit,
  type TextRange,
} from '../../core';
import { SplitHere, StoryEditBar } from './StoryEditor';
import { UncertainMark, uncertainTitle } from './Uncertain';

export function StoryReader({
  atlas,
  story,
  mentions,
  onMention,
  onClose,
  polarNote = false,
  polar = false,
  onPolar,
  polarOnly,
  playback,
  onStoryEdit,
}: {
  atlas: Atlas;
  story: Story;
  mentions: readonly Mention[];
  onMention: (placeId: string, button: HTMLButtonElement) => void;
  onClose: () => void;
  /** The story tells of a route over the North Pole: offer the polar view. */
  polarNote?: boolean;
  polar?: boolean;
  onPolar?: () => void;
  /** Places only the polar map shows (the Pole): their mentions say they open the polar view. */
  polarOnly?: ReadonlySet<string>;
  /** The flight playback panel, shown under the polar note. */
  playback?: ReactNode;
  /**
   * Given: the reader offers "Edit story" (merge with the next, split at a paragraph, rename),
   * each edit numbered against `atlas.stories` as shown. Absent: no edit controls.
   */
  onStoryEdit?: (edit: StoryEdit) => void;
}) {
  // Edit mode is for one story: opening another leaves it (the index is the story's, kept across
  // the edits that keep its number: a rename, a merge, a split).
  const [editingStory, setEditingStory] = useState<number | null>(null);
  const editing = onStoryEdit !== undefined && editingStory === story.index;
  const [status, setStatus] = useState('');
  const edit = (e: StoryEdit, done: string) => {
    setStatus(done);
    onStoryEdit?.(e);
  };

  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: 'nearest' });
  }, [story]);

  const paragraphs = toParagraphs(atlas.text, story, mentions, atlas.furniture, (m, key, inFurniture) => {
    const name = atlas.gazetteer.byId.get(m.placeId)?.name ?? m.placeId;
    const toPolar = !polar && polarOnly?.has(m.placeId) === true;
    const uncertain = isUncertain(m.confidence);
    return (
      <button
        key={key}
        type="button"
        className={[
          'mention',
          inFurniture && 'in-furniture',
          toPolar && 'mention-polar',
          uncertain && 'uncertain',
        ]
          .filter(Boolean)
          .join(' ')}
        title={
          (toPolar ? `Show ${name} in the polar view` : `Show ${name} on the map`) +
          uncertainTitle(m.confidence, name)
        }
        data-place={m.placeId}
        data-confidence={m.confidence}
        onClick={(e) => onMention(m.placeId, e.currentTarget)}
      >
        {m.text}
        <UncertainMark confidence={m.confidence} />
        {toPolar && <span className="mention-where"> (polar view)</span>}
      </button>
    );
  });

  // In edit mode: where each paragraph the story can be split at starts → its number (core).
  const splitAt = editing
    ? new Map(
        storyParagraphs(atlas.text, story)
          .slice(1)
          .map((p, k) => [p.start, k + 1]),
      )
    : null;

  return (
    <article className="reader" aria-label={`Story: ${story.title}`}>
      <button type="button" className="back" onClick={onClose}>
        ← Back to stories
      </button>
      <h2 ref={heading} tabIndex={-1}>
        {story.title}
      </h2>
      {story.kind === 'headline' && <p className="tag">headline only</p>}
      {onStoryEdit && (
        <StoryEditBar
          story={story}
          next={atlas.stories[story.index + 1]}
          editing={editing}
          onEditing={(on) => {
            setStatus('');
            setEditingStory(on ? story.index : null);
          }}
          onEdit={edit}
        />
      )}
      {onStoryEdit && (
        <p className="edit-status" role="status">
          {status}
        </p>
      )}
      {polarNote && (
        <p className="polar-note">
          This route crosses the North Pole
          {polar ? (
            ': the map shows it in the polar view.'
          ) : (
            <>
              : see it in the{' '}
              <button type="button" className="polar-link" onClick={onPolar}>
                polar view
              </button>
              .
            </>
          )}
        </p>
      )}
      {playback}
      <div className={editing ? 'story-text editing' : 'story-text'}>
        {paragraphs.map((p, i) => (
          <Fragment key={p.start}>
            {splitAt?.has(p.start) && i > 0 && (
              <SplitHere
                story={story}
                paragraph={splitAt.get(p.start)!}
                preview={preview(atlas.text, p.start)}
                onEdit={edit}
              />
            )}
            {p.furniture ? (
              <p className="furniture-line">
                <span className="visually-hidden">Newsletter link: </span>
                {p.nodes}
              </p>
            ) : (
              <p>{p.nodes}</p>
            )}
          </Fragment>
        ))}
      </div>
    </article>
  );
}

/** A paragraph of the reader: its pieces, where it starts, and whether it is all newsletter furniture. */
interface Paragraph {
  nodes: ReactNode[];
  start: number;
  furniture: boolean;
}

/** The first words of the text at `start` (to name a "Split here" button by what follows it). */
function preview(text: string, start: number): string {
  const line = text
    .slice(start, start + 200)
    .split(/[\r\n]/)[0]!
    .trim();
  const words = line.split(/\s+/).slice(0, 6).join(' ');
  return words.length < line.length ? `${words}…` : words;
}

/**
 * Splits the story's text on newlines into paragraphs, rendering mentions with `renderMention`
 * and the newsletter's furniture ("READ ALSO: …", "Read more") as `.furniture` spans.
 */
function toParagraphs(
  text: string,
  story: Story,
  mentions: readonly Mention[],
  furniture: readonly TextRange[],
  renderMention: (m: Mention, key: string, inFurniture: boolean) => ReactNode,
): Paragraph[] {
  const paragraphs: { nodes: ReactNode[]; start: number; plain: number; furniture: number }[] = [
    { nodes: [], start: story.start, plain: 0, furniture: 0 },
  ];
  const last = () => paragraphs[paragraphs.length - 1]!;
  const inFurniture = (at: number) => furniture.some((f) => f.start <= at && at < f.end);
  /** Text [from, to): plain pieces as strings, furniture pieces as spans. */
  const pushText = (from: number, to: number) => {
    for (const piece of splitByRanges(text, from, to, furniture)) {
      let offset = piece.start;
      piece.text.split('\n').forEach((part, k) => {
        if (k > 0) {
          offset++;
          paragraphs.push({ nodes: [], start: offset, plain: 0, furniture: 0 });
        }
        if (part) {
          const p = last();
          if (piece.furniture) {
            p.nodes.push(
              <span className="furniture" key={`f${offset}`}>
                {part}
              </span>,
            );
            p.furniture++;
          } else {
            p.nodes.push(part);
            if (part.trim() !== '') p.plain++;
          }
        }
        offset += part.length;
      });
    }
  };
  let at = story.start;
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    if (m.start < at || m.end > story.end) continue;
    pushText(at, m.start);
    const f = inFurniture(m.start);
    last().nodes.push(renderMention(m, `m${m.start}`, f));
    if (f) last().furniture++;
    else last().plain++;
    at = m.end;
  }
  pushText(at, story.end);
  return paragraphs
    .filter((p) => p.plain + p.furniture > 0)
    .map((p) => ({ nodes: p.nodes, start: p.start, furniture: p.plain === 0 }));
}
