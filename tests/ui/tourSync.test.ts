/** The slide a tour URL asks for: ?present=N opens the tour, ?presenter=N the presenter window. */
import { describe, expect, it } from 'vitest';
import { slideParam } from '../../src/ui/tour/tourSync';

describe('slideParam', () => {
  it('reads the 1-based slide of the named parameter only', () => {
    expect(slideParam('?present=3', 'present')).toBe(3);
    expect(slideParam('?presenter=12', 'presenter')).toBe(12);
    expect(slideParam('?presenter=2', 'present')).toBeNull();
    expect(slideParam('?present=2', 'presenter')).toBeNull();
    expect(slideParam('?story=a&present=2', 'present')).toBe(2);
  });

  it('is null for a slide that is no whole number from 1', () => {
    for (const bad of ['0', '-1', '1.5', 'x', '', '2a'])
      expect(slideParam(`?present=${bad}`, 'present'), bad).toBeNull();
    expect(slideParam('', 'presenter')).toBeNull();
  });
});
