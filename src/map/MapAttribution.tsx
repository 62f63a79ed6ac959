/**
 * The map's credit lines in its attribution control: the basemap, and the place data the app
 * ships (the broad gazetteer, from GeoNames, geoparses every newsletter a reader imports).
 */
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';

const CREDITS = [
  'Basemap: Natural Earth via world-atlas',
  'Places: <a href="https://www.geonames.org/" rel="noreferrer" target="_blank">GeoNames</a> (CC BY 4.0)',
] as const;

export function MapAttribution() {
  const map = useMap();
  useEffect(() => {
    const control = map.attributionControl;
    for (const text of CREDITS) control.addAttribution(text);
    return () => {
      for (const text of CREDITS) control.removeAttribution(text);
    };
  }, [map]);
  return null;
}
