// Importing someone's annotation file: onto an edited text it is re-anchored by
// its words and what cannot be placed is listed (never dropped silently); the
// file's own text can be opened instead; a damaged file changes nothing.

import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  useEnvironment,
  openApp,
  seedText,
  articleViewText,
  readFindings,
  findingsInTextOrder,
  downloadFrom,
  ensureOutputDir,
  errorText,
  selectInArticle,
} from './support.mjs';

const env = useEnvironment({ before, after });

test('re-anchoring after the text was edited lists orphans; the file\'s own text can be opened; a damaged file changes nothing', { timeout: 120_000 }, async () => {
  const session = await openApp(env);
  try {
    const { page } = session;
    const original = seedText(0);
    await page.locator('[data-seed="0"]').click();
    await page.locator('#article-view').waitFor();

    // A note on words of the first line, and a dismissal far below it.
    const firstLine = original.split('\n')[0];
    const noted = firstLine.slice(0, 25);
    assert.ok(await selectInArticle(page, noted), 'the words are plain text in the view');
    await page.locator('#add-note').click();
    await page.locator('#note-label').fill('framing');
    await page.locator('#note-body').fill('who is the general?');
    await page.locator('#note-save').click();
    await page.locator('#article-view mark[data-kind="note"]').first().waitFor();
    const order = await findingsInTextOrder(page);
    const last = order[order.length - 1];
    const lastText = (await readFindings(page)).find((f) => f.finding === last).text;
    await page.locator(`.finding-entry[data-finding="${last}"]`).click();
    await page.locator('#dismiss-finding').click();
    await page.locator('#dismiss-reason').fill('fine in context');
    await page.keyboard.press('Enter');
    await page.locator(`#article-view mark[data-finding="${last}"]`).first().waitFor({ state: 'detached' });
    const file = path.join(await ensureOutputDir(), 'workflow-import-original.json');
    await (await downloadFrom(page, '#export')).saveAs(file);

    // Edit the text: the first line goes, a line is added at the top.
    const edited = `Editor's note: this version was shortened.\n${original.split('\n').slice(1).join('\n')}`;
    await page.locator('#edit-text').click();
    await page.locator('#article-input').fill(edited);
    await page.locator('#analyse').click();
    await page.waitForFunction((text) => document.querySelector('#article-view')?.textContent === text, edited);

    // Import the file made on the original: the page asks what to do.
    await page.locator('#import-file').setInputFiles(file);
    const dialog = page.locator('[role="dialog"]');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /different text/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'dialog-apply');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    const orphans = page.locator('#orphans');
    await orphans.waitFor();
    assert.match(await orphans.innerText(), /who is the general\?/, 'the orphaned note is listed with what the reader wrote');
    assert.equal(await articleViewText(page), edited, 'the current text stays');
    assert.equal(await page.locator('#article-view mark[data-kind="note"]').count(), 0, 'the note could not be placed');
    // The dismissal moved with its words onto the new text.
    await page.locator('#show-dismissed').check();
    const dismissed = page.locator('#article-view mark[data-review="rejected"]');
    await dismissed.first().waitFor();
    assert.equal(await dismissed.first().textContent(), lastText);
    assert.equal(await articleViewText(page), edited);

    // Or open the file's own text.
    await page.locator('#import-file').setInputFiles(file);
    await dialog.waitFor();
    await page.locator('#dialog-own-text').click();
    await page.waitForFunction((text) => document.querySelector('#article-view')?.textContent === text, original);
    const note = page.locator('#article-view mark[data-kind="note"]');
    await note.first().waitFor();
    assert.equal(await note.evaluateAll((m) => m.map((x) => x.textContent).join('')), noted);
    assert.equal(await page.locator('#orphans').count(), 0);

    // A damaged file: a message, no question, and the work as it was.
    const signature = await readFindings(page);
    const broken = path.join(await ensureOutputDir(), 'workflow-import-broken.json');
    await writeFile(broken, '{"type": "AnnotationCollection", "first": {"items": [');
    await page.locator('#import-file').setInputFiles(broken);
    await page.waitForFunction(() => /Could not import/.test(document.querySelector('#error')?.textContent ?? ''));
    assert.match(await errorText(page), /workflow-import-broken\.json/);
    assert.equal(await page.locator('[role="dialog"]').count(), 0);
    assert.equal(await articleViewText(page), original);
    assert.deepEqual(await readFindings(page), signature);
    assert.equal(await note.evaluateAll((m) => m.map((x) => x.textContent).join('')), noted, 'the note is still there');
    session.assertClean();
  } finally {
    await session.close();
  }
});
