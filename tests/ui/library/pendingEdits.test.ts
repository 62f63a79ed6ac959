/**
 * A newsletter's edits between the page and the library (src/ui/library/pendingEdits.ts, what
 * useEdits runs) over the real store (fake-indexeddb): a change made while the stored edits are
 * still being read waits for them and is written on top of them, once; a change made while
 * another tab's edits are being read, or while a write is under way, is not dropped. The store's
 * reads and writes are held back by promises the test resolves: nothing waits on a timer.
 */
import { describe, expect, it } from 'vitest';
import { withChoice, type ReviewChoice } from '../../../src/core';
import type { LibraryStore } from '../../../src/library/store';
import { PendingEdits, type EditsState, type EditsStore } from '../../../src/ui/library/pendingEdits';
import { clock, freshDb, input, openTest } from '../../library/store/helpers';

const notAPlace = (name: string): ReviewChoice => ({ name, verdict: { kind: 'not-a-place' } });
const FIVE = ['Reading', 'Bath', 'Nice', 'Mobile', 'Florence'].map(notAPlace);

/** A promise the test resolves. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/**
 * The store, its reads and writes counted, each held until the test opens the gate it is given
 * (none: at once).
 */
function held(store: LibraryStore) {
  const reads: (Promise<void> | null)[] = [];
  const writes: (Promise<void> | null)[] = [];
  const calls = { reads: 0, writes: 0 };
  const wrapped: EditsStore = {
    getEdits: async (id) => {
      const wait = reads[calls.reads++];
      if (wait) await wait;
      return store.getEdits(id);
    },
    putEdits: async (id, edits) => {
      const wait = writes[calls.writes++];
      if (wait) await wait;
      return store.putEdits(id, edits);
    },
    subscribe: (listener) => store.subscribe(listener),
  };
  return { wrapped, reads, writes, calls };
}

async function libraryWithFive() {
  const db = freshDb();
  const t = clock(1000);
  const library = await openTest(db, { now: t.now, broadcast: false });
  const { entry } = await library.add(input('Storm news', '2024-05-01'));
  await library.putEdits(entry.id, { storyEdits: [], reviewChoices: FIVE });
  t.set(2000);
  return { db, t, library, id: entry.id };
}

function watch(id: string, store: EditsStore) {
  const states: EditsState[] = [];
  const said: string[] = [];
  const edits = new PendingEdits(
    id,
    async () => store,
    (s) => states.push(s),
    (text) => said.push(text),
  );
  return { edits, states, said };
}

describe('edits made before the stored edits are read', () => {
  it('are applied on top of the stored ones once read, and written once: the stored choices are kept', async () => {
    const { library, id } = await libraryWithFive();
    const store = held(library);
    const read = gate();
    store.reads[0] = read.opened;
    const { edits, said } = watch(id, store.wrapped);
    edits.start();

    // The reader marks a sixth name before the store has answered: shown at once.
    edits.update((e) => ({ ...e, reviewChoices: withChoice(e.reviewChoices, notAPlace('Paris')) }));
    expect(edits.state).toEqual({
      loaded: false,
      edits: { storyEdits: [], reviewChoices: [notAPlace('Paris')] },
    });
    expect(store.calls.writes).toBe(0);

    read.open();
    await edits.idle();
    expect(edits.state.loaded).toBe(true);
    expect(edits.state.edits.reviewChoices).toEqual([...FIVE, notAPlace('Paris')]);
    expect(store.calls.writes).toBe(1);
    const stored = await library.getEdits(id);
    expect(stored?.reviewChoices).toEqual([...FIVE, notAPlace('Paris')]);
    expect(stored?.revision).toBe(2);
    expect(said).toEqual([]);
  });

  it('several are applied in the order they were made, in one write', async () => {
    const { library, id } = await libraryWithFive();
    const store = held(library);
    const read = gate();
    store.reads[0] = read.opened;
    const { edits } = watch(id, store.wrapped);
    edits.start();

    edits.update((e) => ({ ...e, reviewChoices: withChoice(e.reviewChoices, notAPlace('Paris')) }));
    edits.update((e) => ({
      ...e,
      storyEdits: [...e.storyEdits, { op: 'retitle', story: 0, title: 'Storms' }],
    }));
    // A later choice for a stored name replaces it, as it would after the read.
    edits.update((e) => ({
      ...e,
      reviewChoices: withChoice(e.reviewChoices, { name: 'Bath', verdict: { kind: 'place', place: 'g-1' } }),
    }));
    read.open();
    await edits.idle();

    const expected = [
      ...FIVE.filter((c) => c.name !== 'Bath'),
      notAPlace('Paris'),
      { name: 'Bath', verdict: { kind: 'place', place: 'g-1' } },
    ];
    expect(store.calls.writes).toBe(1);
    expect(edits.state.edits).toEqual({
      storyEdits: [{ op: 'retitle', story: 0, title: 'Storms' }],
      reviewChoices: expected,
    });
    expect(await library.getEdits(id)).toMatchObject({
      storyEdits: [{ op: 'retitle', story: 0, title: 'Storms' }],
      reviewChoices: expected,
      revision: 2,
    });
  });

  it('a change that changes nothing writes nothing', async () => {
    const { library, id } = await libraryWithFive();
    const store = held(library);
    const { edits } = watch(id, store.wrapped);
    edits.start();
    edits.update((e) => e);
    await edits.idle();
    expect(store.calls.writes).toBe(0);
    expect(edits.state.edits.reviewChoices).toEqual(FIVE);
  });
});

