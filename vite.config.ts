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
        plugins: [react(), await singleFile(), offlineMarker()],
        build: { target: 'es2022', sourcemap: false, outDir: OFFLINE_OUT_DIR, copyPublicDir: false },
      }
    : {
        base: './',
        plugins: [react(), offlineCopy()],
        build: {
          target: 'es2022',
          sourcemap: false,
        },
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
