/**
 * cli: the geoparse CLI on 10 MB of text with normal lines and the same 10 MB on one line: wall
 * time (median of 3) and peak memory (issue 12).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { seedNewsletter } from './geoparse';
import { ensureGazetteer, line, median, ROOT, round, TARGETS, verdict, type Section } from './runner';

const CLI_BYTES = 10 * 2 ** 20;
const CLI_RUNS = 3;
const GNU_TIME = '/usr/bin/time';
/** Without GNU time: the child writes its own peak memory (KB) to stderr as it exits. */
const MAXRSS_HOOK =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss "+process.resourceUsage().maxRSS+"\\n"))';

/** One `node --import tsx src/cli/geoparse.ts FILE > /dev/null`: wall time and peak memory. */
function runCli(file: string) {
  const gnuTime = existsSync(GNU_TIME);
  const node = [process.execPath, ...(gnuTime ? [] : ['--import', MAXRSS_HOOK])];
  const args = [...node, '--import', 'tsx', join(ROOT, 'src/cli/geoparse.ts'), file];
  const devNull = openSync('/dev/null', 'w');
  const t0 = performance.now();
  const r = gnuTime
    ? spawnSync(GNU_TIME, ['-f', 'maxrss %M', ...args], { cwd: ROOT, stdio: ['ignore', devNull, 'pipe'] })
    : spawnSync(args[0]!, args.slice(1), { cwd: ROOT, stdio: ['ignore', devNull, 'pipe'] });
  const ms = performance.now() - t0;
  closeSync(devNull);
  const stderr = r.stderr.toString();
  if (r.status !== 0) throw new Error(`geoparse exited ${r.status}: ${stderr.trim().split('\n')[0]}`);
  const kb = Number(/maxrss (\d+)/.exec(stderr)?.[1] ?? NaN);
  const notes = stderr.split('\n').filter((l) => l.startsWith('geoparse: note:')).length;
  return { ms, peakMb: round(kb / 1024, 1), notes };
}

function benchCli() {
  // The CLI reads the compiled broad gazetteer: build it first when it is missing or stale.
  ensureGazetteer();
  const { text } = seedNewsletter();
  const copies = Math.ceil(CLI_BYTES / Buffer.byteLength(text + '\n\n'));
  const lines = Array.from({ length: copies }, () => text).join('\n\n');
  const oneLine = lines.replace(/\n/g, ' '); // the same bytes, every line break a space
  const tmp = mkdtempSync(join(tmpdir(), 'atlas-bench-cli-'));
  try {
    const measure = (name: string, content: string) => {
      const path = join(tmp, `${name}.txt`);
      writeFileSync(path, content);
      const runs = Array.from({ length: CLI_RUNS }, () => runCli(path));
      return {
        bytes: Buffer.byteLength(content),
        medianMs: round(median(runs.map((r) => r.ms)), 0),
        peakMb: round(median(runs.map((r) => r.peakMb)), 1),
        notes: runs[0]!.notes,
      };
    };
    const normal = measure('normal-lines', lines);
    const one = measure('one-line', oneLine);
    return {
      copies,
      memory: existsSync(GNU_TIME) ? `${GNU_TIME} -f %M` : 'process.resourceUsage().maxRSS',
      normal,
      oneLine: one,
      ratio: round(one.medianMs / normal.medianMs, 2),
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export const cli: Section<ReturnType<typeof benchCli>> = {
  name: 'cli',
  label: 'cli',
  key: 'cli',
  run: benchCli,
  print(cli) {
    const cliRun = (r: { bytes: number; medianMs: number; peakMb: number } | undefined) =>
      r ? `${r.medianMs} ms, peak ${r.peakMb} MB` : 'not measured';
    line(
      `CLI, ${CLI_BYTES / 2 ** 20} MiB, normal lines (median of ${CLI_RUNS})`,
      cliRun(cli?.normal),
      '',
      '',
    );
    line(`CLI, the same on one line (median of ${CLI_RUNS})`, cliRun(cli?.oneLine), '', '');
    line(
      '  one line / normal lines',
      cli ? `${cli.ratio}×` : 'not measured',
      `< ${TARGETS.cliOneLineRatio}×`,
      verdict(cli?.ratio ?? null, TARGETS.cliOneLineRatio),
    );
  },
};
