/**
 * An honest flight on every map (issue 11) in headless Chromium: Web Mercator cannot show the
 * Pole, so the ANT-25 route is cut where it leaves the map (no line pulled along the top edge)
 * and a mark there opens the polar view; the Pole is no marker on Mercator, and its mention in
 * the reader opens the polar view; the tour shows the flight's slides (the title included) on the
 * polar map. Screenshots at 1366×800, 375×812 and 1920×1080 (tests/browser/out/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseContext, parseRoute } from '../../src/core';
import {
  MARKER,
  markerLabels,
  noBrowser,
  OUT_DIR,
  reader,
  storyButtons,
  useAtlas,
  searchStories,
} from './harness';

const ANT25 = 'path.route-ant25-1937';
const CUT = 'button.cut-mark-button';
const TOGGLE = '.map-controls button[aria-pressed]';
const DIALOG = '[role="dialog"][aria-label^="Tour"]';

/** The map the page shows now: 'polar' or 'mercator' (waits for one to be there). */
async function shownMap(page: Page): Promise<'polar' | 'mercator'> {
  await page.locator('.atlas-map').first().waitFor();
  return (await page.locator('.atlas-map-polar').count()) > 0 ? 'polar' : 'mercator';
}

/** Every segment of the drawn ANT-25 pieces, in screen pixels (the path's d through its CTM). */
async function routeSegments(page: Page) {
  await page.locator(ANT25).first().waitFor({ state: 'attached' });
  return page.locator(ANT25).evaluateAll((els) =>
    els.flatMap((el) => {
      const path = el as SVGPathElement;
      const m = path.getScreenCTM();
      if (!m) return [];
      const out: [number, number, number, number][] = [];
      // Leaflet writes "M x y L x y L …" (and "M" again for each part).
      for (const part of (path.getAttribute('d') ?? '').split('M').filter((s) => s.trim())) {
        const pts = part
          .split('L')
          .map((xy) => xy.trim().split(/[ ,]+/).map(Number))
          .filter((p) => p.length >= 2 && p.every(Number.isFinite))
          .map(([x, y]) => [m.a * x! + m.c * y! + m.e, m.b * x! + m.d * y! + m.f] as const);
        for (let i = 1; i < pts.length; i++)
          out.push([pts[i - 1]![0], pts[i - 1]![1], pts[i]![0], pts[i]![1]]);
      }
      return out;
    }),
  );
}

/** The map's zoom, read from Leaflet's zoom proxy (its scale is 2^(zoom - 1) on both maps). */
async function zoomOf(page: Page): Promise<number> {
  const transform = await page.locator('.leaflet-proxy').evaluate((e) => (e as HTMLElement).style.transform);
  const scale = Number(/scale\(([\d.e+-]+)\)/.exec(transform)?.[1] ?? NaN);
  return 1 + Math.log2(scale);
}

/** Presses + on the focused map until the zoom-in button is disabled; returns the zoom then. */
async function zoomAllTheWayIn(page: Page): Promise<number> {
  const zoomIn = page.locator('.leaflet-control-zoom-in');
  await page.locator('.atlas-map').focus();
  for (let i = 0; i < 20 && !(await zoomIn.getAttribute('class'))?.includes('leaflet-disabled'); i++) {
    await page.keyboard.press('Equal');
    await settle(page);
  }
  expect(await zoomIn.getAttribute('class')).toContain('leaflet-disabled');
  return zoomOf(page);
}

