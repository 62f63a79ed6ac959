import { execFileSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, defineConfig, type Plugin, type PluginOption } from 'vite';
import react from '@vitejs/plugin-react';

/** The single-file offline copy, next to the served app (see docs/offline-copy.md). */
export const OFFLINE_FILE = 'newsletter-atlas-offline.html';
const OFFLINE_OUT_DIR = 'dist-offline';

/**
 * After the normal build has written dist/, builds the app again in `offline` mode (everything
 * inlined into one HTML file) and copies that file to dist/newsletter-atlas-offline.html, where
 * the "Download for offline" button fetches it. So `npm run build` and `npm test` always have it.
 */
function offlineCopy(): Plugin {
  let outDir = 'dist';
  let root = process.cwd();
  return {
    name: 'newsletter-atlas:offline-copy',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await build({ root, mode: 'offline', logLevel: 'warn', configFile: resolve(root, 'vite.config.ts') });
      copyFileSync(join(root, OFFLINE_OUT_DIR, 'index.html'), join(outDir, OFFLINE_FILE));
      rmSync(join(root, OFFLINE_OUT_DIR), { recursive: true, force: true });
    },
  };
}

/** Marks the single-file build, so the download button can tell it from a dev server's fallback page. */
function offlineMarker(): Plugin {
  return {
    name: 'newsletter-atlas:offline-marker',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { name: 'newsletter-atlas-build', content: 'offline' },
        injectTo: 'head',
      },
    ],
  };
}

/**
 * The broad gazetteer the geoparse worker fetches (src/worker/geoparse.worker.ts names
 * data/compiled/places.bin with `new URL(..., import.meta.url)`, so Vite emits it as an asset of
 * the build and serves it in dev): compiled first when it is missing or its inputs changed, as
 * `npm run gazetteer -- --if-stale` does, so `npm start` and `npm run build` work on a fresh clone.
 */
function broadGazetteer(): Plugin {
  let root = process.cwd();
  return {
    name: 'newsletter-atlas:broad-gazetteer',
    configResolved(config) {
      root = config.root;
    },
    buildStart() {
      execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/gazetteer/build.ts', '--if-stale'], {
        cwd: root,
        stdio: 'inherit',
      });
    },
  };
}

/**
 * The offline copy carries no geoparse worker: src/worker/client.ts gets spawn.offline.ts, whose
 * worker says it cannot run there, so neither the worker's chunk nor the 7.8 MB gazetteer is
 * inlined into the single file (docs/offline-copy.md).
 */
export function noWorkerOffline(): Plugin {
  return {
    name: 'newsletter-atlas:no-worker-offline',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './spawn' && importer?.replaceAll('\\', '/').endsWith('/src/worker/client.ts')) {
        return resolve(importer, '../spawn.offline.ts');
      }
      return null;
    },
  };
}

/** vite-plugin-singlefile, loaded only for the offline build; a checkout without it says what to run. */
async function singleFile(): Promise<PluginOption> {
  try {
    const { viteSingleFile } = await import('vite-plugin-singlefile');
    return viteSingleFile();
  } catch (e) {
    throw new Error(
      `vite.config.ts: the offline copy needs vite-plugin-singlefile, which is not installed ` +
        `(${e instanceof Error ? e.message : String(e)}). Run \`npm ci\` (package-lock.json lists it).`,
    );
  }
}

// Relative base so the production build also works from any sub-path.
export default defineConfig(async ({ mode }) =>
  mode === 'offline'
    ? {
        base: './',
        // Everything (JS, CSS, the basemap, the lazy polar map and tour) inlined into one index.html.
        plugins: [react(), noWorkerOffline(), await singleFile(), offlineMarker()],
        build: { target: 'es2022', sourcemap: false, outDir: OFFLINE_OUT_DIR, copyPublicDir: false },
      }
    : {
        base: './',
        plugins: [react(), broadGazetteer(), offlineCopy()],
        // One entry, index.html: the geoparse worker's client (with the worker's chunk and the
        // gazetteer) is loaded by the import view, lazily, so the first marker never waits for it.
        // The worker's browser test and bench build a page of the client alone
        // (tests/browser/worker-page).
        build: { target: 'es2022', sourcemap: false },
        // The geoparse worker is a module worker (`type: 'module'`), with chunks of its own.
        worker: { format: 'es' as const },
        test: {
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**', 'node_modules/**'],
          environment: 'node',
          globalSetup: ['tests/globalSetup.ts'],
          // Some tests run the CLI as a child process: slow on a busy 2-core machine, never a timing test.
          testTimeout: 30_000,
        },
      },
);
