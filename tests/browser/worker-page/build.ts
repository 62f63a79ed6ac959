/**
 * Builds the worker's test page (tests/browser/worker-page) into `outDir`, as the app's build
 * bundles the client: a module worker with chunks of its own, the broad gazetteer emitted as an
 * asset (data/compiled/places.bin, which `npm run gazetteer` makes).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { ROOT } from '../chromium';

export const WORKER_PAGE = join(ROOT, 'tests/browser/worker-page');

export async function buildWorkerPage(outDir: string): Promise<void> {
  if (!existsSync(join(ROOT, 'data/compiled/places.bin'))) {
    throw new Error(
      'data/compiled/places.bin is missing: run `npm run gazetteer` (or `npx vite build`) first',
    );
  }
  await build({
    configFile: false,
    root: WORKER_PAGE,
    base: './',
    logLevel: 'warn',
    publicDir: false,
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false, minify: true },
  });
}
