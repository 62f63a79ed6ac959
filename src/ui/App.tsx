/** The reader's app: story list and reader beside the map, the place panel, URL state, keyboard. */
import type { Position } from 'geojson';
import { Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Atlas, ContextFeature, FlightData, RouteLayers, SeaLabel, StoryEdit } from '../core';
import { buildTrack } from '../geo';
import {
  afterPaint,
  AtlasMap,
  type GeoBounds,
  type LoadTopology,
  type MapEmphasis,
  type PlaneFeed,
  usePainted,
  type ViewRequest,
} from '../map';
import { FlightPlayback, PlaybackClock } from './flight';
import type { EmbeddedNewsletter } from '../library';
import type { ShownNewsletter } from './library/types';
import { MapControls } from './MapControls';
import { OfflineDownload } from './offline';
import {
  beyondMercator,
  mapPlaces,
  mapRoutes,
  matchesQuery,
  placePoints,
  pluralize,
  storyInfos,
  warmHaystacks,
  storyInView,
} from './model';
import { PlacePanel, StoryList, StoryReader } from './reader';
import { LazyReviewPanel, type ReviewState } from './review';
import { SheetHandle, useSheet } from './sheet';
import { shownPolar, stateContext, useAtlasState, type AtlasState } from './state';
import { Present, type TourMap, type TourUrl } from './tour';
import { useAfterPaint, useSettled } from './useSettled';
import type { LibraryStore } from '../library/store';

/** How long typing must pause before the map's markers follow the search (the list follows at once). */
const MAP_SEARCH_PAUSE_MS = 250;

/**
 * A newsletter with so many stories or more lists them in the task after its first markers: the
 * list's rows and the page's layout round them do not hold up the map.
 */
const LIST_LATER_FROM = 500;

/** The map marker of a place, to give focus back to when its panel closes. */
const markerElement = (id: string) =>
  document.querySelector<HTMLElement>(`.leaflet-container [data-place="${CSS.escape(id)}"]`);

