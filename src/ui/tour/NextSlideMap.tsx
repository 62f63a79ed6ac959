/**
 * The presenter view's small map of the next slide: the slide's map as the handout draws it
 * (SlideMap), on the polar map where the slide shows the flight. Not interactive; described by
 * its aria-label.
 */
import type { Atlas, Slide } from '../../core';
import type { LoadTopology } from '../../map';
import { useLand } from './HandoutShapes';
import { SlideMap } from './SlideMap';

export function NextSlideMap({
  atlas,
  slide,
  loadTopology,
}: {
  atlas: Atlas;
  slide: Slide;
  loadTopology: LoadTopology | null;
}) {
  const land = useLand(loadTopology);
  const names = slide.places.map((id) => atlas.gazetteer.byId.get(id)?.name ?? id);
  return (
    <SlideMap
      atlas={atlas}
      slide={slide}
      land={land}
      className="tour-presenter-map"
      label={names.length ? `the next slide's places: ${names.join(', ')}` : 'the next slide: no places'}
    />
  );
}
