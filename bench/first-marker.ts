/** first-marker: navigation start → first map marker in headless Chromium (median of --loads loads). */
import { execFileSync } from 'node:child_process';
import { findChromium, openRecordedPage } from '../tests/browser/chromium';
import {
  ensureBuild,
  line,
  LOADS,
  median,
  ms,
  quantile,
  round,
  TARGETS,
  verdict,
  withChromium,
  type Section,
} from './runner';

/** Runs before the page's scripts; performance.now() counts from the navigation start. */
const FIRST_MARKER_OBSERVER = `
  new MutationObserver(function (_, observer) {
    if (document.querySelector('.leaflet-marker-icon[role="button"][aria-label]')) {
      window.__firstMarker = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
`;

async function benchFirstMarker() {
  const executable = findChromium();
  if (!executable) {
    console.warn('first marker: no Chromium (apt-get install -y chromium, or set CHROME_PATH); not measured');
    return null;
  }
  const ms: number[] = [];
  await withChromium(executable, async (browser, origin) => {
    for (let i = 0; i < LOADS; i++) {
      const { page, context, record } = await openRecordedPage(browser, origin);
      // A string, not a function: tsx would wrap a function's inner helpers in __name(), unknown in the page.
      await page.addInitScript(FIRST_MARKER_OBSERVER);
      await page.goto(origin + '/');
      const handle = await page.waitForFunction(
        () => (window as { __firstMarker?: number }).__firstMarker,
        null,
        {
          timeout: 30_000,
        },
      );
      ms.push(Number(await handle.jsonValue()));
      if (record.blocked.length) console.warn(`blocked outside requests: ${record.blocked.join(' ')}`);
      await context.close();
    }
  });
  return {
    chromium: execFileSync(executable, ['--version'], { encoding: 'utf8' }).trim(),
    loads: LOADS,
    medianMs: round(median(ms), 0),
    p95Ms: round(quantile(ms, 0.95), 0),
    allMs: ms.map((x) => round(x, 0)),
  };
}

export const firstMarker: Section<Awaited<ReturnType<typeof benchFirstMarker>>> = {
  name: 'first-marker',
  label: 'first marker',
  key: 'firstMarker',
  after: 'size',
  run: () => (ensureBuild(), benchFirstMarker()),
  print(firstMarker) {
    line(
      `first marker (median of ${LOADS} loads)`,
      ms(firstMarker ?? undefined),
      `< ${TARGETS.firstMarkerMs} ms`,
      verdict(firstMarker?.medianMs ?? null, TARGETS.firstMarkerMs),
    );
  },
};
