/** Story search: haystacks made when first read, or in idle time a few at a time (warmHaystacks). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyHaystack, matchesQuery, warmHaystacks, type Searched } from '../../src/ui/search';

describe('story search', () => {
  afterEach(() => vi.useRealTimers());

  it('looks in the lower-cased parts, joined, made once when first read', () => {
    let made = 0;
    const story = lazyHaystack(() => {
      made++;
      return ['Sister Cities', 'The Mayor of Arkhangelsk wrote', 'Portland'];
    });
    expect(made).toBe(0);
    expect(story.haystack).toBe('sister cities\nthe mayor of arkhangelsk wrote\nportland');
    expect(matchesQuery(story, '  MAYOR of ')).toBe(true);
    expect(matchesQuery(story, 'portland, oregon')).toBe(false);
    expect(matchesQuery(story, '   ')).toBe(true);
    expect(made).toBe(1);
  });

  it('makes every haystack in idle time, a few at a time, and stops when asked', () => {
    vi.useFakeTimers();
    let reads = 0;
    const stories: Searched[] = Array.from({ length: 5 }, (_, i) => ({
      get haystack() {
        reads++;
        return `story ${i}`;
      },
    }));
    warmHaystacks(stories, 2);
    expect(reads).toBe(0);
    vi.advanceTimersToNextTimer();
    expect(reads).toBe(2);
    vi.runAllTimers();
    expect(reads).toBe(5);

    reads = 0;
    const stop = warmHaystacks(stories, 2);
    vi.advanceTimersToNextTimer();
    stop();
    vi.runAllTimers();
    expect(reads).toBe(2);
  });
});
