/** The reader's story edit controls as rendered: only where the app asks for edits. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../../src/core';
import { readDataFiles } from '../../../src/cli/data';
import { StoryReader } from '../../../src/ui/reader/StoryReader';

const atlas = loadData(readDataFiles()).geoparse(
  'Talks in Moscow\nThe delegation met.\nIt flew on.\n\nNext story.',
);
const render = (onStoryEdit?: () => void) =>
  renderToStaticMarkup(
    createElement(StoryReader, {
      atlas,
      story: atlas.stories[0]!,
      mentions: atlas.mentions,
      onMention: () => {},
      onClose: () => {},
      onStoryEdit,
    }),
  );

describe('story edit controls in the reader', () => {
  it('has none without onStoryEdit: reading stays as it was', () => {
    const html = render();
    expect(html).not.toMatch(/Edit story|Split here|Merge with next|Rename story|edit-status/);
  });

  it('with onStoryEdit, shows only the "Edit story" switch (off) until edit mode is on', () => {
    const html = render(() => {});
    expect(html).toMatch(
      /<button type="button" class="edit-toggle" aria-pressed="false">Edit story<\/button>/,
    );
    expect(html).not.toMatch(/Split here|Merge with next|Rename story/);
  });
});