describe('another tab', () => {
  it('a change made while the other tab’s edits are being read is applied on top of them', async () => {
    const { db, library, id } = await libraryWithFive();
    const other = await openTest(db, { now: () => 1500, broadcast: false });
    const store = held(library);
    const { edits } = watch(id, store.wrapped);
    edits.start();
    await edits.idle();
    expect(edits.state.edits.reviewChoices).toEqual(FIVE);

    // The other tab adds a choice; this tab hears of it and reads again, slowly.
    await other.putEdits(id, { storyEdits: [], reviewChoices: [...FIVE, notAPlace('Lima')] });
    const reread = gate();
    store.reads[1] = reread.opened;
    edits.reread();
    edits.update((e) => ({ ...e, reviewChoices: withChoice(e.reviewChoices, notAPlace('Paris')) }));
    expect(store.calls.writes).toBe(0);
    reread.open();
    await edits.idle();

    const both = [...FIVE, notAPlace('Lima'), notAPlace('Paris')];
    expect(edits.state.edits.reviewChoices).toEqual(both);
    expect((await library.getEdits(id))?.reviewChoices).toEqual(both);
  });

  it('a read asked for during a write waits for it, and the write is not undone by it', async () => {
    const { library, id } = await libraryWithFive();
    const store = held(library);
    const { edits } = watch(id, store.wrapped);
    edits.start();
    await edits.idle();

    const write = gate();
    store.writes[0] = write.opened;
    edits.update((e) => ({ ...e, reviewChoices: withChoice(e.reviewChoices, notAPlace('Paris')) }));
    edits.reread();
    await Promise.resolve();
    expect(store.calls.reads).toBe(1);
    write.open();
    await edits.idle();

    expect(store.calls.reads).toBe(2);
    expect(edits.state.edits.reviewChoices).toEqual([...FIVE, notAPlace('Paris')]);
    expect((await library.getEdits(id))?.reviewChoices).toEqual([...FIVE, notAPlace('Paris')]);
  });

  it('hears the other tab’s write over the change channel and shows it', async () => {
    const { db, id, library } = await libraryWithFive();
    const here = await openTest(db, { now: () => 2000 });
    const other = await openTest(db, { now: () => 2500 });
    const { edits, states } = watch(id, here);
    edits.start();
    await edits.idle();
    await other.putEdits(id, { storyEdits: [], reviewChoices: [notAPlace('Lima')] });
    await expect.poll(() => edits.state.edits.reviewChoices).toEqual([notAPlace('Lima')]);
    await edits.idle();
    expect(states.at(-1)).toEqual({
      loaded: true,
      edits: { storyEdits: [], reviewChoices: [notAPlace('Lima')] },
    });
    expect((await library.getEdits(id))?.reviewChoices).toEqual([notAPlace('Lima')]);
  });

  it('when the other tab wrote later, its edits win and the page is told', async () => {
    const { db, id, library } = await libraryWithFive();
    const other = await openTest(db, { now: () => 9000, broadcast: false });
    const store = held(library);
    const { edits, said } = watch(id, store.wrapped);
    edits.start();
    await edits.idle();
    await other.putEdits(id, { storyEdits: [], reviewChoices: [notAPlace('Lima')] });
    edits.update((e) => ({ ...e, reviewChoices: withChoice(e.reviewChoices, notAPlace('Paris')) }));
    await edits.idle();
    expect(edits.state.edits.reviewChoices).toEqual([notAPlace('Lima')]);
    expect(said).toEqual(['Another tab changed this newsletter at the same time: its changes are shown.']);
  });
});

describe('after it is disposed', () => {
  it('reads, writes and tells nothing more', async () => {
    const { library, id } = await libraryWithFive();
    const store = held(library);
    const read = gate();
    store.reads[0] = read.opened;
    const { edits, states } = watch(id, store.wrapped);
    edits.start();
    edits.update((e) => ({ ...e, reviewChoices: withChoice(e.reviewChoices, notAPlace('Paris')) }));
    const seen = states.length;
    edits.dispose();
    read.open();
    await edits.idle();
    expect(states).toHaveLength(seen);
    expect(store.calls.writes).toBe(0);
    expect((await library.getEdits(id))?.reviewChoices).toEqual(FIVE);
  });
});
