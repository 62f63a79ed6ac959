import { describe, expect, it } from 'vitest';
import { markerOrder, type OrderedMarker } from '../../src/map/markerOrder';

const m = (key: string, x: number, y: number, places: string[] = [key]): OrderedMarker => ({
  key,
  x,
  y,
  places,
});

describe('the order Tab takes through the markers', () => {
  it('reads rows from top to bottom, west to east within a row', () => {
    const markers = [
      m('se', 300, 400),
      m('ne', 300, 100),
      m('nw', 50, 110),
      m('sw', 40, 390),
      m('mid', 150, 250),
    ];
    expect(markerOrder(markers)).toEqual(['nw', 'ne', 'mid', 'sw', 'se']);
  });

  it('keeps a marker a little lower in the same row, and starts a new row past the row height', () => {
    expect(markerOrder([m('b', 200, 130), m('a', 100, 100)], [], 40)).toEqual(['a', 'b']);
    expect(markerOrder([m('b', 100, 130), m('a', 200, 100)], [], 40)).toEqual(['b', 'a']);
    expect(markerOrder([m('b', 100, 145), m('a', 200, 100)], [], 40)).toEqual(['a', 'b']);
  });

  it('rows start at their topmost marker, so a chain of slightly lower markers does not merge rows', () => {
    const chain = [m('a', 400, 0), m('b', 300, 30), m('c', 200, 60), m('d', 100, 90)];
    expect(markerOrder(chain, [], 40)).toEqual(['b', 'a', 'd', 'c']);
  });

  it('with a story open, follows its text order; a cluster goes where its first mention is', () => {
    const markers = [
      m('p:moscow', 500, 100, ['moscow']),
      m('p:vancouver', 50, 120, ['vancouver']),
      m('c:1', 300, 300, ['paris', 'london']),
      m('p:idlib', 600, 350, ['idlib']),
    ];
    expect(markerOrder(markers, ['vancouver', 'london', 'moscow', 'vancouver'])).toEqual([
      'p:vancouver',
      'c:1',
      'p:moscow',
      'p:idlib',
    ]);
  });

  it('puts the places the story does not mention after its own, in reading order', () => {
    const markers = [m('z', 10, 10), m('y', 20, 500), m('own', 900, 900)];
    expect(markerOrder(markers, ['own'])).toEqual(['own', 'z', 'y']);
  });

  it('is the same for the same markers in any input order', () => {
    const markers = [m('a', 1, 1), m('b', 1, 1), m('c', 5, 200)];
    expect(markerOrder([...markers].reverse())).toEqual(markerOrder(markers));
    expect(markerOrder([])).toEqual([]);
  });
});
