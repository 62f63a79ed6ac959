/**
 * A newsletter's edits between the page and the library, without React (useEdits wraps it): the
 * changes the reader makes are kept as the `change` functions, in order, and written on top of
 * the edits last read from the store, one write at a time. A change made before the stored edits
 * have been read waits for them (shown at once over no edits meanwhile) and is then applied on
 * top of them and written once: it never overwrites what was stored. A read (the first, or again
 * when another tab wrote the edits) and a write never run at once, and a change not yet written
 * when another tab's edits are read is applied on top of those.
 */
import type { LibraryStore, ReviewChoice, StoryEdit } from '../../library/store';

export interface Edits {
  storyEdits: readonly StoryEdit[];
  reviewChoices: readonly ReviewChoice[];
}

export const NO_EDITS: Edits = { storyEdits: [], reviewChoices: [] };

export type EditsChange = (edits: Edits) => Edits;

/** What the edits need of the library's store. */
export type EditsStore = Pick<LibraryStore, 'getEdits' | 'putEdits' | 'subscribe'>;

export interface EditsState {
  /** The stored edits with the changes not yet written applied on top, in order. */
  edits: Edits;
  /** False until the stored edits have been read. */
  loaded: boolean;
}

const sameList = <T>(a: readonly T[], b: readonly T[]) =>
  a === b || (a.length === b.length && a.every((x, i) => x === b[i]));

/** The same edits, item by item (so that a written change does not hand the page a new object). */
const sameEdits = (a: Edits, b: Edits) =>
  sameList(a.storyEdits, b.storyEdits) && sameList(a.reviewChoices, b.reviewChoices);

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class PendingEdits {
  /** The edits as last read from (or written to) the store. */
  private base: Edits = NO_EDITS;
  private loaded = false;
  /** The changes made and not yet written, oldest first. */
  private readonly pending: EditsChange[] = [];
  private wantRead = true;
  private running: Promise<void> | null = null;
  private shown: EditsState;
  private disposed = false;
  private unsubscribe: () => void = () => {};

  constructor(
    readonly newsletter: string,
    private readonly store: () => Promise<EditsStore>,
    private readonly onState: (state: EditsState) => void,
    private readonly say: (text: string) => void,
  ) {
    this.shown = { edits: NO_EDITS, loaded: false };
  }

  /** Reads the stored edits, and again whenever another tab writes them. */
  start(): void {
    void this.store().then(
      (s) => {
        if (this.disposed) return;
        this.unsubscribe = s.subscribe((change) => {
          if (change.kind === 'edits' && change.key === this.newsletter && change.origin === 'remote')
            this.reread();
        });
      },
      () => {
        // The store did not open: the read below says so.
      },
    );
    this.pump();
  }

  get state(): EditsState {
    return this.shown;
  }

  /** A change of the edits: shown at once, written once the stored edits are read. */
  update(change: EditsChange): void {
    if (this.disposed) return;
    this.pending.push(change);
    this.show();
    this.pump();
  }

  /** Reads the stored edits again (another tab wrote them), after any write under way. */
  reread(): void {
    if (this.disposed) return;
    this.wantRead = true;
    this.pump();
  }

  /** Resolves once nothing is being read or written. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops: no more reads, writes or states (a change not yet written is dropped). */
  dispose(): void {
    this.disposed = true;
    this.unsubscribe();
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    this.running = (async () => {
      try {
        for (;;) {
          if (this.disposed) return;
          if (this.wantRead) {
            this.wantRead = false;
            await this.read();
          } else if (this.loaded && this.pending.length > 0) {
            await this.write();
          } else return;
        }
      } finally {
        this.running = null;
      }
    })();
  }

  private async read(): Promise<void> {
    try {
      const s = await this.store();
      const record = await s.getEdits(this.newsletter);
      if (this.disposed) return;
      this.base = record ? { storyEdits: record.storyEdits, reviewChoices: record.reviewChoices } : NO_EDITS;
      this.loaded = true;
    } catch (e) {
      // Nothing is written over edits that could not be read: the changes stay on this page.
      if (this.disposed) return;
      this.say(
        `The saved edits of this newsletter could not be read (${messageOf(e)}); the changes made now are kept on this page only. Reload to try again.`,
      );
    }
    this.show();
  }

  /** Writes the changes pending now, applied in order on top of the stored edits: one write. */
  private async write(): Promise<void> {
    const taken = this.pending.length;
    const next = this.pending.reduce((edits, change) => change(edits), this.base);
    if (sameEdits(next, this.base)) {
      this.pending.splice(0, taken);
      this.show();
      return;
    }
    try {
      const s = await this.store();
      const written = await s.putEdits(this.newsletter, {
        storyEdits: [...next.storyEdits],
        reviewChoices: [...next.reviewChoices],
      });
      if (this.disposed) return;
      this.pending.splice(0, taken);
      if (written.written || !written.record) this.base = next;
      else {
        // Another tab wrote later: its edits win, and are shown.
        const r = written.record;
        this.base = { storyEdits: r.storyEdits, reviewChoices: r.reviewChoices };
        this.say('Another tab changed this newsletter at the same time: its changes are shown.');
      }
    } catch (e) {
      if (this.disposed) return;
      // Refused by the browser (kept in memory by the store) or not saved: shown, and said.
      this.pending.splice(0, taken);
      this.base = next;
      this.say(messageOf(e));
    }
    this.show();
  }

  private show(): void {
    if (this.disposed) return;
    const edits = this.pending.reduce((e, change) => change(e), this.base);
    const same = sameEdits(edits, this.shown.edits);
    if (same && this.shown.loaded === this.loaded) return;
    this.shown = { edits: same ? this.shown.edits : edits, loaded: this.loaded };
    this.onState(this.shown);
  }
}
