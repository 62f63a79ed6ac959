import { describe, expect, it } from 'vitest';
import { parseRouteLayers } from '../../src/core';
import { initialRoutes, searchWithRoutes } from '../../src/ui/routeParam';

const layers = parseRouteLayers(
  'id,layer\nflight,flight\nalsib,shown\nattempt,optional\ngromov,optional\n',
  'route-layers.csv',
  ['flight', 'alsib', 'attempt', 'gromov'],
);
const set = (...ids: string[]) => new Set(ids);

describe('initialRoutes', () => {
  it('takes the defaults without ?routes=', () => {
    expect([...initialRoutes('', layers)]).toEqual(['flight', 'alsib']);
    expect([...initialRoutes('?story=3', layers)]).toEqual(['flight', 'alsib']);
  });

  it('takes the known routes of ?routes=, always with the flight', () => {
    expect([...initialRoutes('?routes=gromov,attempt', layers)]).toEqual(['flight', 'attempt', 'gromov']);
    expect([...initialRoutes('?routes=gromov,nowhere', layers)]).toEqual(['flight', 'gromov']);
    expect([...initialRoutes('?routes=', layers)]).toEqual(['flight']);
  });
});

describe('searchWithRoutes', () => {
  it('leaves the param out for the defaults, and keeps the other params', () => {
    expect(searchWithRoutes('', set('flight', 'alsib'), layers)).toBe('');
    expect(searchWithRoutes('?story=3&routes=gromov', set('flight', 'alsib'), layers)).toBe('?story=3');
  });

  it('lists the routes besides the flight in file order, commas unescaped', () => {
    expect(searchWithRoutes('?view=polar', set('gromov', 'flight', 'alsib'), layers)).toBe(
      '?view=polar&routes=alsib,gromov',
    );
    expect(searchWithRoutes('', set('flight'), layers)).toBe('?routes=');
  });

  it('round-trips through initialRoutes', () => {
    const shown = set('flight', 'attempt');
    expect(initialRoutes(searchWithRoutes('?story=1', shown, layers), layers)).toEqual(shown);
  });
});
