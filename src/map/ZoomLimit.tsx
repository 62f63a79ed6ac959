/** The map's options are read once: a new zoom limit (online tiles or context on or off) is set here. */
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';

export function ZoomLimit({ max }: { max: number }) {
  const map = useMap();
  useEffect(() => {
    map.setMaxZoom(max);
  }, [map, max]);
  return null;
}
