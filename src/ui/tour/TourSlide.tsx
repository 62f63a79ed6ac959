/** One slide of the tour as shown: its title, the newsletter's words with the places marked, its places. */
import { splitByRanges, type Atlas, type Slide, type Snippet } from '../../core';

/** How many place names the slide lists before "and N more". */
const MAX_PLACE_NAMES = 5;

const KIND_LABEL: Record<Slide['kind'], string> = {
  title: 'Newsletter',
  story: 'Story',
  flight: 'The flight',
  custom: 'Teacher’s slide',
};

/**
 * A snippet's text with its places marked: bold and underlined, not by colour alone; the
 * newsletter's furniture ("READ ALSO: …", "Read more") as a muted, smaller `.tour-furniture` line.
 */
export function SnippetText({ snippet }: { snippet: Snippet }) {
  const out: (string | React.JSX.Element)[] = [];
  const furniture = snippet.furniture ?? [];
  /** Plain text [from, to), its furniture pieces as spans. */
  const plain = (from: number, to: number) => {
    for (const piece of splitByRanges(snippet.text, from, to, furniture)) {
      out.push(
        piece.furniture ? (
          <span className="tour-furniture" key={`f${piece.start}`}>
            {piece.text}
          </span>
        ) : (
          piece.text
        ),
      );
    }
  };
  let at = 0;
  snippet.marks.forEach((m, i) => {
    if (m.start < at) return;
    if (m.start > at) plain(at, m.start);
    out.push(
      <mark className="tour-place" key={i} data-place={m.placeId}>
        {snippet.text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  });
  if (at < snippet.text.length) plain(at, snippet.text.length);
  return <>{out}</>;
}

/** The slide's place names, for the line under the text. */
export function placeNames(atlas: Atlas, slide: Slide): string[] {
  return slide.places.map((id) => atlas.gazetteer.byId.get(id)?.name ?? id);
}

export function SlideView({ atlas, slide }: { atlas: Atlas; slide: Slide }) {
  const names = placeNames(atlas, slide);
  const listed = names.slice(0, MAX_PLACE_NAMES);
  return (
    <article className={`tour-slide tour-slide-${slide.kind}`} data-slide={slide.id}>
      <p className="tour-kind">{KIND_LABEL[slide.kind]}</p>
      <h2 className="tour-title">{slide.title}</h2>
      {slide.subtitle && <p className="tour-subtitle">{slide.subtitle}</p>}
      {slide.snippets.map((s, i) => (
        <p className="tour-snippet" key={i}>
          <SnippetText snippet={s} />
        </p>
      ))}
      {names.length > 0 && (
        <p className="tour-places">
          <span className="tour-places-label">On the map: </span>
          {listed.join(' · ')}
          {names.length > listed.length ? ` · and ${names.length - listed.length} more` : ''}
        </p>
      )}
    </article>
  );
}
