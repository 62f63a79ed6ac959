/**
 * The review tests' text: two stories with an ambiguous town named twice (Springfield), another
 * once (Clinton), names no gazetteer has (Quibbletown, Zorblatt Creek) and a settled pattern
 * ("Paris, Texas").
 */
export const STORM_NEWS = [
  'Storm news',
  'The storm reached Springfield on Monday. Crews from Quibbletown helped.',
  'Later, Springfield reopened its schools and crews went on to Clinton.',
  '',
  'Sports',
  'The team from Paris, Texas beat a side from Zorblatt Creek, Kansas.',
].join('\n');
