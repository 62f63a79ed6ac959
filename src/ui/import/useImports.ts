/**
 * The import queue: files (picked or dropped) and pasted texts, imported one after another, each
 * with its stage, a Cancel, and its outcome in words. Small and loaded with the page (a file can
 * be dropped at any time); the import itself (importOne.ts, the store, the worker) loads on first use.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LibraryEntry, LibraryStore } from '../../library/store';
import type { GeoparseInput, GeoparseResult, Progress } from '../../worker/client';
import type { Geoparse } from '../library/types';

export type JobState = 'waiting' | 'working' | 'added' | 'duplicate' | 'refused' | 'failed' | 'cancelled';

export interface ImportJob {
  id: number;
  /** The file's name, or "Pasted text". */
  name: string;
  state: JobState;
  /** While working: what it is doing, in words. */
  stage: string | null;
  /** The outcome in words (the reason for a refusal). */
  message: string | null;
  entry: LibraryEntry | null;
}

/** The largest file the app reads: larger ones are refused before they are read. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function stageText(progress: Progress): string {
  switch (progress.stage) {
    case 'gazetteer': {
      const got = progress.received ?? 0;
      return progress.total
        ? `Downloading the place list (${mb(got)} of ${mb(progress.total)})`
        : `Downloading the place list (${mb(got)})`;
    }
    case 'opening':
      return 'Opening the place list';
    case 'reading':
      return 'Reading the file';
    case 'geoparsing':
      return 'Finding the places';
  }
}

export interface ImportDeps {
  store: () => Promise<LibraryStore>;
  geoparse: () => Promise<Geoparse>;
  /** Each newsletter imported or found in the library, with its geoparse result. */
  onImported: (entry: LibraryEntry, result: GeoparseResult, status: 'added' | 'duplicate') => void;
  /**
   * The queue has emptied: `last` is the newsletter to open (the last one imported or found);
   * `clean` is false when one of them was refused or failed (its reason is to stay on screen).
   */
  onDone: (last: { entry: LibraryEntry; status: 'added' | 'duplicate' } | null, clean: boolean) => void;
}

interface Queued {
  job: number;
  read: () => Promise<GeoparseInput | string>;
  abort: AbortController;
}

export function useImports(deps: ImportDeps) {
  const [jobs, setJobs] = useState<ImportJob[]>([]);
  const queue = useRef<Queued[]>([]);
  const running = useRef(false);
  const nextId = useRef(1);
  const aborts = useRef(new Map<number, AbortController>());
  const depsRef = useRef(deps);
  useEffect(() => {
    depsRef.current = deps;
  }, [deps]);

  const patch = useCallback((id: number, change: Partial<ImportJob>) => {
    setJobs((all) => all.map((j) => (j.id === id ? { ...j, ...change } : j)));
  }, []);

  const run = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    let last: { entry: LibraryEntry; status: 'added' | 'duplicate' } | null = null;
    let clean = true;
    try {
      for (let next = queue.current.shift(); next; next = queue.current.shift()) {
        const { job, abort } = next;
        if (abort.signal.aborted) continue;
        patch(job, { state: 'working', stage: 'Reading the file' });
        const input = await next.read();
        if (typeof input === 'string') {
          clean = false;
          patch(job, { state: 'refused', stage: null, message: input });
          continue;
        }
        const [{ importOne }, store, geoparse] = await Promise.all([
          import('./importOne'),
          depsRef.current.store(),
          depsRef.current.geoparse(),
        ]);
        const outcome = await importOne(input, {
          store,
          geoparse,
          signal: abort.signal,
          onProgress: (p) => patch(job, { stage: stageText(p) }),
        });
        aborts.current.delete(job);
        // For the bench: where the worker's work ends and the page's showing of it begins.
        performance.mark('atlas:import-result');
        if (outcome.status === 'cancelled') {
          patch(job, { state: 'cancelled', stage: null, message: 'Cancelled: nothing was imported.' });
        } else if ('message' in outcome) {
          clean = false;
          patch(job, { state: outcome.status, stage: null, message: outcome.message });
        } else {
          last = { entry: outcome.entry, status: outcome.status };
          depsRef.current.onImported(outcome.entry, outcome.result, outcome.status);
          const said =
            outcome.status === 'added'
              ? `Added “${outcome.entry.title}”.`
              : `Already in the library as “${outcome.entry.title}”: opened, not imported again.`;
          patch(job, {
            state: outcome.status,
            stage: null,
            entry: outcome.entry,
            message: outcome.warning ? `${said} ${outcome.warning}` : said,
          });
        }
      }
    } finally {
      running.current = false;
    }
    depsRef.current.onDone(last, clean);
  }, [patch]);

  const enqueue = useCallback((name: string, read: () => Promise<GeoparseInput | string>) => {
    const id = nextId.current++;
    const abort = new AbortController();
    aborts.current.set(id, abort);
    setJobs((all) => [...all, { id, name, state: 'waiting', stage: null, message: null, entry: null }]);
    queue.current.push({ job: id, read, abort });
  }, []);

  const importFiles = useCallback(
    (files: readonly File[]) => {
      for (const file of files) {
        enqueue(file.name, async () => {
          if (file.size > MAX_IMPORT_BYTES) {
            return `${file.name}: is ${mb(file.size)}; the largest file the app reads is ${mb(MAX_IMPORT_BYTES)}. Nothing was imported.`;
          }
          // The worker reads it: the page never holds (nor copies over) its megabytes.
          return { name: file.name, file };
        });
      }
      void run();
    },
    [enqueue, run],
  );

  const importText = useCallback(
    (text: string) => {
      enqueue('Pasted text', async () =>
        text.trim() === ''
          ? 'The pasted text is empty: paste a newsletter or an article first.'
          : { name: '', text },
      );
      void run();
    },
    [enqueue, run],
  );

  const cancel = useCallback((id: number) => {
    aborts.current.get(id)?.abort();
    aborts.current.delete(id);
    setJobs((all) =>
      all.map((j) =>
        j.id === id && (j.state === 'waiting' || j.state === 'working')
          ? { ...j, state: 'cancelled', stage: null, message: 'Cancelled: nothing was imported.' }
          : j,
      ),
    );
  }, []);

  /** Forgets the jobs that have ended. */
  const clear = useCallback(() => {
    setJobs((all) => all.filter((j) => j.state === 'waiting' || j.state === 'working'));
  }, []);

  return { jobs, importFiles, importText, cancel, clear };
}

export type Imports = ReturnType<typeof useImports>;
