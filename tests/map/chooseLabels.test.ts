import { describe, expect, it } from 'vitest';
import {
  chooseLabels,
  clusterLabelText,
  labelBox,
  labelPriority,
  overlaps,
  type Box,
  type LabelCandidate,
} from '../../src/map/labels/chooseLabels';

const label = (
  id: string,
  x: number,
  y: number,
  priority: number,
  width = 60,
  height = 14,
): LabelCandidate => ({
  id,
  text: id,
  priority,
  x,
  y,
  width,
  height,
  radius: 10,
});

const markerAt = (x: number, y: number, r = 10): Box => ({
  minX: x - r,
  minY: y - r,
  maxX: x + r,
  maxY: y + r,
});

/** A seeded pseudo-random generator (mulberry32), for a crowded map that is the same every run. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('chooseLabels', () => {
  it('puts a lone label right of its marker', () => {
    const [chosen] = chooseLabels([label('a', 100, 100, 1)], [markerAt(100, 100)]);
    expect(chosen!.position).toBe('right');
    expect(chosen!.box.minX).toBeGreaterThan(110);
    expect(chosen!.box.minY).toBeCloseTo(93);
  });

  it('gives the contested spot to the more important label, and moves the other to its left', () => {
    // a and b are stacked: their right-hand labels would touch. a is more important, though listed second.
    const b = label('b', 100, 116, 2);
    const a = label('a', 100, 100, 1);
    const chosen = chooseLabels([b, a], [markerAt(100, 116), markerAt(100, 100)]);
    expect(chosen.map((c) => c.id)).toEqual(['a', 'b']);
    expect(chosen.find((c) => c.id === 'a')!.position).toBe('right');
    expect(chosen.find((c) => c.id === 'b')!.position).toBe('left');
  });

  it('leaves out the less important label when no position is free', () => {
    // Two labels for one point, walled in by markers on every side: neither fits; without walls both do.
    const walls = [
      markerAt(100, 100),
      markerAt(180, 100, 40),
      markerAt(20, 100, 40),
      markerAt(100, 60, 25),
      markerAt(100, 140, 25),
    ];
    const chosen = chooseLabels([label('low', 100, 100, 5), label('high', 100, 100, 1)], walls);
    expect(chosen).toEqual([]);
    const open = chooseLabels([label('low', 100, 100, 5), label('high', 100, 100, 1)], [markerAt(100, 100)]);
    expect(open.map((c) => c.id)).toEqual(['high', 'low']);
  });

  it('never lets two chosen labels overlap, nor a label cover a marker, on a crowded map', () => {
    const random = seeded(11);
    const candidates: LabelCandidate[] = [];
    const markers: Box[] = [];
    for (let i = 0; i < 300; i++) {
      const x = random() * 1000;
      const y = random() * 600;
      candidates.push(label(`p${i}`, x, y, random(), 30 + random() * 90, 12 + random() * 6));
      markers.push(markerAt(x, y, 6 + random() * 10));
    }
    const bounds = { minX: 0, minY: 0, maxX: 1000, maxY: 600 };
    const chosen = chooseLabels(candidates, markers, { bounds });
    expect(chosen.length).toBeGreaterThan(20);
    expect(chosen.length).toBeLessThan(300);
    for (let i = 0; i < chosen.length; i++) {
      const a = chosen[i]!.box;
      expect(a.minX >= 0 && a.minY >= 0 && a.maxX <= 1000 && a.maxY <= 600).toBe(true);
      for (let j = i + 1; j < chosen.length; j++) expect(overlaps(a, chosen[j]!.box)).toBe(false);
      for (const m of markers) expect(overlaps(a, m)).toBe(false);
    }
    // Most important first: the chosen come out in priority order.
    const priorities = chosen.map((c) => candidates.find((k) => k.id === c.id)!.priority);
    expect([...priorities].sort((x, y) => x - y)).toEqual(priorities);
  });

  it('keeps labels inside the bounds: near the right edge a label goes left', () => {
    const [chosen] = chooseLabels([label('edge', 980, 100, 1)], [markerAt(980, 100)], {
      bounds: { minX: 0, minY: 0, maxX: 1000, maxY: 600 },
    });
    expect(chosen!.position).toBe('left');
    expect(chosen!.box.maxX).toBeLessThanOrEqual(970);
  });

  it('tries above and below when both sides are taken', () => {
    const chosen = chooseLabels(
      [label('mid', 100, 100, 1)],
      [markerAt(100, 100), markerAt(165, 100, 20), markerAt(35, 100, 20)],
    );
    expect(chosen[0]!.position).toBe('above');
    const low = chooseLabels(
      [label('mid', 100, 100, 1)],
      [markerAt(100, 100), markerAt(165, 100, 20), markerAt(35, 100, 20), markerAt(100, 75, 8)],
    );
    expect(low[0]!.position).toBe('below');
  });

  it('tries the corners once the four sides are taken', () => {
    const walls = [
      markerAt(100, 100),
      markerAt(140, 100, 6),
      markerAt(60, 100, 6),
      markerAt(95, 78, 5),
      markerAt(95, 122, 5),
    ];
    const [chosen] = chooseLabels([label('mid', 100, 100, 1, 40)], walls);
    expect(chosen!.position).toBe('above-right');
    expect(chosen!.box.minX).toBeGreaterThan(100);
    expect(chosen!.box.maxY).toBeLessThan(100);
    for (const w of walls) expect(overlaps(chosen!.box, w)).toBe(false);
  });

  it('lets a required label (the story’s place) cover a receding marker when nothing else is free, and nothing more', () => {
    const walled = [markerAt(100, 100), { ...markerAt(100, 100, 90), soft: true }];
    expect(chooseLabels([label('other', 100, 100, 1)], walled)).toEqual([]);
    const [story] = chooseLabels([{ ...label('story', 100, 100, 1), required: true }], walled);
    expect(story!.position).toBe('right');
    // A firm marker still blocks it, and so does a label chosen before it.
    const firm = [markerAt(100, 100), markerAt(100, 100, 90)];
    expect(chooseLabels([{ ...label('story', 100, 100, 1), required: true }], firm)).toEqual([]);
    const both = chooseLabels(
      [{ ...label('first', 100, 100, 0) }, { ...label('second', 100, 100, 1), required: true }],
      [markerAt(100, 100)],
    );
    expect(both.map((c) => c.id)).toEqual(['first', 'second']);
    expect(overlaps(both[0]!.box, both[1]!.box)).toBe(false);
  });

  it('writes an area label centred on its point, only where it covers no marker', () => {
    const area: LabelCandidate = {
      ...label('country', 300, 300, 3.5, 80, 12),
      radius: 0,
      positions: ['center'],
    };
    const [free] = chooseLabels([area], [markerAt(100, 100)]);
    expect(free!.box).toEqual(labelBox(area, 'center'));
    expect(free!.box).toEqual({ minX: 260, minY: 294, maxX: 340, maxY: 306 });
    expect(chooseLabels([area], [markerAt(300, 300)])).toEqual([]);
  });
});

describe('labelPriority', () => {
  it('orders the selected place, then the story’s places in text order, then by stories, then areas', () => {
    const ranks = [
      labelPriority({ area: { size: 10_000 } }),
      labelPriority({ stories: 1 }),
      labelPriority({ stories: 14 }),
      labelPriority({ emphasis: 3, stories: 1 }),
      labelPriority({ emphasis: 0, stories: 1 }),
      labelPriority({ selected: true, stories: 1 }),
    ];
    expect([...ranks].sort((a, b) => a - b)).toEqual([...ranks].reverse());
    // A larger area before a smaller one, both after the least-mentioned place.
    expect(labelPriority({ area: { size: 500 } })).toBeGreaterThan(labelPriority({ area: { size: 5000 } }));
    expect(labelPriority({ area: { size: 1e9 } })).toBeGreaterThan(labelPriority({ stories: 0 }));
  });
});

describe('clusterLabelText', () => {
  it('names a cluster after its leading place and counts the others', () => {
    expect(clusterLabelText('Moscow', 9)).toBe('Moscow +8');
    expect(clusterLabelText('Moscow', 2)).toBe('Moscow +1');
    expect(clusterLabelText('Moscow', 1)).toBe('Moscow');
  });
});
