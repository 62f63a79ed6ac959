/** A short news text of two stories, with towns, AP state abbreviations and rivers: the worker tests' input. */
export const ARTICLE = [
  'Flood waters rise along the river',
  'Residents of Fowlerville, Mich., and Howell spent Sunday filling sandbags as the Shiawassee rose.',
  'Volunteers drove up from Lansing and Ann Arbor to help.',
  '',
  'A festival returns',
  'The Wichita, Kan., summer festival comes back to Old Town in June, with bands from Tulsa and Omaha.',
].join('\n');