/** Waits until the map stops moving (flyTo animates): the map pane's transform and zoom settle. */
async function settle(page: Page) {
  const read = () =>
    page.evaluate(
      () =>
        `${document.querySelector<HTMLElement>('.leaflet-map-pane')?.style.transform}|${document.querySelector<HTMLElement>('.leaflet-proxy')?.style.transform}`,
    );
  // Stable over three reads (a fly-to may start a frame or two after the request).
  let last = await read();
  let stable = 0;
  for (let i = 0; i < 60 && stable < 3; i++) {
    await page.waitForTimeout(150);
    const now = await read();
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
}

const ROUTES_DIR = new URL('../../data/geo/routes/', import.meta.url);
const waypoints = parseRoute(readFileSync(new URL('ant25-1937.csv', ROUTES_DIR), 'utf8'), 'ant25-1937.csv');
const context = parseContext(
  readFileSync(new URL('ant25-1937.context.csv', ROUTES_DIR), 'utf8'),
  'ant25-1937.context.csv',
  waypoints,
);

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const centre = (b: Box) => [b.x + b.width / 2, b.y + b.height / 2] as const;

/**
 * Take-off and landing have room: the plane (at the moment's place) is inside the map and clear of
 * its controls (zoom buttons, attribution, north arrow); the plane is drawn under the markers. At
 * the landing, the context of data/ is drawn and the north arrow points as north lies on the map.
 */
async function checkFraming(page: Page, id: string) {
  const map = (await page.locator('.atlas-map').boundingBox())!;
  const plane = (await page.locator('.plane-marker').boundingBox())!;
  expect(plane.x, id).toBeGreaterThanOrEqual(map.x);
  expect(plane.y, id).toBeGreaterThanOrEqual(map.y);
  expect(plane.x + plane.width, id).toBeLessThanOrEqual(map.x + map.width);
  expect(plane.y + plane.height, id).toBeLessThanOrEqual(map.y + map.height);
  const controls = await page
    .locator('.leaflet-control-container .leaflet-control')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box));
  for (const c of controls)
    expect(overlaps(plane, c), `${id}: plane under a control ${JSON.stringify(c)}`).toBe(false);
  const z = await page.evaluate(() =>
    ['.leaflet-plane-pane', '.leaflet-marker-pane', '.leaflet-tooltip-pane'].map((sel) =>
      Number(getComputedStyle(document.querySelector(sel)!).zIndex),
    ),
  );
  expect(z[0]!, 'plane pane under the markers and labels').toBeLessThan(Math.min(z[1]!, z[2]!));
  if (id !== 'flight-9') return;
  const landing = context.filter((f) => f.waypoint === waypoints.length - 1);
  expect(landing.length).toBeGreaterThan(0);
  expect(await page.locator('path.context-river').count()).toBe(
    landing.filter((f) => f.kind === 'river').length,
  );
  const readCities = () =>
    page.locator('path.context-city').evaluateAll((els) =>
      els.map((e) => ({
        id: e.getAttribute('data-context'),
        box: e.getBoundingClientRect().toJSON() as Box,
      })),
    );
  const cities = await readCities();
  expect(cities.length).toBe(landing.filter((f) => f.kind === 'city').length);
  const labels = await page.locator('.context-label').allInnerTexts();
  for (const f of landing) expect(labels).toContain(f.name);
  // The arrow against the map itself: the screen direction from the southern city to the northern.
  const byLat = landing.filter((f) => f.kind === 'city').sort((a, b) => a.points[0]![1]! - b.points[0]![1]!);
  const [dLon, dLat] = [
    byLat.at(-1)!.points[0]![0]! - byLat[0]!.points[0]![0]!,
    byLat.at(-1)!.points[0]![1]! - byLat[0]!.points[0]![1]!,
  ];
  // That direction is not exactly north: take off its bearing east of north (small, flat-earth).
  const bearing =
    (Math.atan2(dLon * Math.cos((byLat[0]!.points[0]![1]! * Math.PI) / 180), dLat) * 180) / Math.PI;
  const screenAngle = async () => {
    const now = await readCities();
    const [south, north] = [byLat[0]!, byLat.at(-1)!].map((f) => centre(now.find((c) => c.id === f.id)!.box));
    return (Math.atan2(north![0] - south![0], -(north![1] - south![1])) * 180) / Math.PI;
  };
  const arrowAngle = async () => Number(await page.locator('.north-arrow').getAttribute('data-angle'));
  // Polled: the map may still be flying to the landing.
  const error = async () => {
    const diff = (await screenAngle()) - bearing - (await arrowAngle());
    return Math.abs(((diff + 540) % 360) - 180);
  };
  await expect.poll(error, { message: `bearing ${bearing}°`, timeout: 10_000 }).toBeLessThan(5);
  const arrow = await arrowAngle();
  // On the polar map at the landing, north is far from straight up.
  expect(Math.abs(arrow)).toBeGreaterThan(45);
}

