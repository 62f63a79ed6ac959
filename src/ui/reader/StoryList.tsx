/** The story list: search, the map-view filter, and one button per story with its places as chips. */
import type { Story } from '../../core';
import { pluralize, type StoryInfo } from '../model';
import { MAX_QUERY } from '../state';

export function StoryList({
  stories,
  infos,
  shown,
  query,
  onQuery,
  onlyInView,
  onOnlyInView,
  onOpen,
  hidden,
}: {
  stories: readonly Story[];
  infos: readonly StoryInfo[];
  /** Indexes of the stories to list. */
  shown: readonly number[];
  query: string;
  onQuery: (q: string) => void;
  onlyInView: boolean;
  onOnlyInView: (on: boolean) => void;
  onOpen: (story: number) => void;
  hidden: boolean;
}) {
  return (
    <nav aria-label="Stories" className="story-nav" hidden={hidden}>
      <h2 className="visually-hidden">Stories</h2>
      <div className="filters">
        <label htmlFor="search">Search stories or places</label>
        <input
          id="search"
          type="search"
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          maxLength={MAX_QUERY}
          autoComplete="off"
          placeholder="e.g. Moscow, Chkalov"
        />
        <label className="check">
          <input type="checkbox" checked={onlyInView} onChange={(e) => onOnlyInView(e.target.checked)} />
          Only stories on the map view
        </label>
      </div>
      <p className="count" aria-live="polite" role="status">
        {pluralize(shown.length, 'story', 'stories')} shown
      </p>
      <ul className="stories">
        {shown.map((i) => {
          const story = stories[i]!;
          const info = infos[i]!;
          return (
            <li key={i}>
              <button type="button" className="story-button" data-story={i} onClick={() => onOpen(i)}>
                <span className="story-title">{story.title}</span>
                {story.kind === 'headline' && <span className="tag"> headline</span>}
                <span className="chips">
                  {info.places.map((p) => (
                    <span className="chip" key={p.place.id}>
                      {' '}
                      {p.place.name}
                    </span>
                  ))}
                </span>
                <span className="mention-count"> {pluralize(info.mentions.length, 'mention')}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {shown.length === 0 && <p className="empty">No story matches. Clear the search or zoom out.</p>}
    </nav>
  );
}