export function App({
  atlas,
  review,
  loadTopology,
  routeLayers,
  flight: flightData,
  seas,
  newsletter,
  bundledId,
  masthead,
  offlineNewsletter,
  onStoryEdit,
  openStore,
}: {
  /** The newsletter as shown: the review's choices and the story edits applied. */
  atlas: Atlas;
  /** The newsletter shown, as the library names it. */
  newsletter: ShownNewsletter;
  /** The id of the newsletter that ships with the app, which URLs leave out. */
  bundledId: string;
  /** The library's list and the import, shown in the masthead. */
  masthead?: ReactNode;
  /** What an offline copy made now carries of the newsletter, when it is not the bundled one. */
  offlineNewsletter?: () => EmbeddedNewsletter | null;
  /** Keeps a reader's change to the stories (merge, split, retitle); none: the stories cannot be edited. */
  onStoryEdit?: (edit: StoryEdit) => void;
  /** For a geoparsed newsletter: the review's groups, candidates and choices (none: nothing to review). */
  review?: ReviewState & { original: Atlas };
  /** The page's library store (the shell's): the tour keeps its saved tour and theme there, the offline copy carries them. */
  openStore: () => Promise<LibraryStore>;
  loadTopology: LoadTopology;
  /** data/geo/route-layers.csv: the flight (always drawn, played back, offers the polar view), the routes drawn on opening. */
  routeLayers: RouteLayers;
  /** The flight's route with its moments, documented lengths and clocks (core loadFlight). */
  flight: FlightData | null;
  /** data/geo/seas.csv: ocean and sea names for the map. */
  seas?: readonly SeaLabel[];
}) {
  const [reviewing, setReviewing] = useState(false);
  const painted = usePainted();
  const listed = painted || atlas.stories.length < LIST_LATER_FROM;
  /** A story that mentions the flight offers the polar view and the playback. */
  const flightId = routeLayers.flight;
  const places = useMemo(() => mapPlaces(atlas), [atlas]);
  const routes = useMemo(() => mapRoutes(atlas), [atlas]);
  const infos = useMemo(() => storyInfos(atlas), [atlas]);
  // What search looks in is made once the page is idle, after the first marker.
  useEffect(() => warmHaystacks(infos), [infos]);
  const summaries = useMemo(() => new Map(atlas.places.map((s) => [s.place.id, s])), [atlas]);
  /** Places only the polar map can show (the Pole): choosing one opens the polar view. */
  const polarOnly = useMemo(() => beyondMercator(atlas), [atlas]);

  // Flight playback: the flight's track, its moments, and a clock the plane follows.
  const flight = useMemo(
    () =>
      flightData && {
        ...flightData,
        track: buildTrack(flightData.route.waypoints),
        clock: new PlaybackClock(),
      },
    [flightData],
  );
  const plane = useMemo<PlaneFeed | null>(
    () => (flight ? { track: flight.track, clock: flight.clock } : null),
    [flight],
  );

  const [bounds, setBounds] = useState<GeoBounds | null>(null);
  const [online, setOnline] = useState(false);
  const [basemapError, setBasemapError] = useState<string | null>(null);
  const [view, setView] = useState<ViewRequest | null>(null);
  const [focusPanel, setFocusPanel] = useState(false);
  const seq = useRef(0);
  /** The element to give focus back to when the place panel closes. */
  const panelOpener = useRef<HTMLElement | null>(null);
  /** The story whose list button gets focus once the list is shown again (StoryList draws its row first). */
  const [returnFocus, setReturnFocus] = useState<number | null>(null);
  const focusReturned = useCallback(() => setReturnFocus(null), []);

  // View requests: fit a set of points, or centre on one. All points go: the map leaves out what
  // its projection cannot show (Mercator, the Pole), the polar map shows them.
  const fit = useCallback((points: Position[]) => {
    setView({ seq: ++seq.current, kind: 'fit', points });
  }, []);
  const showPlace = useCallback(
    (id: string) => {
      const place = summaries.get(id)?.place;
      if (!place) return;
      const points = placePoints(atlas, place);
      if (points.length > 1) fit(points);
      else setView({ seq: ++seq.current, kind: 'center', point: points[0]! });
    },
    [atlas, summaries, fit],
  );
  const showStory = useCallback(
    (story: number) => {
      const points = infos[story]?.places.flatMap((p) => placePoints(atlas, p.place)) ?? [];
      fit(points);
    },
    [atlas, infos, fit],
  );

  // Restore the view of the URL on load and on back/forward.
  const showState = useCallback(
    (s: AtlasState) => {
      if (s.place !== null) showPlace(s.place);
      else if (s.story !== null) showStory(s.story);
    },
    [showPlace, showStory],
  );
  const onRestore = useCallback(
    (s: AtlasState) => {
      setFocusPanel(false);
      showState(s);
    },
    [showState],
  );
  // The state a URL restores (the story, the place, the map view, the search, the routes, the
  // tour's slide, the newsletter), kept in step with the address and the history.
  const context = useMemo(
    () => stateContext(atlas, routeLayers, polarOnly, bundledId),
    [atlas, routeLayers, polarOnly, bundledId],
  );
  const { state, dispatch, notice, dismissNotice } = useAtlasState(context, onRestore);
  const polar = shownPolar(state);
  const initial = useRef(state);
  const bundled = newsletter.bundled;
  // Once per newsletter shown: an edit to its stories changes the atlas, not the view. The map
  // moves there once its first markers are painted (fitting thousands of places waits for their
  // layout), with the atlas of that moment.
  const showInitial = useRef<() => void>(() => {});
  useEffect(() => {
    showInitial.current = () => {
      const s = initial.current;
      // A newsletter the reader brought opens on its own places (the bundled one on its world view).
      if (!bundled && s.place === null && s.story === null)
        fit(atlas.places.flatMap((p) => placePoints(atlas, p.place)));
      else showState(s);
    };
  }, [showState, bundled, atlas, fit]);
  useEffect(() => afterPaint(() => showInitial.current()), []);

  // Which routes are drawn: the flight always; the others as route-layers.csv and the reader choose.
  const shownRoutes = useMemo<ReadonlySet<string>>(() => new Set(state.routes), [state.routes]);
  const drawnRoutes = useMemo(() => routes.filter((r) => shownRoutes.has(r.id)), [routes, shownRoutes]);
  const showRoute = useCallback(
    (id: string, on: boolean) => dispatch({ type: 'showRoute', id, on }),
    [dispatch],
  );

  // The classroom tour moves the map through these (issue #4).
  const [tourPlane, setTourPlane] = useState(false);
  const [tourContext, setTourContext] = useState<readonly ContextFeature[]>([]);
  const [tourPlaces, setTourPlaces] = useState<readonly string[]>([]);
  const tourMap = useMemo<TourMap>(
    () => ({
      fit,
      setPolar: (on) => dispatch({ type: 'slidePolar', polar: on }),
      showPlane: setTourPlane,
      showContext: setTourContext,
      setPlaces: setTourPlaces,
    }),
    [fit, dispatch],
  );
  const tourActions = useMemo(
    () => ({
      open: () => dispatch({ type: 'openTour' }),
      slide: (n: number) => dispatch({ type: 'slide', slide: n }),
      presenterSlide: (n: number) => dispatch({ type: 'presenterSlide', slide: n }),
      close: () => dispatch({ type: 'closeTour' }),
    }),
    [dispatch],
  );
  const tourUrl = useMemo<TourUrl>(
    () => ({ ...tourActions, present: state.present, presenter: state.presenter }),
    [tourActions, state.present, state.presenter],
  );

  const selectPlace = useCallback(
    (id: string, opener?: HTMLElement) => {
      panelOpener.current = opener ?? markerElement(id);
      setFocusPanel(true);
      dispatch({ type: 'selectPlace', place: id });
    },
    [dispatch],
  );

  const closePlace = useCallback(() => {
    const id = state.place;
    dispatch({ type: 'closePlace' });
    const opener = panelOpener.current;
    panelOpener.current = null;
    requestAnimationFrame(() => {
      const target = opener && opener.isConnected ? opener : id ? markerElement(id) : null;
      target?.focus();
    });
  }, [dispatch, state.place]);

  const openStory = useCallback(
    (story: number) => {
      dispatch({ type: 'openStory', story });
      showStory(story);
    },
    [dispatch, showStory],
  );

  const closeStory = useCallback(() => {
    setReturnFocus(state.story);
    dispatch({ type: 'closeStory' });
  }, [dispatch, state.story]);

  // Esc closes the place panel first, then the story.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      if (state.place !== null) closePlace();
      else if (state.story !== null) closeStory();
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [state, closePlace, closeStory]);

  // The search and the map-view filter live in the URL; typing replaces the history entry.
  const { query, onlyInView } = state;
  const setQuery = useCallback((q: string) => dispatch({ type: 'query', query: q }), [dispatch]);
  const setOnlyInView = useCallback((on: boolean) => dispatch({ type: 'onlyInView', on }), [dispatch]);
  // The stories the search finds: the list shows those on the map view (when asked), and the map
  // shows their places (and the selected place). The search box shows each keystroke at once; the
  // list follows the query once the letter typed is painted (a 1 MB newsletter has thousands of
  // stories and places), a keystroke typed meanwhile interrupting it, and the map once typing pauses.
  const searched = useAfterPaint(query);
  const allStories = useMemo(() => atlas.stories.map((s) => s.index), [atlas]);
  const matching = useMemo(
    () => (searched.trim() === '' ? allStories : allStories.filter((i) => matchesQuery(infos[i]!, searched))),
    [allStories, infos, searched],
  );
  const shown = useMemo(
    () => matching.filter((i) => !onlyInView || bounds === null || storyInView(atlas, infos[i]!, bounds)),
    [atlas, infos, matching, onlyInView, bounds],
  );
  // The map's markers follow the search once typing pauses: drawing a large newsletter's markers
  // again on every keystroke would hold up the next one.
  const mapSearched = useSettled(searched, MAP_SEARCH_PAUSE_MS);
  const searchedPlaces = useMemo<ReadonlySet<string> | null>(() => {
    if (mapSearched.trim() === '') return null;
    const found = allStories.filter((i) => matchesQuery(infos[i]!, mapSearched));
    const ids = new Set(found.flatMap((i) => infos[i]!.places.map((p) => p.place.id)));
    if (state.place !== null) ids.add(state.place);
    return ids;
  }, [allStories, infos, mapSearched, state.place]);

  const togglePolar = useCallback(() => dispatch({ type: 'setPolar', polar: !polar }), [dispatch, polar]);
  const showPolar = useCallback(() => dispatch({ type: 'setPolar', polar: true }), [dispatch]);

  const story = state.story !== null ? atlas.stories[state.story] : undefined;
  const summary = state.place !== null ? summaries.get(state.place) : undefined;
  // On a phone the sidebar (the list, the open story) is a bottom sheet under the map.
  const sheet = useSheet();
  const flightStory = story !== undefined && infos[story.index]!.mentions.some((m) => m.placeId === flightId);
  // The places the map picks out (Tab goes through them first, in this order): the slide's, else
  // the open story's in text order, else the open place.
  const storyIndex = story?.index;
  const emphasis = useMemo<MapEmphasis | null>(() => {
    if (tourPlaces.length) return { places: tourPlaces, note: 'on this slide' };
    if (storyIndex !== undefined) {
      const inOrder = [...new Set(infos[storyIndex]!.mentions.map((m) => m.placeId))];
      return { places: inOrder, note: 'in this story' };
    }
    if (state.place !== null) return { places: [state.place], note: 'the open place' };
    return null;
  }, [tourPlaces, storyIndex, infos, state.place]);

  return (
    <div className="app">
      <a className="skip-link" href="#map">
        Skip to map
      </a>
      <aside id="sidebar" className={`sidebar sheet-${sheet.state}`}>
        <SheetHandle
          label={story ? 'Story' : 'Stories'}
          shows={story?.title ?? 'Stories'}
          controls="sidebar"
          state={sheet.state}
          onChange={sheet.setState}
        />
        <header className="masthead">
          <h1>Newsletter Atlas</h1>
          <p>
            {newsletter.title}
            {newsletter.date ? ` · ${newsletter.date}` : ''} · {atlas.places.length} places
          </p>
          {masthead}
          <Present
            atlas={atlas}
            flight={flight}
            map={tourMap}
            polar={polar}
            url={tourUrl}
            loadTopology={loadTopology}
            openStore={openStore}
          />
          <OfflineDownload name={newsletter.id} newsletter={offlineNewsletter} openStore={openStore} />
          {review && review.items.length > 0 && (
            <button
              type="button"
              className="review-open"
              aria-expanded={reviewing}
              onClick={() => setReviewing((r) => !r)}
            >
              Review ({review.items.length})
            </button>
          )}
        </header>
        {!listed && (
          <p className="count" role="status">
            Listing {pluralize(atlas.stories.length, 'story', 'stories')}…
          </p>
        )}
        {listed && (
          <StoryList
            stories={atlas.stories}
            infos={infos}
            shown={shown}
            query={query}
            onQuery={setQuery}
            onlyInView={onlyInView}
            onOnlyInView={setOnlyInView}
            onOpen={openStory}
            hidden={story !== undefined}
            returnFocus={returnFocus}
            onFocusReturned={focusReturned}
          />
        )}
        {story && (
          <StoryReader
            atlas={atlas}
            story={story}
            mentions={infos[story.index]!.mentions}
            onMention={(id, button) => {
              selectPlace(id, button);
              showPlace(id);
            }}
            onClose={closeStory}
            polarNote={flightStory}
            polar={polar}
            onPolar={showPolar}
            polarOnly={polarOnly}
            onStoryEdit={onStoryEdit}
            playback={
              flightStory && flight ? (
                <Suspense fallback={<p role="status">Loading the flight's playback…</p>}>
                  <FlightPlayback
                    track={flight.track}
                    moments={flight.moments}
                    figures={flight.figures}
                    clocks={flight.clocks}
                    clock={flight.clock}
                  />
                </Suspense>
              ) : undefined
            }
          />
        )}
      </aside>
      <main className="map-area" id="map" tabIndex={-1} aria-label="Map">
        <div className="map-frame">
          <AtlasMap
            places={places}
            shown={searchedPlaces}
            routes={drawnRoutes}
            selectedPlaceId={state.place}
            onSelectPlace={selectPlace}
            onBoundsChange={setBounds}
            view={view}
            loadTopology={loadTopology}
            online={online}
            onBasemapError={setBasemapError}
            projection={polar ? 'polar' : 'mercator'}
            plane={flightStory || tourPlane ? plane : null}
            onPolar={showPolar}
            context={tourContext}
            emphasis={emphasis}
            seas={seas}
          />
          {notice && (
            <p className="url-notice" role="status">
              {notice}{' '}
              <button type="button" onClick={dismissNotice}>
                Dismiss
              </button>
            </p>
          )}
          {basemapError && (
            <p className="map-note" role="status">
              {basemapError}
            </p>
          )}
          {reviewing && review && (
            <Suspense fallback={<p role="status">Loading the review…</p>}>
              <LazyReviewPanel
                atlas={review.original}
                items={review.items}
                candidates={review.review.candidates}
                choices={review.choices}
                onChoose={review.choose}
                onUndo={review.undo}
                search={review.review.search}
                resolve={review.resolve}
                onClose={() => setReviewing(false)}
                loadTopology={loadTopology}
              />
            </Suspense>
          )}
          {summary && (
            <PlacePanel
              atlas={atlas}
              summary={summary}
              onOpenStory={openStory}
              onClose={closePlace}
              focusOnOpen={focusPanel}
              onPolar={
                !polar && polarOnly.has(summary.place.id)
                  ? () => {
                      showPolar();
                      showPlace(summary.place.id);
                    }
                  : undefined
              }
            />
          )}
        </div>
        <MapControls
          routes={routes}
          shown={shownRoutes}
          fixed={flightId}
          onShow={showRoute}
          onRoute={(id) => {
            showRoute(id, true);
            fit(routes.find((r) => r.id === id)?.lines[0] ?? []);
          }}
          online={online}
          onOnline={setOnline}
          polar={polar}
          onPolar={togglePolar}
        />
      </main>
    </div>
  );
}
