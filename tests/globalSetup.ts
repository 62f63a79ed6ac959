/**
 * Before the unit tests: compiles the broad gazetteer (data/compiled/, git-ignored) when it is
 * missing or older than its inputs, so tests that read it find it on a fresh clone.
 */
import { execFileSync } from 'node:child_process';

export default function setup() {
  execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/gazetteer/build.ts', '--if-stale'], {
    cwd: new URL('../', import.meta.url).pathname,
    stdio: 'inherit',
  });
}
