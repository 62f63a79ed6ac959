/** The flight's playback: the clock the plane follows and the controls that drive it. */
export { FlightPlayback } from './FlightPlayback';
export { PlaybackClock } from './playback';
