/**
 * The reader shows the newsletter's furniture ("READ ALSO: …", "Read more", curated in
 * data/newsletters/*.furniture.csv) as what it is: a muted, smaller link-like line, not body text.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noBrowser, OUT_DIR, reader, useAtlas } from './harness';

describe.skipIf(noBrowser)('Newsletter furniture in the reader (production build)', () => {
  const atlas = useAtlas();

  it('shows a READ ALSO line and a trailing "Read more" apart from the body text', async () => {
    const { page } = await atlas.open('/?story=1');
    const story = reader(page).first();
    await story.waitFor({ state: 'visible' });
    const line = story.locator('p.furniture-line');
    expect(await line.count()).toBe(1);
    expect(await line.innerText()).toMatch(
      /READ ALSO: Telephone conversations with presidents of Azerbaijan/,
    );
    const style = (sel: string) =>
      story
        .locator(sel)
        .first()
        .evaluate((el) => {
          const s = getComputedStyle(el);
          return { size: parseFloat(s.fontSize), color: s.color, italic: s.fontStyle === 'italic' };
        });
    const body = await style('.story-text p:not(.furniture-line)');
    const furniture = await style('p.furniture-line .furniture');
    expect(furniture.size).toBeLessThan(body.size); // smaller, and italic: not by colour alone
    expect(furniture.italic).toBe(true);
    expect(furniture.color).not.toBe(body.color);
    // The places it names are still buttons.
    expect(await line.locator('button.mention').allInnerTexts()).toContain('Azerbaijan');
    await line.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT_DIR, 'reader-furniture-1366x800.png') });

    const interview = await atlas.open('/?story=16');
    const text = reader(interview.page).first();
    await text.waitFor({ state: 'visible' });
    const tails = text.locator('.story-text p:not(.furniture-line) .furniture');
    expect(await tails.count()).toBe(6);
    expect(new Set(await tails.allInnerTexts())).toEqual(new Set(['Read more']));
  });
});
