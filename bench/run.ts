/**
 * npm run bench: the figures the issues ask for, printed and written to bench/out/results.json.
 * Each section is a file of its own beside the shared runner (bench/runner.ts):
 *   geoparse        the whole newsletter, warm (median and p95 after warm-up), and 100 copies of it
 *   geoparse-broad  1 MB of news text with the broad gazetteer loaded: ms, MB/s beside a plain
 *                   character loop, and the time of each stage (issue 13)
 *   size            every dist/assets/*.js gzipped, the initial JS that dist/index.html loads, and
 *                   dist/newsletter-atlas-offline.html, the single-file copy (issue #4), gzipped
 *   first-marker    navigation start → first map marker in headless Chromium (median of 7 loads)
 *   import          a file chosen in the import panel → the first marker of that newsletter, 20 KB
 *                   and 1 MB, cold and warm worker; the longest main-thread task for 10 MB (issue 14)
 *   playback        main-thread work per frame while the ANT-25 flight plays (issue #3), with
 *                   long tasks, React commits and the frame interval
 *   pan             main-thread work per frame while the world map, with all its labels, is
 *                   dragged and zoomed by a scripted mouse (issue 11)
 *   scale           the app with a 1 MB newsletter (1,000+ stories, 5,000+ places), CPU 4× slower:
 *                   first marker, search keystroke, marker click and next slide → next paint (issue 14)
 *   cli             the geoparse CLI on 10 MB of text with normal lines and the same 10 MB on one
 *                   line: wall time (median of 3) and peak memory (issue 12)
 * Options: --runs N (geoparse runs, default 200), --loads N (page loads, default 7),
 *          --only NAME (one section; the others are not measured).
 */
import { cli } from './cli';
import { firstMarker } from './first-marker';
import { geoparse } from './geoparse';
import { geoparseBroad } from './geoparse-broad';
import { importBench } from './import';
import { pan } from './pan';
import { playback } from './playback';
import { runBench, type Section } from './runner';
import { scale } from './scale';
import { size } from './size';

await runBench([
  geoparse,
  geoparseBroad,
  size,
  firstMarker,
  importBench,
  playback,
  pan,
  scale,
  cli,
] as Section<unknown>[]);
