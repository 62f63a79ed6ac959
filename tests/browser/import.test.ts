/**
 * Bring your own newsletter, in headless Chromium on the production build: import an .html file
 * by the picker, paste a text, drop an .eml on the window; a binary file is refused with a
 * message and changes nothing; the same text is not imported twice; the library lists them,
 * switches between them by its list and by URL (?n=), keeps them over a reload (a long one in
 * parts), and removes one with Undo; a hostile HTML file runs nothing. No request leaves the test server (harness).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STORM_NEWS } from '../core/review/stormNews';
import { MARKER, markerLabels, noBrowser, OUT_DIR, reader, useAtlas } from './harness';
import { storedTitles } from './libraryDb';

const HTML = `<!doctype html><html><head><title>Ignored head</title>
<script>window.__ran = (window.__ran || 0) + 1;</script></head>
<body><nav>Home | About</nav>
<h1>Harbour Notes, March 2021</h1>
<p>The ferry from Halifax to Bar Harbor resumes in May.</p>
<p>Volunteers in Anchorage, Alaska sent supplies to Nome.</p>
<img src="x" onerror="window.__ran = (window.__ran || 0) + 1">
<footer>Unsubscribe</footer></body></html>`;

const EML = [
  'From: Desk <desk@example.org>',
  'Subject: Letters from Oslo',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Students in Oslo and Bergen wrote to a school in Reykjavik.',
  '',
].join('\r\n');

/** Two names the finder is not sure of (a town of that name in several states). */
const REVIEWED =
  'Harbour notes\n\nVolunteers from Springfield sent boxes to Portland and to Salem.\nA choir from Jackson sang in Vienna.\n';

const PASTED = 'Notes from the coast\n\nA festival in Lisbon drew visitors from Porto and Madrid.\n';

function masthead(page: Page) {
  return page.locator('.masthead');
}

async function openImport(page: Page) {
  await page.getByRole('button', { name: 'Import…' }).click();
  return page.getByRole('dialog', { name: 'Import a newsletter' });
}

async function pickFile(page: Page, name: string, mimeType: string, content: string | Buffer) {
  const dialog = await openImport(page);
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType, buffer: typeof content === 'string' ? Buffer.from(content) : content });
  return dialog;
}

/** Waits until the masthead names `title` (the newsletter shown). */
async function shows(page: Page, title: string) {
  await expect
    .poll(() => masthead(page).locator('p').first().textContent(), { timeout: 30_000 })
    .toContain(title);
}

