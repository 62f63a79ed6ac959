import { describe, expect, it } from 'vitest';
import { findStreets } from '../../../src/core/places/streets';

const streets = (text: string) => findStreets(text).map((s) => text.slice(s.start, s.end));

describe('findStreets', () => {
  it('finds named streets of one to four words, ordinals and abbreviations, and numbered roads', () => {
    expect(
      streets(
        'He lived at 1935 Orchard St., Alexandria, near Northwest 34th Street and Martin Luther King Parkway. ' +
          'Take Route 128 or Interstate 45, then County Road 3.',
      ),
    ).toEqual([
      'Orchard St.',
      'Northwest 34th Street',
      'Martin Luther King Parkway',
      'Route 128',
      'Interstate 45',
      'County Road 3',
    ]);
  });

  it('takes no longer name, no bare road word and no street inside a word for a street', () => {
    expect(streets('The Wall Street Journal and the Elm Street School.')).toEqual([]);
    expect(streets('Flights to St. Louis and Main St. Paul.')).toEqual([]);
    expect(streets('The County Road crew and a State Highway patrol; Route 66A; Highway19.')).toEqual([]);
    expect(streets('It was on Mainstreet and on broad street.')).toEqual([]);
  });

  it('gives spans in text order that do not overlap: of two on the same words, the first', () => {
    // "Lincoln Highway" (a name) and "Highway 30" (a number) share a word.
    expect(streets('They took Lincoln Highway 30 miles, then Main Street.')).toEqual([
      'Lincoln Highway',
      'Main Street',
    ]);
  });
});
