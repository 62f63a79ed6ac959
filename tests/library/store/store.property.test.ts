/**
 * Seeded property tests of the library store against a plain model: whatever two tabs write, in
 * whatever order and with whatever clocks, each item ends as the write stamped latest; whatever
 * is added, removed and undone, the list is the model's, newest first.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUNDLED, clock, freshDb, input, openTest } from './helpers';

const SEED = 14;

describe('the library store, by property', () => {
  it('last write wins per item between two tabs: each item ends as its write stamped latest', async () => {
    const write = fc.record({
      tab: fc.constantFrom(0, 1),
      item: fc.constantFrom('a', 'b', 'c'),
      at: fc.integer({ min: 1, max: 50 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 12 }), async (writes) => {
        const db = freshDb();
        const clocks = [clock(0), clock(0)];
        const tabs = [
          await openTest(db, { now: clocks[0]!.now, broadcast: false }),
          await openTest(db, { now: clocks[1]!.now, broadcast: false }),
        ];
        /** item → [stamp, value] of the write that should win (a tie goes to the later write). */
        const model = new Map<string, [number, string]>();
        for (const [i, w] of writes.entries()) {
          clocks[w.tab]!.set(w.at);
          const value = `write ${i}`;
          const result = await tabs[w.tab]!.putSetting(w.item, value);
          const best = model.get(w.item);
          const wins = !best || w.at >= best[0];
          expect(result.written).toBe(wins);
          if (wins) model.set(w.item, [w.at, value]);
        }
        for (const item of ['a', 'b', 'c']) {
          for (const tab of tabs) expect(await tab.getSetting(item)).toBe(model.get(item)?.[1]);
        }
        for (const tab of tabs) tab.close();
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('add, remove and undo keep the list as the model says, newest first', async () => {
    const op = fc.oneof(
      fc.record({
        op: fc.constant('add' as const),
        date: fc.option(fc.constantFrom('2019-05', '2020-06', '2020-06-15', '2021-01-01'), { nil: null }),
      }),
      fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }),
      fc.record({ op: fc.constant('undo' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 15 }), async (ops) => {
        const t = clock(0);
        const library = await openTest(freshDb(), { bundled: [BUNDLED], now: t.now, broadcast: false });
        type Item = { id: string; date: string | null; addedAt: number };
        let items: Item[] = [{ id: BUNDLED.id, date: BUNDLED.date, addedAt: -1 }];
        let removed: Item | null = null;
        for (const [i, o] of ops.entries()) {
          t.set(10 * (i + 1));
          if (o.op === 'add') {
            const { entry } = await library.add(input(`N${i}`, o.date));
            items.push({ id: entry.id, date: o.date, addedAt: t.now() });
          } else if (o.op === 'remove') {
            const imported = items.filter((x) => x.id !== BUNDLED.id);
            if (imported.length === 0) continue;
            const gone = imported[o.pick % imported.length]!;
            await library.remove(gone.id);
            items = items.filter((x) => x !== gone);
            removed = gone;
          } else if (removed) {
            await library.undoRemove();
            items.push(removed);
            removed = null;
          } else {
            await expect(library.undoRemove()).rejects.toThrow(/Nothing to undo/);
          }
        }
        const expected = [...items]
          .sort((a, b) => {
            if (a.date !== b.date) {
              if (a.date === null) return 1;
              if (b.date === null) return -1;
              return a.date < b.date ? 1 : -1;
            }
            return b.addedAt - a.addedAt;
          })
          .map((x) => x.id);
        expect((await library.list()).map((e) => e.id)).toEqual(expected);
        library.close();
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});
