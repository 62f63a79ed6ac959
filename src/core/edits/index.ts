/** Story edits: merge, split and retitle the stories of a geoparsed newsletter. */
export {
  applyStoryEdits,
  cleanTitle,
  describeStoryEdit,
  MAX_STORY_TITLE,
  type EditedAtlas,
  type SkippedEdit,
  type StoryEdit,
} from './edits';