describe.skipIf(noBrowser)('An honest flight on every map (production build)', () => {
  const atlas = useAtlas();

  it('cuts the flight on Mercator where it leaves for the Pole, with a mark that opens the polar view', async () => {
    for (const [width, height] of [
      [1366, 800],
      [375, 812],
      [1920, 1080],
    ] as const) {
      const { page } = await atlas.open('/', { width, height, mobile: width < 600 });
      // A mark is shown on the map where the route goes off it (at the view's top when the cut is
      // above the view).
      const marks = page.locator(CUT);
      await marks.first().waitFor({ state: 'attached' });
      const inside = await marks.evaluateAll((els) => {
        const map = document.querySelector('.atlas-map')!.getBoundingClientRect();
        return els.filter((e) => {
          const r = e.getBoundingClientRect();
          return r.top >= map.top && r.bottom <= map.bottom && r.left >= map.left && r.right <= map.right;
        }).length;
      });
      expect(inside, 'cut marks fully inside the map').toBeGreaterThanOrEqual(1);
      await settle(page);
      await page.screenshot({ path: join(OUT_DIR, `flight-mercator-${width}x${height}.png`) });
      // Zoomed out to the whole world, the marks hang from the cut points themselves, which lie
      // on the drawable limit (85°N): the map's top edge.
      const zoomOut = page.locator('.leaflet-control-zoom-out');
      await page.locator('.atlas-map').focus();
      for (let i = 0; i < 8 && !(await zoomOut.getAttribute('class'))?.includes('leaflet-disabled'); i++) {
        await page.keyboard.press('Minus');
        await settle(page);
      }
      // A map shorter than the whole world (the phone's, above its bottom sheet) pans to its top.
      const pinned = page.locator(`${CUT}.cut-mark-pinned`);
      for (let i = 0; i < 12 && (await pinned.count()) > 0; i++) {
        await page.keyboard.press('ArrowUp');
        await settle(page);
      }
      const segments = await routeSegments(page);
      expect(segments.length).toBeGreaterThan(3);
      const top = await page
        .locator(`${CUT}:not(.cut-mark-pinned)`)
        .evaluateAll((els) =>
          Math.min(...els.map((e) => (e.parentElement as HTMLElement).getBoundingClientRect().top)),
        );
      expect(Number.isFinite(top), 'a mark at a cut point').toBe(true);
      // No long stretch of the route runs along the top edge (the old line along 85°N ran ~178°).
      const along = segments.filter(
        ([x1, y1, x2, y2]) =>
          Math.abs(y1 - top) < 6 && Math.abs(y2 - top) < 6 && Math.hypot(x2 - x1, y2 - y1) > 100,
      );
      expect(along, `segments along the top edge at y=${top}`).toEqual([]);
      // Nothing of it is drawn above the limit either.
      expect(Math.min(...segments.flatMap(([, y1, , y2]) => [y1, y2]))).toBeGreaterThan(top - 2);
      // The Pole is no marker on this map.
      expect((await markerLabels(page)).some((l) => /^North Pole\b/.test(l))).toBe(false);
      expect(await marks.first().getAttribute('aria-label')).toMatch(/polar view/i);
    }
  });

  it('the cut mark is a button: by keyboard it switches to the polar view', async () => {
    const { page } = await atlas.open('/', { width: 1366, height: 800 });
    const mark = page.locator(CUT).first();
    await mark.waitFor();
    await mark.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/[?&]view=polar/);
    expect(await page.locator(TOGGLE).getAttribute('aria-pressed')).toBe('true');
    await page.locator('.atlas-map-polar').waitFor();
    expect(await page.locator(CUT).count()).toBe(0);
  });

  it('a mention of the Pole in the reader says it opens the polar view, and does', async () => {
    const { page } = await atlas.open('/', { width: 1366, height: 800 });
    await searchStories(page, 'Pole');
    const count = await storyButtons(page).count();
    const mention = page.locator('.reader button.mention-polar[data-place="north-pole"]');
    let found = false;
    for (let i = 0; i < count && !found; i++) {
      await storyButtons(page).nth(i).click();
      await reader(page).first().waitFor({ state: 'visible' });
      if (await mention.count()) found = true;
      else {
        await page.keyboard.press('Escape');
        await storyButtons(page).first().waitFor();
      }
    }
    expect(found, 'a story found by "Pole" mentions the North Pole').toBe(true);
    expect(await mention.first().innerText()).toMatch(/polar view/);
    await mention.first().click();
    await page.waitForURL(/[?&]view=polar/);
    expect(new URL(page.url()).searchParams.get('place')).toBe('north-pole');
    await page.locator('.place-panel').waitFor();
    // On the polar map the Pole is a marker, and the map is centred on it.
    await page.locator('.atlas-map-polar').waitFor();
    await expect.poll(async () => (await markerLabels(page)).some((l) => /North Pole/.test(l))).toBe(true);
  });

  it('the tour shows its title slide and every flight slide on the polar map', async () => {
    for (const [width, height] of [
      [1920, 1080],
      [1366, 800],
      [375, 812],
    ] as const) {
      const { page } = await atlas.open('/?present=1', { width, height, mobile: width < 600 });
      const slide = page.locator(`${DIALOG} .tour-slide`);
      await slide.waitFor();
      expect(await slide.getAttribute('data-slide')).toBe('title');
      await expect.poll(() => shownMap(page)).toBe('polar');
      const total = Number((await page.locator(`${DIALOG} .tour-progress`).innerText()).split('/')[1]);
      const seen: string[] = [];
      for (let n = 2; n <= total; n++) {
        await page.keyboard.press('ArrowRight');
        await page.waitForFunction(
          ([sel, want]) =>
            document.querySelector(`${sel} .tour-progress`)?.textContent?.trim().startsWith(`${want} /`),
          [DIALOG, n] as const,
        );
        const id = (await slide.getAttribute('data-slide')) ?? '';
        const map = await shownMap(page);
        seen.push(`${id}:${map}`);
        if (id.startsWith('flight-')) {
          await expect.poll(() => shownMap(page), { message: id }).toBe('polar');
          if (
            id === 'flight-9' ||
            (width === 1920 && seen.filter((s) => s.startsWith('flight-')).length === 1)
          ) {
            await page.locator('.plane-marker').waitFor({ state: 'attached' });
            await settle(page);
            if (id === 'flight-1' || id === 'flight-9') await checkFraming(page, id);
            await page.waitForTimeout(800); // for the screenshot only: the finer basemap loads
            await page.screenshot({ path: join(OUT_DIR, `flight-tour-${id}-${width}x${height}.png`) });
          }
        }
        if (seen.at(-2)?.startsWith('flight-9:')) {
          // Past the landing, its context and north arrow are gone.
          await expect.poll(() => page.locator('.north-arrow').count()).toBe(0);
          expect(await page.locator('.context-river').count()).toBe(0);
        }
        if (width !== 1920 && seen.some((s) => s.startsWith('flight-9'))) break;
      }
      expect(
        seen.some((s) => s.startsWith('flight-')),
        JSON.stringify(seen),
      ).toBe(true);
      if (width === 1920)
        expect(
          seen.some((s) => s.endsWith(':mercator')),
          'stories stay on Mercator',
        ).toBe(true);
    }
  });

  it('zooms no further than the data shows: the 1:50m basemap, or places too close to tell apart', async () => {
    // Over the Vancouver sites (some 60 m apart) the map zooms on until each has its marker.
    const near = await atlas.open('/?place=pearson-field', { width: 1366, height: 800 });
    await near.page.locator('.place-panel').waitFor();
    await settle(near.page);
    const deep = await zoomAllTheWayIn(near.page);
    expect(deep).toBeGreaterThan(8);
    expect(deep).toBeLessThanOrEqual(17);
    const labels = await markerLabels(near.page);
    expect(
      labels.some((l) => l.startsWith('Cluster of')),
      JSON.stringify(labels),
    ).toBe(false);

    const { page } = await atlas.open('/', { width: 1366, height: 800 });
    const start = await zoomOf(page);
    const most = await zoomAllTheWayIn(page);
    expect(most).toBeGreaterThan(start);
    // About 430 m a pixel at 45°N: the 1:50m coasts are a few strokes; no blank beige beyond.
    expect(most).toBeLessThanOrEqual(8);
    await page.locator(TOGGLE).click();
    await page.locator('.atlas-map-polar').waitFor();
    await settle(page);
    expect(await zoomAllTheWayIn(page)).toBeLessThanOrEqual(7);
  });

  it('the place panel of the Pole on Mercator offers the polar view', async () => {
    const { page } = await atlas.open('/?place=north-pole', { width: 1366, height: 800 });
    const offer = page.locator('.place-panel .polar-note button');
    await offer.waitFor();
    // The world map does not fly to where it cannot draw the place (an empty ocean): it keeps
    // showing places.
    await settle(page);
    const map = (await page.locator('.atlas-map').first().boundingBox())!;
    const inView = await page.locator(MARKER).evaluateAll(
      (els, m) =>
        els.filter((e) => {
          const r = e.getBoundingClientRect();
          return r.right > m.x && r.left < m.x + m.width && r.bottom > m.y && r.top < m.y + m.height;
        }).length,
      map,
    );
    expect(inView).toBeGreaterThan(5);
    await offer.click();
    await page.waitForURL(/[?&]view=polar/);
    expect(new URL(page.url()).searchParams.get('place')).toBe('north-pole');
  });
});
