/**
 * Classroom mode (issue #4): the slides of a tour through a newsletter, and the saved-tour format
 * (the teacher's order, hidden slides, notes and own slides) with a parser that says what is wrong.
 * Pure data: no DOM.
 */
import type { Atlas, RouteData } from './atlas';
import { normalizeText } from './normalize';
import type { Moment } from './routes';
import { sentenceAround } from './mentions';
import type { Mention, Place } from './types';

/** A stretch of text with the places in it marked, as offsets into `text`. */
export interface Snippet {
  text: string;
  marks: { start: number; end: number; placeId: string }[];
  /** Newsletter furniture ("READ ALSO: …", "Read more") in the snippet, as offsets into `text`. */
  furniture?: { start: number; end: number }[];
}

export type SlideKind = 'title' | 'story' | 'flight' | 'custom';

export interface Slide {
  /** Stable id: `title`, `story-<n>` (story index), `flight-<seq>` (waypoint seq), `custom-<n>`. */
  id: string;
  kind: SlideKind;
  title: string;
  /** A line under the title (the newsletter's date, the flight's clock), or ''. */
  subtitle: string;
  snippets: Snippet[];
  /** Gazetteer ids of the places the slide shows, most mentioned first. */
  places: string[];
  /** [lon, lat] points the map fits. */
  points: [number, number][];
  /** Flight slides: the moment of the flight, for the plane. */
  flight?: { route: string; waypoint: number; elapsedMs: number; time: string };
  /**
   * The slide shows a flight over the Pole (a flight slide, a slide naming the flight, the title
   * slide's whole map): the tour shows it on the polar map, as Web Mercator cannot show the Pole.
   */
  polar?: boolean;
}

/** A newsletter sentence budget: a slide is read from the back of a room. */
const MAX_SNIPPETS = 3;
const MAX_SNIPPET_CHARS = 420;
/** A waypoint's newsletter words: sentences naming a place this close to it (km). */
const NEAR_KM = 150;

const pointOf = (p: Place): [number, number] => [p.lon, p.lat];

/** The points a place stands for: a route's waypoints, else its own point. */
export function placePointsOf(atlas: Atlas, place: Place): [number, number][] {
  if (place.kind === 'route') {
    const route = atlas.routes.find((r) => r.place.id === place.id);
    if (route && route.waypoints.length) return route.waypoints.map((w) => [w.lon, w.lat]);
  }
  return [pointOf(place)];
}

