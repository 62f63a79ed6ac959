/**
 * Country names (src/map/labels/areas.ts) from the bundled 1:110m world-atlas: one label per
 * named country, inside the map's range, placed once per topology (every map mounted after the
 * first, a newsletter opened or a tour slide, reuses them).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { countryLabels } from '../../src/map/labels/areas';

const require = createRequire(import.meta.url);
const read = (): Topology =>
  JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'));

describe('countryLabels', () => {
  it('names each country once, at a point on the map', () => {
    const labels = countryLabels(read());
    expect(labels.length).toBeGreaterThan(150);
    expect(new Set(labels.map((l) => l.id)).size).toBe(labels.length);
    for (const l of labels) {
      expect(Math.abs(l.position[0]!)).toBeLessThanOrEqual(180);
      expect(Math.abs(l.position[1]!)).toBeLessThanOrEqual(90);
    }
  });

  it('places the labels of one topology once, and those of an equal one alike', () => {
    const topology = read();
    const first = countryLabels(topology);
    expect(countryLabels(topology)).toBe(first);
    expect(countryLabels(read())).toEqual(first);
  });
});
