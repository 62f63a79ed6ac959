/** The open story: its full text, paragraphs kept, every place mention a button. */
import { useEffect, useRef, type ReactNode } from 'react';
import type { Atlas, Mention, Story } from '../../core';

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
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: 'nearest' });
  }, [story]);

  const paragraphs = toParagraphs(atlas.text, story, mentions, (m, key) => {
    const name = atlas.gazetteer.byId.get(m.placeId)?.name ?? m.placeId;
    const toPolar = !polar && polarOnly?.has(m.placeId) === true;
    return (
      <button
        key={key}
        type="button"
        className={toPolar ? 'mention mention-polar' : 'mention'}
        title={toPolar ? `Show ${name} in the polar view` : `Show ${name} on the map`}
        data-place={m.placeId}
        onClick={(e) => onMention(m.placeId, e.currentTarget)}
      >
        {m.text}
        {toPolar && <span className="mention-where"> (polar view)</span>}
      </button>
    );
  });

  return (
    <article className="reader" aria-label={`Story: ${story.title}`}>
      <button type="button" className="back" onClick={onClose}>
        ← Back to stories
      </button>
      <h2 ref={heading} tabIndex={-1}>
        {story.title}
      </h2>
      {story.kind === 'headline' && <p className="tag">headline only</p>}
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
      <div className="story-text">
        {paragraphs.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
    </article>
  );
}

/** Splits the story's text on newlines into paragraphs, rendering mentions with `renderMention`. */
function toParagraphs(
  text: string,
  story: Story,
  mentions: readonly Mention[],
  renderMention: (m: Mention, key: string) => ReactNode,
): ReactNode[][] {
  const paragraphs: ReactNode[][] = [[]];
  const pushText = (s: string) => {
    s.split('\n').forEach((part, i) => {
      if (i > 0) paragraphs.push([]);
      if (part) paragraphs[paragraphs.length - 1]!.push(part);
    });
  };
  let at = story.start;
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    if (m.start < at || m.end > story.end) continue;
    pushText(text.slice(at, m.start));
    paragraphs[paragraphs.length - 1]!.push(renderMention(m, `m${m.start}`));
    at = m.end;
  }
  pushText(text.slice(at, story.end));
  return paragraphs.filter((p) => p.some((n) => typeof n !== 'string' || n.trim() !== ''));
}
