/**
 * Story edits in the reader (production build): reading shows only an "Edit story" switch; in edit
 * mode a story splits at a paragraph, merges with the next and takes a new title (Enter saves, Esc
 * cancels and does not close the story), and the story list follows.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { lineFrom, loadData, storyHeading, storyParagraphs } from '../../src/core';
import { readDataFiles } from '../../src/cli/data';
import { noBrowser, OUT_DIR, reader, storyButtons, useAtlas } from './harness';

const data = readDataFiles();
const bundled = loadData(data).geoparse(data.newsletters['russian-embassy-newsletter-2020-06.txt']!);
const paragraphsOf = (i: number) => storyParagraphs(bundled.text, bundled.stories[i]!);
/** A story of three paragraphs or more, not the last, whose first paragraph is body text. */
const story = bundled.stories.find(
  (s) =>
    s.index + 1 < bundled.stories.length &&
    paragraphsOf(s.index).length >= 3 &&
    !bundled.furniture.some((f) => f.start <= s.start && s.start < f.end),
)!;
const paragraphs = paragraphsOf(story.index);
const total = bundled.stories.length;
const shown = (n: number) => `${n} stories shown`;

async function countShown(page: Page) {
  return page.locator('nav[aria-label="Stories"] .count').innerText();
}

describe.skipIf(noBrowser)('Story edits in the reader (production build)', () => {
  const atlas = useAtlas();

  it('reading shows only "Edit story"; edit mode offers a split between paragraphs', async () => {
    expect(story).toBeDefined();
    const { page } = await atlas.open(`/?story=${story.index}`);
    const open = reader(page).first();
    await open.waitFor({ state: 'visible' });
    const toggle = open.getByRole('button', { name: 'Edit story' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await open.locator('button.split-here').count()).toBe(0);
    expect(await open.getByRole('button', { name: 'Merge with next story' }).count()).toBe(0);
    expect(await open.getByRole('button', { name: 'Rename story' }).count()).toBe(0);

    await toggle.click();
    const done = open.getByRole('button', { name: 'Done editing' });
    expect(await done.getAttribute('aria-pressed')).toBe('true');
    expect(await open.locator('button.split-here').count()).toBe(paragraphs.length - 1);
    const second = bundled.text.slice(paragraphs[1]!.start, paragraphs[1]!.end);
    const firstWords = second.split(/\s+/).slice(0, 3).join(' ');
    const split = open.getByRole('button', { name: `Split here, before paragraph 2: ${firstWords}` });
    expect(await split.count()).toBe(1);
    await page.screenshot({ path: join(OUT_DIR, 'reader-edit-mode-1366x800.png') });

    await split.click();
    // The open story keeps its first paragraph; the rest is the next story, titled from its first line.
    await expect.poll(() => open.locator('.story-text p').count()).toBe(1);
    expect(await open.getByRole('status').innerText()).toMatch(
      /^Split: paragraph 2 on is now the next story/,
    );
    await open.getByRole('button', { name: '← Back to stories' }).click();
    await expect.poll(() => countShown(page)).toBe(shown(total + 1));
    const next = storyHeading(lineFrom(bundled.text, paragraphs[1]!.start), paragraphs.length - 1);
    const nextButton = storyButtons(page).and(page.locator(`[data-story="${story.index + 1}"]`));
    expect(await nextButton.locator('.story-title').innerText()).toBe(next.title);
    const moved = bundled.mentions.filter((m) => m.story === story.index && m.start >= paragraphs[1]!.start);
    expect(await nextButton.locator('.mention-count').innerText()).toMatch(
      new RegExp(`^\\s*${moved.length} mentions?$`),
    );

    // Merge it back: the story has all its paragraphs again.
    await storyButtons(page)
      .and(page.locator(`[data-story="${story.index}"]`))
      .click();
    await open.waitFor({ state: 'visible' });
    await open.getByRole('button', { name: 'Edit story' }).click();
    await open.getByRole('button', { name: 'Merge with next story' }).click();
    await expect.poll(() => open.locator('.story-text p').count()).toBe(paragraphs.length);
    await open.getByRole('button', { name: '← Back to stories' }).click();
    await expect.poll(() => countShown(page)).toBe(shown(total));
  });

  it('renames a story: Enter saves, Esc cancels without closing the story, an empty title is refused', async () => {
    const { page } = await atlas.open(`/?story=${story.index}`);
    const open = reader(page).first();
    await open.waitFor({ state: 'visible' });
    await open.getByRole('button', { name: 'Edit story' }).click();

    await open.getByRole('button', { name: 'Rename story' }).click();
    const field = open.getByRole('textbox', { name: 'Story title' });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await field.inputValue()).toBe(story.title);
    await field.fill('Not this one');
    await field.press('Escape');
    await expect.poll(() => field.count()).toBe(0);
    expect(await open.isVisible()).toBe(true); // Esc cancelled the rename, the story stays open
    expect(await open.locator('h2').innerText()).toBe(story.title);
    const rename = open.getByRole('button', { name: 'Rename story' });
    await expect.poll(() => rename.evaluate((el) => el === document.activeElement)).toBe(true);

    await rename.click();
    await field.fill('   ');
    await field.press('Enter');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await open.locator('.field-problem').innerText()).toMatch(/A story needs a title/);
    expect(await open.locator('h2').innerText()).toBe(story.title);

    await field.fill('  The delegation   in Moscow ');
    await field.press('Enter');
    await expect.poll(() => open.locator('h2').innerText()).toBe('The delegation in Moscow');
    expect(await open.getAttribute('aria-label')).toBe('Story: The delegation in Moscow');
    await open.getByRole('button', { name: '← Back to stories' }).click();
    const button = storyButtons(page).and(page.locator(`[data-story="${story.index}"]`));
    await expect.poll(() => button.locator('.story-title').innerText()).toBe('The delegation in Moscow');
  });

  it('offers no merge on the last story', async () => {
    const { page } = await atlas.open(`/?story=${total - 1}`);
    const open = reader(page).first();
    await open.waitFor({ state: 'visible' });
    await open.getByRole('button', { name: 'Edit story' }).click();
    await open.getByRole('button', { name: 'Rename story' }).waitFor();
    expect(await open.getByRole('button', { name: 'Merge with next story' }).count()).toBe(0);
  });
});
