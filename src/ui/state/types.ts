/** The state a URL restores, and what it is checked against (see state.ts). */
import type { RouteLayers } from '../../core';

export interface AtlasState {
  /** The newsletter's library id (?n=), null for the bundled newsletter. */
  n: string | null;
  story: number | null;
  place: string | null;
  /** The polar map (?view=polar) rather than the world map. */
  polar: boolean;
  /** The story search, as typed. */
  query: string;
  /** Only the stories with a place in the map's view are listed. */
  onlyInView: boolean;
  /** The routes drawn: the flight and the reader's choice, in the order of route-layers.csv. */
  routes: readonly string[];
  /** The tour's 1-based slide (?present=N), null while no tour is open. */
  present: number | null;
  /** The presenter window's 1-based slide (?presenter=N), null in every other window. */
  presenter: number | null;
  /**
   * The map view a tour slide asked for (the polar map for the flight), over `polar` while the
   * tour is open; no URL holds it: a tour's link opens the slide, which asks for it again.
   */
  slidePolar: boolean | null;
}

/** What the state is checked against: the newsletter shown and the route layers. */
export interface StateContext {
  /** How many stories the newsletter has. */
  stories: number;
  /** The ids of the places it mentions. */
  places: ReadonlySet<string>;
  /** Places only the polar map can show (the Pole): choosing one opens the polar view. */
  polarOnly: ReadonlySet<string>;
  layers: RouteLayers;
  /** The bundled newsletter's id, which the URL leaves out. */
  bundled: string | null;
}
