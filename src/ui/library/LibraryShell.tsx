/**
 * The app's root: asks the library for the newsletter the URL names and shows it in the App
 * (one App per newsletter: switching starts it afresh), with the library's list and the import
 * in the masthead, files dropped anywhere imported, and a page that says what is happening while
 * a newsletter is opened (or why it could not be).
 */
import { lazy, Suspense, useCallback, useMemo, useState, type ComponentProps } from 'react';
import { App } from '../App';
import { useDropImport, useImports } from '../import';
import type { LibraryEntry } from '../../library/store';
import type { GeoparseResult } from '../../worker/protocol';
import { applyStoryEdits, type ReviewChoice, type StoryEdit } from '../../core';
import { makeEmbeddedNewsletter } from '../../library';
import { resultOfAtlas, reviewResolver } from '../../worker/atlas';
import { useReviewOf, type AppReview } from '../review';
import { ExportMenu } from './ExportMenu';
import { LibraryMenu } from './LibraryMenu';
import { useEdits } from './useEdits';
import type { LibrarySetup } from './types';
import { useLibrary } from './useLibrary';
import './library.css';

const ImportPanel = lazy(() => import('../import/ImportPanel'));

type AppProps = Omit<
  ComponentProps<typeof App>,
  'atlas' | 'newsletter' | 'bundledId' | 'masthead' | 'openStore'
>;

