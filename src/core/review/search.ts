/**
 * The broad gazetteer searched by a person ("search the gazetteer for another"), and its places
 * found by id (a review choice names its place by id). Both indexes are made on first use, in
 * one pass over the places: nothing is spent on them by a text that is only geoparsed.
 */
import { broadPlace, broadPlaceId } from '../places/combine';
import type { BroadGazetteer } from '../places/format';
import { placeKey } from '../places/key';
import type { Place } from '../types';

/** Prefix matches ranked at most: "s" alone matches tens of thousands. */
const SCANNED = 5000;

/** A place as the review shows it: with its admin-1 region and its population. */
export interface CandidatePlace extends Place {
  /** The name of its admin-1 region (a state, a province), its code where none is known, or ''. */
  admin1: string;
  /** Its population, or null where the gazetteer gives none (the curated gazetteer's places). */
  population: number | null;
}

export interface GazetteerSearch {
  /**
   * Places named `query` (any case, as placeKey folds it) by a name or an alias, then places
   * whose name starts with it, more populous first; at most `limit`.
   */
  search(query: string, limit: number): CandidatePlace[];
  /** The place of the broad gazetteer with this id (broadPlaceId), or undefined. */
  byId(id: string): CandidatePlace | undefined;
  /** The broad gazetteer's place at this index. */
  candidate(index: number): CandidatePlace;
  /** A place of an atlas with its region and population (the broad gazetteer's), where known. */
  describe(place: Place): CandidatePlace;
}

export function createGazetteerSearch(g: BroadGazetteer): GazetteerSearch {
  // The names in lower case, scanned whole for each query (a few milliseconds: no sorted index
  // to build), and the places by id; each made on first use.
  let names: string[] | null = null;
  let population: Uint32Array | null = null;
  const namesOf = () => {
    if (names) return names;
    names = new Array<string>(g.size);
    population = new Uint32Array(g.size);
    for (let i = 0; i < g.size; i++) {
      const p = g.place(i);
      names[i] = p.name.toLowerCase();
      population[i] = p.population;
    }
    return names;
  };
  /**
   * "country.admin1" → the region's name. The build (src/cli/gazetteer/build.ts) writes the
   * countries, then the first-level divisions, first: the scan stops where that block ends, so
   * it reads a few thousand places, not all; a region it did not see is shown by its code.
   */
  let regions: Map<string, string> | null = null;
  const regionName = (country: string, admin1: string) => {
    if (admin1 === '') return '';
    if (!regions) {
      regions = new Map();
      for (let i = 0; i < g.size; i++) {
        const p = g.place(i);
        if (p.kind === 'admin1') regions.set(`${p.country}.${p.admin1}`, p.name);
        else if (p.kind !== 'country' && regions.size > 0) break;
      }
    }
    return regions.get(`${country}.${admin1}`) ?? admin1;
  };
  const candidate = (i: number): CandidatePlace => {
    const b = g.place(i);
    return { ...broadPlace(b), admin1: regionName(b.country, b.admin1), population: b.population };
  };
  let geonames: Map<number, number> | null = null;
  let others: Map<string, number> | null = null;
  const indexIds = () => {
    geonames = new Map();
    others = new Map();
    for (let i = 0; i < g.size; i++) {
      const p = g.place(i);
      if (p.geonames > 0) geonames.set(p.geonames, i);
      else others.set(broadPlaceId(p), i);
    }
  };
  return {
    search(query, limit) {
      const key = placeKey(query.trim());
      if (key === '' || limit <= 0) return [];
      const lower = query.trim().toLowerCase();
      const exact = g.lookup(key);
      const seen = new Set(exact);
      const all = namesOf();
      const prefixed: number[] = [];
      for (let i = 0; i < all.length && prefixed.length < SCANNED; i++) {
        const name = all[i]!;
        if ((name.startsWith(key) || name.startsWith(lower)) && !seen.has(i)) prefixed.push(i);
      }
      prefixed.sort((a, b) => population![b]! - population![a]! || a - b);
      return [...exact, ...prefixed].slice(0, limit).map(candidate);
    },
    byId,
    candidate,
    describe(place) {
      // Found among the places of its name (a lookup), not by the index of every id.
      const i = g.lookup(place.name).find((j) => broadPlaceId(g.place(j)) === place.id);
      return i === undefined ? { ...place, admin1: '', population: null } : candidate(i);
    },
  };
  function byId(id: string): CandidatePlace | undefined {
    if (!geonames) indexIds();
    const m = /^geonames-(\d+)$/.exec(id);
    const i = m ? geonames!.get(Number(m[1])) : others!.get(id);
    return i === undefined ? undefined : candidate(i);
  }
}
