/**
 * Reads what the tour needs from the library before it shows: the newsletter's saved tour (set
 * aside when unreadable) and the high-contrast theme. The store is the page's own (the library
 * shell's `openStore`), never a second database.
 */
import { useEffect, useState } from 'react';
import type { TourContext } from '../../core';
import { tourPersistence, type LoadedTour, type TourLibrary, type TourPersistence } from './tourStore';

/** Opens the page's library store (LibrarySetup's openStore, as the library shell shares it). */
export type OpenTourStore = () => Promise<TourLibrary>;

export type OpenedTour =
  | { status: 'loading' }
  | { status: 'ready'; persistence: TourPersistence; loaded: LoadedTour; contrast: boolean };

export function useTourStore(openStore: OpenTourStore, ctx: TourContext): OpenedTour {
  const [opened, setOpened] = useState<OpenedTour & { newsletter?: string }>({ status: 'loading' });
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const persistence = tourPersistence(await openStore());
      const [loaded, contrast] = await Promise.all([persistence.load(ctx), persistence.readContrast()]);
      if (live) setOpened({ status: 'ready', persistence, loaded, contrast, newsletter: ctx.newsletter });
    })().catch((e: unknown) => {
      if (live) setFailure(e);
    });
    return () => {
      live = false;
    };
  }, [openStore, ctx]);
  // The tour's error boundary says what went wrong and offers the way back to the map.
  if (failure !== null) throw failure;
  if (opened.status === 'ready' && opened.newsletter !== ctx.newsletter) return { status: 'loading' };
  return opened;
}