async function libraryTitles(page: Page): Promise<string[]> {
  const toggle = page.getByRole('button', { name: /^Library/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const titles = await page.locator('.library-list .library-title').allTextContents();
  await toggle.click();
  return titles;
}

describe.skipIf(noBrowser)('import and the library', () => {
  const atlas = useAtlas();

  it('imports an .html file by the picker: its places become markers, it is kept over a reload, and its scripts never run', async () => {
    const { page } = await atlas.open('/');
    const bundledTitle = (await masthead(page).locator('p').first().textContent()) ?? '';
    await pickFile(page, 'harbour.html', 'text/html', HTML);
    await shows(page, 'Harbour Notes, March 2021');
    await expect.poll(() => new URL(page.url()).searchParams.get('n')).toMatch(/^n-[0-9a-f]{8}$/);
    for (const place of ['Anchorage', 'Halifax', 'Nome'])
      await expect
        .poll(async () => (await markerLabels(page)).join(' '), { timeout: 10_000 })
        .toContain(place);
    expect(await page.evaluate(() => (window as { __ran?: number }).__ran ?? 0)).toBe(0);
    // The story list is the imported one's: its stories name its places.
    await expect
      .poll(() => page.locator('nav[aria-label="Stories"]').textContent())
      .toContain('Harbour Notes');

    await page.reload();
    await shows(page, 'Harbour Notes, March 2021');
    await page.locator(MARKER).first().waitFor();
    expect(await libraryTitles(page)).toEqual(expect.arrayContaining(['Harbour Notes, March 2021']));

    // Back to the bundled newsletter by the library's list, and forward again by the history.
    await page.getByRole('button', { name: /^Library/ }).click();
    await page.locator('.library-open', { hasText: bundledTitle.split(' · ')[0]! }).click();
    await shows(page, bundledTitle.split(' · ')[0]!);
    expect(new URL(page.url()).searchParams.get('n')).toBeNull();
    await page.goBack();
    await shows(page, 'Harbour Notes, March 2021');
  });

  it('corrects a mention in the Review panel: the map follows at once, and the choice is kept over a reload', async () => {
    const { page } = await atlas.open('/');
    const dialog = await openImport(page);
    await dialog.getByLabel('Or paste a text').fill(REVIEWED);
    await dialog.getByRole('button', { name: 'Import the pasted text' }).click();
    await shows(page, 'Harbour notes');
    await expect.poll(async () => (await markerLabels(page)).join(' ')).toContain('Portland');
    // An uncertain place looks uncertain in the reader: a mark and words, not colour alone.
    await page.locator('nav[aria-label="Stories"] button[data-story="1"]').click();
    const portland = reader(page).locator('.mention', { hasText: 'Portland' }).first();
    expect(await portland.textContent()).toMatch(/^Portland\? \(place uncertain, \d+% sure\)$/);
    expect(await portland.getAttribute('class')).toContain('uncertain');

    await page.getByRole('button', { name: /^Review \(\d+\)$/ }).click();
    const review = page.getByRole('dialog', { name: 'Review' });
    const group = review.getByRole('button', { name: /^Portland \(1 mention\)$/ });
    if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
    await review.getByRole('button', { name: 'Not a place' }).click();
    await expect.poll(async () => (await markerLabels(page)).join(' ')).not.toContain('Portland');

    await page.reload();
    await shows(page, 'Harbour notes');
    await expect
      .poll(async () => (await markerLabels(page)).join(' '), { timeout: 20_000 })
      .toContain('Salem');
    expect((await markerLabels(page)).join(' ')).not.toContain('Portland');
    await page.getByRole('button', { name: /^Review \(\d+\)$/ }).click();
    await page
      .getByRole('dialog', { name: 'Review' })
      .getByRole('button', { name: 'Undo the choice for Portland' })
      .click();
    await expect.poll(async () => (await markerLabels(page)).join(' ')).toContain('Portland');
  });

  it('refuses a binary file with a message and changes nothing', async () => {
    const { page } = await atlas.open('/');
    const before = await masthead(page).locator('p').first().textContent();
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    const dialog = await pickFile(page, 'photo.png', 'image/png', png);
    const job = dialog.locator('.import-job');
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 30_000 }).toBe('refused');
    expect(await job.textContent()).toMatch(/photo\.png.*PNG/);
    expect(await masthead(page).locator('p').first().textContent()).toBe(before);
    expect(new URL(page.url()).searchParams.get('n')).toBeNull();
    expect(await libraryTitles(page)).toHaveLength(1);
  });

  it('imports pasted text and a dropped .eml; the same text again is opened, not imported twice', async () => {
    const { page } = await atlas.open('/');
    const dialog = await openImport(page);
    await dialog.getByLabel('Or paste a text').fill(PASTED);
    await dialog.getByRole('button', { name: 'Import the pasted text' }).click();
    await shows(page, 'Notes from the coast');
    await expect.poll(async () => (await markerLabels(page)).join(' ')).toContain('Lisbon');

    // Drop an e-mail on the window: its Subject is its title.
    await page.evaluate((eml) => {
      const data = new DataTransfer();
      data.items.add(new File([eml], 'letters.eml', { type: 'message/rfc822' }));
      for (const type of ['dragenter', 'dragover', 'drop'])
        document.body.dispatchEvent(
          new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }),
        );
    }, EML);
    await shows(page, 'Letters from Oslo');
    expect(await libraryTitles(page)).toEqual(
      expect.arrayContaining(['Notes from the coast', 'Letters from Oslo']),
    );

    // The pasted text once more (its line ends changed): the library says so and opens it.
    const again = await openImport(page);
    await again.getByLabel('Or paste a text').fill(PASTED.replaceAll('\n', '\r\n'));
    await again.getByRole('button', { name: 'Import the pasted text' }).click();
    await shows(page, 'Notes from the coast');
    await expect
      .poll(() => page.locator('.library-notice').textContent())
      .toContain('“Notes from the coast” is in the library already: opened it, not imported again.');
    expect(await libraryTitles(page)).toHaveLength(3);
  });

  it('keeps a renamed story over a reload, exports the newsletter with it, and imports the file back in another browser; a foreign file is refused', async () => {
    const { page } = await atlas.open('/');
    const dialog = await openImport(page);
    await dialog.getByLabel('Or paste a text').fill(PASTED);
    await dialog.getByRole('button', { name: 'Import the pasted text' }).click();
    await shows(page, 'Notes from the coast');
    await page.locator('nav[aria-label="Stories"] button[data-story="0"]').click();
    const open = reader(page).first();
    await open.getByRole('button', { name: 'Edit story' }).click();
    await open.getByRole('button', { name: 'Rename story' }).click();
    await open.getByRole('textbox', { name: 'Story title' }).fill('Festival week');
    await open.getByRole('textbox', { name: 'Story title' }).press('Enter');
    await expect.poll(() => open.locator('h2').innerText()).toBe('Festival week');
    // Written to the library before the reload (a reload in the same moment races the write).
    const id = new URL(page.url()).searchParams.get('n')!;
    await expect.poll(() => storedTitles(page, id), { timeout: 10_000 }).toContain('Festival week');

    await page.reload();
    await shows(page, 'Notes from the coast');
    const title = page.locator('nav[aria-label="Stories"] button[data-story="0"] .story-title');
    await expect.poll(() => title.innerText(), { timeout: 20_000 }).toBe('Festival week');

    await page.getByRole('button', { name: 'Export…' }).click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Newsletter with its edits/ }).click(),
    ]);
    const path = join(OUT_DIR, 'exported.newsletter.json');
    await file.saveAs(path);
    expect(file.suggestedFilename()).toBe('notes-from-the-coast.newsletter.json');
    const exported = readFileSync(path, 'utf8');
    expect(JSON.parse(exported)).toMatchObject({
      format: 'newsletter-atlas-newsletter',
      edits: { storyEdits: [{ op: 'retitle', story: 0, title: 'Festival week' }] },
    });

    // Another browser (a fresh context: an empty library) reads the file back, edits and all.
    const other = await atlas.open('/');
    const picker = await openImport(other.page);
    await picker.locator('input[type=file]').setInputFiles({
      name: 'broken.newsletter.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"something-else"}'),
    });
    const refused = picker.locator('.import-job').last();
    await expect.poll(() => refused.getAttribute('data-state')).toBe('refused');
    expect(await refused.textContent()).toMatch(/broken\.newsletter\.json: .*another format/);
    expect(await libraryTitles(other.page)).toHaveLength(1);

    await picker.locator('input[type=file]').setInputFiles(path);
    await shows(other.page, 'Notes from the coast');
    const otherTitle = other.page.locator('nav[aria-label="Stories"] button[data-story="0"] .story-title');
    await expect.poll(() => otherTitle.innerText(), { timeout: 20_000 }).toBe('Festival week');
    expect(new URL(other.page.url()).searchParams.get('n')).toBe(new URL(page.url()).searchParams.get('n'));
  });

  it('keeps a newsletter longer than one stored part (in parts) over a reload, and exports it whole', async () => {
    const { page } = await atlas.open('/');
    // About 1.2 M characters: three parts of the library's 512 Ki; a story in the last part is
    // the 4,201st to name Lisbon.
    const story = 'A festival in Lisbon drew visitors from Porto and Madrid, and the harbour was full.\n';
    const stories = Array.from({ length: 4200 }, (_, i) => `Story ${i + 1}\n\n${story.repeat(3)}`);
    stories.splice(4000, 0, 'Letters home\n\nStudents in Reykjavik wrote back to the school in Lisbon.\n');
    const text = `Long letters\n\n${stories.join('\n')}`;
    await pickFile(page, 'long.txt', 'text/plain', text);
    await shows(page, 'Long letters');
    await expect
      .poll(async () => (await markerLabels(page)).join(' '), { timeout: 30_000 })
      .toContain('Lisbon, 4201 stories');
    const parts = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const request = indexedDB.open('newsletter-atlas-library');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const count = db.transaction('textParts').objectStore('textParts').count();
            count.onsuccess = () => {
              resolve(count.result);
              db.close();
            };
          };
        }),
    );
    expect(parts).toBe(Math.ceil(text.length / (1 << 19)));

    await page.reload();
    await shows(page, 'Long letters');
    await expect
      .poll(async () => (await markerLabels(page)).join(' '), { timeout: 30_000 })
      .toContain('Lisbon, 4201 stories');
    await page.getByRole('button', { name: 'Export…' }).click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Newsletter with its edits/ }).click(),
    ]);
    const path = join(OUT_DIR, 'long.newsletter.json');
    await file.saveAs(path);
    expect((JSON.parse(readFileSync(path, 'utf8')) as { text: string }).text).toBe(text);
  });

  it('imports several files at once as several newsletters, and opens the last', async () => {
    const { page } = await atlas.open('/');
    const dialog = await openImport(page);
    await dialog.locator('input[type=file]').setInputFiles([
      {
        name: 'one.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('First letter\n\nNews from Dublin and Cork.\n'),
      },
      {
        name: 'two.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from('# Second letter\n\nNews from Lyon.\n'),
      },
    ]);
    await shows(page, 'Second letter');
    expect(await libraryTitles(page)).toEqual(expect.arrayContaining(['First letter', 'Second letter']));
  });

  it('keeps working in memory, and says so, where the browser gives no IndexedDB', async () => {
    const { page } = await atlas.open('/', {
      init: async (p) => {
        await p.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
      },
    });
    const dialog = await openImport(page);
    await dialog.getByLabel('Or paste a text').fill(PASTED);
    await dialog.getByRole('button', { name: 'Import the pasted text' }).click();
    await shows(page, 'Notes from the coast');
    await expect
      .poll(() => page.locator('.library-note').textContent())
      .toMatch(/works in memory for this session only/);
  });

  it('keeps a removed newsletter’s review choices, says so, and applies them when the same file is imported again', async () => {
    const { page } = await atlas.open('/');
    await pickFile(page, 'storm.txt', 'text/plain', STORM_NEWS);
    await shows(page, 'Storm news');
    await expect.poll(async () => (await markerLabels(page)).join(' ')).toContain('Clinton');
    const labels = async () => (await markerLabels(page)).join(' | ');

    // Two choices: a name no gazetteer has becomes a place found by a search, another is not a place.
    await page.getByRole('button', { name: /^Review \(\d+\)$/ }).click();
    const review = page.getByRole('dialog', { name: 'Review' });
    const group = (name: RegExp) => review.getByRole('button', { name });
    const expand = async (name: RegExp) => {
      if ((await group(name).getAttribute('aria-expanded')) !== 'true') await group(name).click();
    };
    await expand(/^Quibbletown \(1 mention\)$/);
    const box = review.getByLabel('Search the gazetteer for another place for “Quibbletown”');
    await box.fill('Omaha');
    await box.press('Enter');
    await review
      .getByRole('button', { name: /^This place: Omaha\b/ })
      .first()
      .click();
    await expect.poll(labels, { timeout: 10_000 }).toMatch(/(^| )Omaha\b/);
    await expand(/^Clinton \(1 mention\)$/);
    await review.getByRole('button', { name: 'Not a place' }).click();
    await expect.poll(labels).not.toContain('Clinton');
    await review.getByRole('button', { name: 'Close the review' }).click();

    await page.getByRole('button', { name: /^Library/ }).click();
    await page.getByRole('button', { name: 'Remove “Storm news” from the library' }).click();
    await expect
      .poll(() => page.locator('.library-notice').textContent(), { timeout: 10_000 })
      .toContain(
        'Removed “Storm news”. Its corrections (story edits and review choices) are kept: they come back if the same text is imported again.',
      );
    await expect.poll(() => new URL(page.url()).searchParams.get('n')).toBeNull();
    await expect.poll(labels).not.toContain('Omaha');

    // Past undo (a reload), the same file again: its choices are back, the searched place too.
    await page.reload();
    await page.locator(MARKER).first().waitFor();
    await pickFile(page, 'storm.txt', 'text/plain', STORM_NEWS);
    await shows(page, 'Storm news');
    await expect.poll(labels, { timeout: 20_000 }).toMatch(/(^| )Omaha\b/);
    expect(await labels()).not.toContain('Clinton');
    expect(await labels()).toContain('Springfield');
    await page.getByRole('button', { name: /^Review \(\d+\)$/ }).click();
    await expect
      .poll(() => review.getByRole('button', { name: /^Undo the choice for (Quibbletown|Clinton)$/ }).count())
      .toBe(2);
  });

  it('removes an imported newsletter with Undo, and a link to a removed one says so', async () => {
    const { page } = await atlas.open('/');
    const dialog = await openImport(page);
    await dialog.getByLabel('Or paste a text').fill(PASTED);
    await dialog.getByRole('button', { name: 'Import the pasted text' }).click();
    await shows(page, 'Notes from the coast');
    // All went well: the panel gave way to the map.
    await expect.poll(() => dialog.count()).toBe(0);
    const link = page.url();

    await page.getByRole('button', { name: /^Library/ }).click();
    await page.getByRole('button', { name: 'Remove “Notes from the coast” from the library' }).click();
    // The notice follows the library's write (seconds on a busy machine), not the click.
    await expect
      .poll(() => page.locator('.library-notice').textContent(), { timeout: 10_000 })
      .toContain('Removed “Notes from the coast”');
    expect(new URL(page.url()).searchParams.get('n')).toBeNull();
    await page.locator('.library-notice').getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(() => page.locator('.library-notice').textContent(), { timeout: 10_000 })
      .toContain('is back in the library');
    await page.goto(link);
    await shows(page, 'Notes from the coast');

    await page.getByRole('button', { name: /^Library/ }).click();
    await page.getByRole('button', { name: 'Remove “Notes from the coast” from the library' }).click();
    await expect
      .poll(() => page.locator('.library-notice').textContent(), { timeout: 10_000 })
      .toContain('Removed');
    await page.goto(link);
    await expect
      .poll(() => page.locator('.library-notice').textContent())
      .toContain('There is no newsletter');
    await page.locator(MARKER).first().waitFor();
    expect(new URL(page.url()).searchParams.get('n')).toBeNull();
  });
});
