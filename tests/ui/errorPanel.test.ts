/** The words an error boundary shows: what went wrong, as one sentence, whatever was thrown. */
import { describe, expect, it } from 'vitest';
import { errorSentence } from '../../src/ui/ErrorPanel';

describe('errorSentence', () => {
  it("is the error's first line, ending in a full stop", () => {
    expect(errorSentence(new Error('Invalid LatLng object: (NaN, NaN)'))).toBe(
      'Invalid LatLng object: (NaN, NaN).',
    );
    expect(errorSentence(new Error('Failed to fetch.\n    at load (x.js:1:2)'))).toBe('Failed to fetch.');
  });

  it('says something for values that are not errors, and for errors without a message', () => {
    expect(errorSentence('quota exceeded')).toBe('quota exceeded.');
    expect(errorSentence(undefined)).toBe('undefined.');
    expect(errorSentence(new TypeError(''))).toBe('TypeError.');
  });

  it('shortens a long message to one readable sentence', () => {
    const s = errorSentence(new Error('x'.repeat(5000)));
    expect(s.length).toBeLessThanOrEqual(200);
    expect(s.endsWith('…')).toBe(true);
  });
});