function km(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The atlas's mentions sorted by their start (stable: text order kept), made once per atlas, so
 * a snippet finds its marks by a binary search instead of reading every mention of the newsletter
 * (a 1 MB newsletter has thousands of stories, each slide up to three snippets).
 */
const byStart = new WeakMap<readonly Mention[], readonly Mention[]>();
function mentionsByStart(atlas: Atlas): readonly Mention[] {
  let sorted = byStart.get(atlas.mentions);
  if (!sorted) {
    sorted = [...atlas.mentions].sort((a, b) => a.start - b.start);
    byStart.set(atlas.mentions, sorted);
  }
  return sorted;
}

/** The mentions that lie within [from, end), in text order. */
function mentionsWithin(atlas: Atlas, from: number, end: number): Mention[] {
  const sorted = mentionsByStart(atlas);
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Mention[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.start < end; i++) {
    if (sorted[i]!.end <= end) out.push(sorted[i]!);
  }
  return out;
}

/** A sentence [from, to) of the atlas text as a snippet, its mentions marked, cut at a word if long. */
function snippetOf(atlas: Atlas, from: number, to: number, budget = MAX_SNIPPET_CHARS): Snippet {
  let end = to;
  let cut = false;
  if (end - from > budget) {
    const space = atlas.text.lastIndexOf(' ', from + budget);
    end = space > from ? space : from + budget;
    cut = true;
  }
  const marks = mentionsWithin(atlas, from, end).map((m) => ({
    start: m.start - from,
    end: m.end - from,
    placeId: m.placeId,
  }));
  // No-break spaces (common in the newsletter) would wrap a projected line at odd places.
  const text = atlas.text.slice(from, end).replace(/\u00a0/g, ' ');
  const furniture = (atlas.furniture ?? [])
    .filter((f) => f.end > from && f.start < end)
    .map((f) => ({ start: Math.max(f.start, from) - from, end: Math.min(f.end, end) - from }));
  return { text: text + (cut ? ' …' : ''), marks, ...(furniture.length ? { furniture } : {}) };
}

/** Up to three sentences, in text order, within the character budget. */
function pickSentences(atlas: Atlas, ranges: [number, number][]): Snippet[] {
  const unique = [...new Map(ranges.map((r) => [r[0], r])).values()].sort((a, b) => a[0] - b[0]);
  const out: Snippet[] = [];
  let used = 0;
  for (const [from, to] of unique) {
    if (out.length === MAX_SNIPPETS) break;
    const left = MAX_SNIPPET_CHARS - used;
    if (out.length > 0 && to - from > left) continue;
    const s = snippetOf(atlas, from, to, Math.max(left, 80));
    out.push(s);
    used += s.text.length;
  }
  return out;
}

/** The playable flights: routes the newsletter names whose first and last waypoints have a time. */
export function playableRoutes(atlas: Atlas): RouteData[] {
  const named = new Set(atlas.mentions.filter((m) => m.story >= 0).map((m) => m.placeId));
  return atlas.routes.filter(
    (r) =>
      named.has(r.place.id) &&
      r.waypoints.length >= 2 &&
      r.waypoints[0]!.time !== null &&
      r.waypoints[r.waypoints.length - 1]!.time !== null,
  );
}

export interface BuildOptions {
  /** Moments of a playable route (route id → moments), quoted on its flight slides. */
  moments?: ReadonlyMap<string, readonly Moment[]>;
}

/**
 * The default tour: a title slide, one slide per story in newsletter order, and after the first
 * story that names a playable flight, one slide per waypoint of that flight with a time.
 */
export function buildSlides(atlas: Atlas, options: BuildOptions = {}): Slide[] {
  const norm = normalizeText(atlas.text);
  const allPoints = atlas.places
    .filter((s) => s.place.kind !== 'route')
    // The Pole too: the title slide is polar (it shows the flight), and each map fits what it can show.
    .map((s) => pointOf(s.place));
  const newsletter = atlas.newsletter;
  const flights = playableRoutes(atlas);
  const flightIds = new Set(flights.map((r) => r.place.id));
  const slides: Slide[] = [
    {
      id: 'title',
      kind: 'title',
      title: newsletter?.title || 'A newsletter on the map',
      subtitle: newsletter?.date ?? '',
      snippets: [
        {
          text: `${atlas.stories.length} stories, ${atlas.places.length} places named. Use the arrow keys to move through the tour.`,
          marks: [],
        },
      ],
      places: [],
      points: allPoints,
      // The title shows every place, and the flights are always drawn.
      polar: flights.length > 0,
    },
  ];
  const placed = new Set<string>();
  // Each story's mentions in text order, gathered in one pass (not one pass per story).
  const ofStory = new Map<number, Mention[]>();
  for (const m of atlas.mentions) {
    const list = ofStory.get(m.story);
    if (list) list.push(m);
    else ofStory.set(m.story, [m]);
  }

  for (const story of atlas.stories) {
    const mentions = ofStory.get(story.index) ?? [];
    const counts = new Map<string, number>();
    for (const m of mentions) counts.set(m.placeId, (counts.get(m.placeId) ?? 0) + 1);
    const places = [...counts]
      .filter(([id]) => atlas.gazetteer.byId.has(id))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en'))
      .map(([id]) => id);
    // Sentences that name places (past a first line that only repeats the title); else the
    // story's first sentence.
    const lineEnd = atlas.text.indexOf('\n', story.start);
    const firstLine = atlas.text.slice(story.start, lineEnd < 0 ? story.end : lineEnd).trim();
    const bodyStart =
      lineEnd >= 0 && lineEnd < story.end && firstLine === story.title.trim() ? lineEnd + 1 : story.start;
    let ranges: [number, number][] = mentions
      .filter((m) => m.start >= bodyStart)
      .map((m) => [m.snippetStart, m.snippetEnd]);
    if (ranges.length === 0) ranges = mentions.map((m) => [m.snippetStart, m.snippetEnd]);
    if (ranges.length === 0 && bodyStart < story.end) {
      let at = bodyStart;
      while (at < story.end && /\s/.test(atlas.text[at]!)) at++;
      if (at < story.end) ranges = [sentenceAround(atlas.text, norm, at, at + 1)];
    }
    slides.push({
      id: `story-${story.index}`,
      kind: 'story',
      title: story.title,
      subtitle: story.kind === 'headline' ? 'Headline' : '',
      snippets: pickSentences(atlas, ranges),
      places,
      points: places.flatMap((id) => placePointsOf(atlas, atlas.gazetteer.byId.get(id)!)),
      polar: places.some((id) => flightIds.has(id)),
    });
    for (const route of flights) {
      if (placed.has(route.place.id) || !counts.has(route.place.id)) continue;
      placed.add(route.place.id);
      slides.push(...flightSlides(atlas, route, options.moments?.get(route.place.id) ?? []));
    }
  }
  return slides;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "18 Jun 1937, 01:04 UTC" */
function formatUtc(iso: string): string {
  const d = new Date(iso);
  const month = d.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  return `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** "T+24:11" since take-off. */
function formatElapsed(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  return `T+${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** One slide per waypoint of the route that has a time: the moment, its words, the plane there. */
function flightSlides(atlas: Atlas, route: RouteData, moments: readonly Moment[]): Slide[] {
  const stories = new Set(
    atlas.mentions.filter((m) => m.placeId === route.place.id && m.story >= 0).map((m) => m.story),
  );
  const lines = atlas.text.split('\n');
  const lineStarts: number[] = [0];
  for (let i = 0; i < lines.length - 1; i++) lineStarts.push(lineStarts[i]! + lines[i]!.length + 1);
  const start = Date.parse(route.waypoints[0]!.time!);
  const wps = route.waypoints;
  const timed = wps.flatMap((w, i) => (w.time ? [i] : []));

  return timed.map((i, k) => {
    const w = wps[i]!;
    const here: [number, number] = [w.lon, w.lat];
    const time = Date.parse(w.time!);
    // The newsletter's words: the moments at this waypoint; else sentences of the flight's
    // stories naming a place near it; else the latest moment before it.
    const quote = (m: Moment): [number, number] => {
      const from = lineStarts[m.line - 1]! + lines[m.line - 1]!.indexOf(m.quote);
      return [from, from + m.quote.length];
    };
    let ranges = moments.filter((m) => m.waypoint === i).map(quote);
    if (ranges.length === 0) {
      ranges = atlas.mentions
        .filter((m) => stories.has(m.story) && m.placeId !== route.place.id)
        .filter((m) => {
          const p = atlas.gazetteer.byId.get(m.placeId);
          return p !== undefined && p.kind !== 'route' && km(pointOf(p), here) <= NEAR_KM;
        })
        .map((m) => [m.snippetStart, m.snippetEnd]);
    }
    if (ranges.length === 0) {
      const before = moments.filter((m) => m.waypoint <= i).sort((a, b) => a.waypoint - b.waypoint);
      const last = before[before.length - 1];
      if (last) ranges = [quote(last)];
    }
    // The map shows this leg: from the previous timed waypoint to the next one.
    const from = timed[k - 1] ?? i;
    const to = timed[k + 1] ?? i;
    const points = wps.slice(from, to + 1).map((p): [number, number] => [p.lon, p.lat]);
    return {
      id: `flight-${w.seq}`,
      kind: 'flight' as const,
      title: w.name,
      subtitle: `${formatUtc(w.time!)} · ${formatElapsed(time - start)}`,
      snippets: pickSentences(atlas, ranges),
      places: [route.place.id],
      points,
      flight: { route: route.place.id, waypoint: i, elapsedMs: time - start, time: w.time! },
      polar: true,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The saved tour: what the teacher changed, as a small JSON file.

export const TOUR_FORMAT = 'newsletter-atlas-tour';
export const TOUR_VERSION = 1;

export interface SavedSlide {
  id: string;
  hidden?: boolean;
  note?: string;
}

export interface CustomSlide {
  id: string;
  title: string;
  text: string;
  places: string[];
}

export interface SavedTour {
  format: typeof TOUR_FORMAT;
  version: typeof TOUR_VERSION;
  newsletter: string;
  slides: SavedSlide[];
  custom: CustomSlide[];
}

/**
 * The largest saved tour read or imported, in UTF-16 code units of its text (about 1 MB). A tour
 * is a few kilobytes (ids, notes, a few slides of one's own); a bigger file is not a tour, and the
 * browser's storage (about 5 MB for the whole site) could not keep it.
 */
export const MAX_TOUR_SIZE = 1024 * 1024;

/** "1 MB", "50.0 MB", "812 KB": a size for a message. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    const mb = bytes / (1024 * 1024);
    return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  }
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

const CUSTOM_ID = /^custom-(\d+)$/;

/**
 * The id of a new slide of one's own: one more than the largest number among `custom`'s ids,
 * counted exactly (as a BigInt), so that it is unused whatever ids were imported: past 2^53
 * a Number would round onto an id in use, and 400 digits would make it "custom-Infinity".
 */
export function nextCustomId(custom: readonly { id: string }[]): string {
  let most = 0n;
  for (const c of custom) {
    const m = CUSTOM_ID.exec(c.id);
    if (m && BigInt(m[1]!) > most) most = BigInt(m[1]!);
  }
  return `custom-${most + 1n}`;
}

export class TourFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TourFormatError';
  }
}

export interface TourContext {
  /** The newsletter's id (catalog id). */
  newsletter: string;
  /** Ids of the slides built for this newsletter. */
  slideIds: readonly string[];
  /** Gazetteer ids a custom slide may name. */
  placeIds: ReadonlySet<string>;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses a saved tour (an exported file or the browser's copy). Throws TourFormatError naming
 * what is wrong and where; the caller keeps its tour unchanged.
 */
export function parseSavedTour(text: string, ctx: TourContext): SavedTour {
  return readSavedTour(text, ctx).tour;
}

/** A saved tour read, and what was repaired in it (empty when nothing was). */
export interface ReadTour {
  tour: SavedTour;
  /** One sentence per repair, e.g. two custom slides sharing an id. */
  repairs: string[];
}

/**
 * parseSavedTour, saying what it repaired: custom slides that share an id keep the first one's
 * id, the others get new ids (and go to the end of the tour, as the slide list names only one).
 */
export function readSavedTour(text: string, ctx: TourContext): ReadTour {
  if (text.length > MAX_TOUR_SIZE) {
    throw new TourFormatError(
      `it is ${formatSize(text.length)}; a tour file may be at most ${formatSize(MAX_TOUR_SIZE)}`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new TourFormatError(`not a JSON file (${(e as Error).message}); export a tour to see the format`);
  }
  if (!isObject(data))
    throw new TourFormatError('expected a JSON object with "format": "newsletter-atlas-tour"');
  if (data.format !== TOUR_FORMAT) {
    throw new TourFormatError(`"format" is ${JSON.stringify(data.format)}, expected "${TOUR_FORMAT}"`);
  }
  if (data.version !== TOUR_VERSION) {
    throw new TourFormatError(
      `"version" is ${JSON.stringify(data.version)}; this app reads version ${TOUR_VERSION}`,
    );
  }
  if (data.newsletter !== ctx.newsletter) {
    throw new TourFormatError(
      `this tour is for newsletter ${JSON.stringify(data.newsletter)}, not "${ctx.newsletter}"`,
    );
  }
  const customRaw = data.custom ?? [];
  if (!Array.isArray(customRaw)) throw new TourFormatError('"custom" must be a list of slides');
  const custom: CustomSlide[] = customRaw.map((c, i) => {
    const where = `custom[${i}]`;
    if (!isObject(c)) throw new TourFormatError(`${where} must be an object`);
    if (typeof c.id !== 'string' || !CUSTOM_ID.test(c.id)) {
      throw new TourFormatError(`${where}.id must be like "custom-1" (got ${JSON.stringify(c.id)})`);
    }
    if (typeof c.title !== 'string' || c.title.trim() === '') {
      throw new TourFormatError(`${where}.title must be a non-empty text`);
    }
    if (typeof c.text !== 'string') throw new TourFormatError(`${where}.text must be a text`);
    if (!Array.isArray(c.places) || !c.places.every((p) => typeof p === 'string')) {
      throw new TourFormatError(`${where}.places must be a list of place ids`);
    }
    const unknown = c.places.find((p) => !ctx.placeIds.has(p as string));
    if (unknown !== undefined) {
      throw new TourFormatError(`${where}.places: no place has the id ${JSON.stringify(unknown)}`);
    }
    return { id: c.id, title: c.title, text: c.text, places: c.places as string[] };
  });
  // Custom slides that share an id: the first keeps it, the others are renumbered.
  const repairs: string[] = [];
  const taken = new Set<string>(ctx.slideIds);
  for (let i = 0; i < custom.length; i++) {
    const c = custom[i]!;
    if (!taken.has(c.id)) {
      taken.add(c.id);
      continue;
    }
    const id = nextCustomId(custom);
    repairs.push(
      `custom slide "${c.title}" had the id "${c.id}" of another slide; it is now "${id}", at the end of the tour`,
    );
    custom[i] = { ...c, id };
    taken.add(id);
  }
  const known = taken;
  if (!Array.isArray(data.slides)) throw new TourFormatError('"slides" must be a list');
  const seen = new Set<string>();
  const slides: SavedSlide[] = data.slides.map((s, i) => {
    const where = `slides[${i}]`;
    if (!isObject(s)) throw new TourFormatError(`${where} must be an object like {"id": "story-0"}`);
    if (typeof s.id !== 'string') throw new TourFormatError(`${where}.id must be a text`);
    if (!known.has(s.id)) throw new TourFormatError(`${where}: no slide has the id ${JSON.stringify(s.id)}`);
    if (seen.has(s.id)) throw new TourFormatError(`${where}: slide ${JSON.stringify(s.id)} is listed twice`);
    seen.add(s.id);
    if (s.hidden !== undefined && typeof s.hidden !== 'boolean') {
      throw new TourFormatError(`${where}.hidden must be true or false`);
    }
    if (s.note !== undefined && typeof s.note !== 'string') {
      throw new TourFormatError(`${where}.note must be a text`);
    }
    const out: SavedSlide = { id: s.id };
    if (s.hidden) out.hidden = true;
    if (s.note) out.note = s.note;
    return out;
  });
  return {
    tour: { format: TOUR_FORMAT, version: TOUR_VERSION, newsletter: ctx.newsletter, slides, custom },
    repairs,
  };
}

/** The saved form of a tour, as a file's text. */
export function serializeTour(tour: SavedTour): string {
  return `${JSON.stringify(tour, null, 2)}\n`;
}

/** A tour with nothing changed: every built slide in order. */
export function defaultTour(newsletter: string, slides: readonly Slide[]): SavedTour {
  return {
    format: TOUR_FORMAT,
    version: TOUR_VERSION,
    newsletter,
    slides: slides.map((s) => ({ id: s.id })),
    custom: [],
  };
}

/** A slide as the tour shows it: its content, and the teacher's choices. */
export interface TourEntry {
  slide: Slide;
  hidden: boolean;
  note: string;
}

/** A custom slide as a slide: its text, its places marked where named. */
export function customSlide(atlas: Atlas, c: CustomSlide): Slide {
  const marks: Snippet['marks'] = [];
  for (const id of c.places) {
    const place = atlas.gazetteer.byId.get(id);
    if (!place) continue;
    for (const name of [place.name, ...place.aliases]) {
      const at = name ? c.text.indexOf(name) : -1;
      if (at >= 0 && !marks.some((m) => at < m.end && at + name.length > m.start)) {
        marks.push({ start: at, end: at + name.length, placeId: id });
        break;
      }
    }
  }
  marks.sort((a, b) => a.start - b.start);
  return {
    id: c.id,
    kind: 'custom',
    title: c.title,
    subtitle: '',
    snippets: c.text.trim() ? [{ text: c.text, marks }] : [],
    places: c.places,
    points: c.places.flatMap((id) => {
      const p = atlas.gazetteer.byId.get(id);
      return p ? placePointsOf(atlas, p) : [];
    }),
    polar: playableRoutes(atlas).some((r) => c.places.includes(r.place.id)),
  };
}

/**
 * The tour in the teacher's order: saved slides first, as saved; built slides the saved tour
 * does not list (new in the data) after them, in built order.
 */
export function arrangeTour(atlas: Atlas, built: readonly Slide[], saved: SavedTour): TourEntry[] {
  const byId = new Map<string, Slide>(built.map((s) => [s.id, s]));
  for (const c of saved.custom) byId.set(c.id, customSlide(atlas, c));
  const out: TourEntry[] = [];
  const listed = new Set<string>();
  for (const s of saved.slides) {
    const slide = byId.get(s.id);
    if (!slide) continue;
    listed.add(s.id);
    out.push({ slide, hidden: s.hidden === true, note: s.note ?? '' });
  }
  for (const slide of byId.values()) {
    if (!listed.has(slide.id)) out.push({ slide, hidden: false, note: '' });
  }
  return out;
}

/** The saved form of an arranged tour. */
export function savedFromEntries(
  newsletter: string,
  entries: readonly TourEntry[],
  custom: readonly CustomSlide[],
): SavedTour {
  return {
    format: TOUR_FORMAT,
    version: TOUR_VERSION,
    newsletter,
    slides: entries.map((e) => ({
      id: e.slide.id,
      ...(e.hidden ? { hidden: true } : {}),
      ...(e.note ? { note: e.note } : {}),
    })),
    custom: custom.filter((c) => entries.some((e) => e.slide.id === c.id)),
  };
}
