/** The basemap's credit line in the map's attribution control. */
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';

export function MapAttribution() {
  const map = useMap();
  useEffect(() => {
    const control = map.attributionControl;
    const text = 'Basemap: Natural Earth via world-atlas';
    control.addAttribution(text);
    return () => {
      control.removeAttribution(text);
    };
  }, [map]);
  return null;
}
