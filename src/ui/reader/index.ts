/** The reader: the story list, the story reader and the place panel. */
export { PlacePanel } from './PlacePanel';
export { StoryList } from './StoryList';
export { StoryReader } from './StoryReader';