export function LibraryShell({ setup, app }: { setup: LibrarySetup; app: AppProps }) {
  const library = useLibrary(setup);
  const { current, open, remember, say } = library;
  const [importShown, setImportShown] = useState(false);

  // A newsletter found in the library already is opened from it, with its review choices (the
  // worker finds the places they name); a new one opens from the import's result at once.
  const onImported = useCallback(
    (entry: LibraryEntry, result: GeoparseResult, status: 'added' | 'duplicate') => {
      if (status === 'added') remember(entry, result);
    },
    [remember],
  );

  // Once all went well, the panel gives way to the map (the masthead names what was opened).
  const onDone = useCallback(
    (last: { entry: LibraryEntry; status: 'added' | 'duplicate' } | null, clean: boolean) => {
      if (!last) return;
      open(last.entry.id);
      say(
        last.status === 'added'
          ? `Added “${last.entry.title}” to the library.`
          : `“${last.entry.title}” is in the library already: opened it, not imported again.`,
      );
      if (clean) setImportShown(false);
    },
    [open, say],
  );
  const importDeps = useMemo(
    () => ({ store: library.store, geoparse: library.geoparse, onImported, onDone }),
    [library.store, library.geoparse, onImported, onDone],
  );
  const imports = useImports(importDeps);
  const onDrop = useCallback(
    (files: File[]) => {
      setImportShown(true);
      imports.importFiles(files);
    },
    [imports],
  );
  const dragging = useDropImport(onDrop);
  const closeImport = useCallback(() => setImportShown(false), []);

  const shownId = current.status === 'ready' ? current.newsletter.id : current.id;
  const { edits, update: updateEdits } = useEdits(shownId, library.store, say);
  const base = current.status === 'ready' ? current.atlas : null;
  const reviewData = current.status === 'ready' ? current.review : null;

  // The review: the person's choices over the finder's mentions, kept with the newsletter's edits.
  const { search } = library;
  const appReview = useMemo<AppReview | undefined>(
    () =>
      base && reviewData
        ? {
            unmatched: reviewData.unmatched,
            candidates: reviewData.candidates,
            resolve: reviewResolver({ review: reviewData, places: base.places }, setup.base),
            search,
          }
        : undefined,
    [base, reviewData, setup.base, search],
  );
  const changeChoices = useCallback(
    (update: (choices: readonly ReviewChoice[]) => readonly ReviewChoice[]) =>
      updateEdits((e) => ({ ...e, reviewChoices: update(e.reviewChoices) })),
    [updateEdits],
  );
  const reviewState = useReviewOf(base ?? setup.bundled.atlas, appReview, edits.reviewChoices, changeChoices);
  const reviewed = base && appReview ? reviewState.atlas : base;
  const resolveChoice = reviewState.resolve;

  // The reader's story edits over the stories: every view sees the edited ones.
  const edited = useMemo(
    () => (reviewed ? applyStoryEdits(reviewed, edits.storyEdits) : null),
    [reviewed, edits.storyEdits],
  );
  const skipped = edited?.skipped.length ? edited.skipped : null;
  const onStoryEdit = useCallback(
    (edit: StoryEdit) => updateEdits((e) => ({ ...e, storyEdits: [...e.storyEdits, edit] })),
    [updateEdits],
  );
  const entries = library.entries;

  // What an offline copy made now carries of a newsletter the reader brought: the copy has no
  // worker to find its places again.
  const offlineNewsletter = useCallback(() => {
    if (current.status !== 'ready' || current.newsletter.bundled) return null;
    const { atlas, newsletter } = current;
    const source = entries?.find((e) => e.id === newsletter.id)?.source ?? {
      name: '',
      format: 'text' as const,
    };
    return makeEmbeddedNewsletter(
      { id: newsletter.id, title: newsletter.title, date: newsletter.date, source },
      {
        ...resultOfAtlas(atlas, {
          name: source.name,
          format: source.format,
          review: {
            unmatched: current.review?.unmatched ?? [],
            candidates: current.review?.candidates ?? {},
            // The places the choices name, found here (a search's pick too): the copy cannot search.
            chosen: edits.reviewChoices.flatMap((c) => {
              const place = c.verdict.kind === 'place' ? resolveChoice(c.verdict.place) : undefined;
              return place ? [{ admin1: '', population: null, ...place }] : [];
            }),
          },
        }),
        // The copy names it by its library entry, not by the catalog entry made for it here.
        newsletter: null,
      },
      { storyEdits: [...edits.storyEdits], reviewChoices: [...edits.reviewChoices] },
    );
  }, [current, entries, edits, resolveChoice]);
  const masthead = (
    <>
      <LibraryMenu
        entries={library.entries}
        currentId={shownId}
        onOpen={open}
        onRemove={(id) => void library.remove(id)}
        onImport={() => setImportShown(true)}
        storageNote={library.storageNote}
        problems={library.problems}
      >
        {current.status === 'ready' && (
          <ExportMenu
            newsletter={current.newsletter}
            source={entries?.find((e) => e.id === current.newsletter.id)?.source ?? null}
            base={current.atlas}
            shown={edited?.atlas ?? current.atlas}
            edits={edits}
            tour={async () =>
              (await library.store()).getTour(current.newsletter.id).then((t) => t?.text ?? null)
            }
          />
        )}
      </LibraryMenu>
      {skipped && (
        <p className="library-notice" role="status">
          {skipped.length === 1 ? 'A story edit was' : `${skipped.length} story edits were`} left out:{' '}
          {skipped.map((k) => k.reason).join('; ')}.
        </p>
      )}
      {library.notice && (
        <p className="library-notice" role="status">
          {library.notice.text}{' '}
          {library.notice.undo && (
            <button type="button" onClick={() => void library.undoRemove()}>
              Undo
            </button>
          )}{' '}
          <button type="button" onClick={library.dismissNotice}>
            Dismiss
          </button>
        </p>
      )}
    </>
  );

  return (
    <>
      {current.status === 'ready' ? (
        <App
          key={current.newsletter.id}
          {...app}
          atlas={edited?.atlas ?? current.atlas}
          onStoryEdit={onStoryEdit}
          review={base && appReview ? { ...reviewState, original: base } : undefined}
          newsletter={current.newsletter}
          bundledId={setup.bundled.entry.id}
          masthead={masthead}
          offlineNewsletter={offlineNewsletter}
          openStore={library.store}
        />
      ) : (
        <div className="library-opening">
          <h1>Newsletter Atlas</h1>
          {masthead}
          {current.status === 'loading' ? (
            <p role="status">
              Opening {current.title ? `“${current.title}”` : 'the newsletter'}: {current.stage}…{' '}
              <button type="button" onClick={library.cancelOpen}>
                Cancel
              </button>
            </p>
          ) : (
            <div role="alert">
              <p>
                {current.title ? `“${current.title}”` : 'The newsletter'} could not be opened:{' '}
                {current.message}
              </p>
              <button type="button" onClick={() => open(null)}>
                Show the newsletter that comes with the app
              </button>
            </div>
          )}
        </div>
      )}
      {importShown && (
        <Suspense
          fallback={
            <p role="status" className="import-loading">
              Opening the import panel…
            </p>
          }
        >
          <ImportPanel imports={imports} onClose={closeImport} />
        </Suspense>
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop the files to import them</p>
        </div>
      )}
    </>
  );
}
