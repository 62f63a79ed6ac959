/**
 * A canvas renderer that draws nothing once its canvas is gone. Leaflet 1.9's Canvas renderer can
 * be asked to redraw after the map that held it was removed (the map switched to the polar view
 * while a fly-to was still animating): it then throws "Cannot read properties of undefined
 * (reading 'save')" from _clear. There is nothing left to draw, so nothing is drawn.
 */
import L from 'leaflet';

type CanvasInternals = L.Canvas & { _ctx?: CanvasRenderingContext2D; _redraw(): void };

const SafeCanvas = L.Canvas.extend({
  _redraw(this: CanvasInternals) {
    if (!this._ctx) return;
    (L.Canvas.prototype as unknown as CanvasInternals)._redraw.call(this);
  },
}) as unknown as new (options?: L.RendererOptions) => L.Canvas;

/** L.canvas(options), safe to outlive its map. */
export const safeCanvas = (options?: L.RendererOptions): L.Canvas => new SafeCanvas(options);
