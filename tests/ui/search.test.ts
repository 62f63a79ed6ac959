/** Story search: haystacks made in idle time a few at a time (warmHaystacks); made when first read: tests/ui/model.test.ts. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmHaystacks, type Searched } from '../../src/ui/search';

describe('story search', () => {
  afterEach(() => vi.useRealTimers());

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
