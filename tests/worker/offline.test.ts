/**
 * The offline copy's build carries no geoparse worker: vite.config.ts's no-worker-offline plugin
 * gives src/worker/client.ts the stand-in spawn.offline.ts, so neither the worker's chunk nor the
 * 14 MB gazetteer it names is bundled (or inlined into the single file).
 */
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
import { noWorkerOffline } from '../../vite.config';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Bundles the client as a library, in memory, with the given plugins: every output file by name. */
async function bundleClient(plugins: ReturnType<typeof noWorkerOffline>[]) {
  const output = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    plugins,
    build: {
      write: false,
      minify: false,
      lib: { entry: join(ROOT, 'src/worker/client.ts'), formats: ['es'], fileName: 'client' },
    },
  });
  const result = (Array.isArray(output) ? output[0] : output) as Rolldown.RolldownOutput;
  return result.output.map((o) => ({ name: o.fileName, text: o.type === 'chunk' ? o.code : '' }));
}

describe('the offline build of the geoparse client', () => {
  it('bundles the stand-in, not the worker', async () => {
    const files = await bundleClient([noWorkerOffline()]);
    const code = files.map((f) => f.text).join('\n');
    expect(code).toContain('the offline copy cannot find places in a new newsletter');
    expect(code).not.toContain('geoparse.worker');
    expect(code).not.toContain('openGazetteer');
    expect(files.map((f) => f.name).filter((n) => /worker|places/.test(n))).toEqual([]);
  }, 60_000);

  it('bundles the worker without it (the served build)', async () => {
    const files = await bundleClient([]);
    const all = files.map((f) => `${f.name}\n${f.text}`).join('\n');
    expect(all).toContain('geoparse.worker');
    expect(all).not.toContain('the offline copy cannot find places');
  }, 60_000);
});
