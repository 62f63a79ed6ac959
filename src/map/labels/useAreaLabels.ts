/** The area names of a map: countries once the 1:110m atlas has loaded, and the seas given. */
import { useEffect, useMemo, useState } from 'react';
import type { SeaLabel } from '../../core';
import type { LoadTopology } from '../BasemapLayer';
import { loadOnce } from '../topologyCache';
import { countryLabels, seaLabels, type AreaLabel } from './areas';

const NO_SEAS: readonly SeaLabel[] = [];

export function useAreaLabels(load: LoadTopology, seas: readonly SeaLabel[] = NO_SEAS): readonly AreaLabel[] {
  const [countries, setCountries] = useState<readonly AreaLabel[]>([]);
  useEffect(() => {
    let live = true;
    // A failed load is reported by the basemap; the map then simply names no country.
    loadOnce(load, '110m').then(
      (topology) => live && setCountries(countryLabels(topology)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [load]);
  return useMemo(() => [...seaLabels(seas), ...countries], [seas, countries]);
}
