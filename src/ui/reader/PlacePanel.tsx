/** The panel of a selected place: the stories that mention it, each sentence with the place marked. */
import { useEffect, useRef } from 'react';
import { confidenceInWords, isUncertain, type Atlas, type PlaceSummary } from '../../core';
import { highlight } from './Highlight';
import { UncertainMark } from './Uncertain';
import { pluralize } from '../model';
import { SheetHandle, useSheet } from '../sheet';

export function PlacePanel({
  atlas,
  summary,
  onOpenStory,
  onClose,
  focusOnOpen,
  onPolar,
}: {
  atlas: Atlas;
  summary: PlaceSummary;
  onOpenStory: (story: number) => void;
  onClose: () => void;
  focusOnOpen: boolean;
  /** Given when the place lies beyond the world map (the Pole): offers the polar view. */
  onPolar?: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // On a phone the panel is a bottom sheet (app.css): half open, so the map stays in view.
  const sheet = useSheet();
  useEffect(() => {
    if (focusOnOpen) heading.current?.focus({ preventScroll: true });
  }, [summary, focusOnOpen]);

  const { place } = summary;
  const mentions = summary.mentions.map((i) => atlas.mentions[i]!);
  const stories = summary.stories.filter((s) => s >= 0).map((s) => atlas.stories[s]!);
  const uncertain = mentions.filter((m) => isUncertain(m.confidence)).length;

  return (
    <section
      id="place-panel"
      className={`place-panel sheet-${sheet.state}`}
      role="dialog"
      aria-label={place.name}
    >
      <SheetHandle label={place.name} controls="place-panel" state={sheet.state} onChange={sheet.setState} />
      <div className="panel-head">
        <h2 ref={heading} tabIndex={-1}>
          {place.name}
        </h2>
        <button type="button" className="close" onClick={onClose} aria-label={`Close ${place.name}`}>
          ×
        </button>
      </div>
      <p className="panel-meta">
        {place.kind} · {pluralize(stories.length, 'story', 'stories')} ·{' '}
        {pluralize(mentions.length, 'mention')}
        {uncertain > 0 && ` · ${uncertain} uncertain (marked ?)`}
      </p>
      {onPolar && (
        <p className="polar-note">
          The world map cannot show this place:{' '}
          <button type="button" className="polar-link" onClick={onPolar}>
            show it in the polar view
          </button>
          .
        </p>
      )}
      <ul className="place-stories">
        {stories.map((story) => {
          const own = mentions.filter((m) => m.story === story.index);
          const snippets = [...new Map(own.map((m) => [m.snippetStart, m])).values()];
          return (
            <li key={story.index}>
              <h3>{story.title}</h3>
              {snippets.map((s) => (
                <p className="snippet" key={s.snippetStart}>
                  {highlight(atlas.text, s.snippetStart, s.snippetEnd, own, (piece, i, m) =>
                    isUncertain(m.confidence) ? (
                      <mark
                        key={i}
                        className="uncertain"
                        title={`${confidenceInWords(m.confidence)} that this is ${place.name}`}
                      >
                        {piece}
                        <UncertainMark confidence={m.confidence} />
                      </mark>
                    ) : (
                      <mark key={i}>{piece}</mark>
                    ),
                  )}
                </p>
              ))}
              <button type="button" className="open-story" onClick={() => onOpenStory(story.index)}>
                Open story: {story.title}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
