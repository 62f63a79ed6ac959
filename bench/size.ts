/** size: every dist/assets/*.js gzipped, the initial JS that dist/index.html loads, and the offline copy. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from '../tests/browser/chromium';
import { ensureBuild, line, OFFLINE_COPY, round, TARGETS, verdict, type Section } from './runner';

function benchSize() {
  ensureBuild();
  const assets = join(DIST, 'assets');
  const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  // The entry script and the chunks it preloads: what the browser fetches before the app runs.
  const initial = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map(
    (m) => m[1]!,
  );
  const kb = (bytes: number) => round(bytes / 1024, 1);
  const offline = join(DIST, OFFLINE_COPY);
  return {
    files: js.map((f) => ({
      file: `assets/${f}`,
      bytes: statSync(join(assets, f)).size,
      gzipBytes: gz(join(assets, f)),
    })),
    allJsGzipKb: kb(js.reduce((n, f) => n + gz(join(assets, f)), 0)),
    initialJs: initial,
    initialJsGzipKb: kb(initial.reduce((n, f) => n + gz(join(DIST, f)), 0)),
    /** CSS and data (the basemap's TopoJSON) are not JS, but a first visit may fetch them too. */
    otherAssets: readdirSync(assets)
      .filter((f) => !f.endsWith('.js'))
      .map((f) => ({ file: `assets/${f}`, gzipKb: kb(gz(join(assets, f))) })),
    /** The whole app in one HTML file (code, CSS, data, both basemaps), as "Download for offline" saves it. */
    offlineCopy: existsSync(offline)
      ? { file: OFFLINE_COPY, bytes: statSync(offline).size, gzipBytes: gz(offline) }
      : null,
  };
}

export const size: Section<ReturnType<typeof benchSize>> = {
  name: 'size',
  label: 'JS size',
  key: 'size',
  run: benchSize,
  print(size) {
    line(
      'initial JS, gzipped',
      size ? `${size.initialJsGzipKb} KB` : 'not measured',
      `< ${TARGETS.initialJsKb} KB`,
      verdict(size?.initialJsGzipKb ?? null, TARGETS.initialJsKb),
    );
    line('all JS, gzipped', size ? `${size.allJsGzipKb} KB` : 'not measured', '', '');
    for (const a of size?.otherAssets ?? []) line(`  ${a.file}, gzipped`, `${a.gzipKb} KB`, '', '');
    const mb = (bytes: number) => round(bytes / 1e6, 2);
    const offlineCopy = size?.offlineCopy ?? null;
    line(
      'offline copy (one HTML file)',
      offlineCopy ? `${mb(offlineCopy.bytes)} MB (${mb(offlineCopy.gzipBytes)} MB gzipped)` : 'not measured',
      `< ${TARGETS.offlineCopyMb} MB`,
      verdict(offlineCopy ? mb(offlineCopy.bytes) : null, TARGETS.offlineCopyMb),
    );
  },
};
