// Never losing work: the session is saved in the browser and restored on reload;
// opening another article over unsaved work asks first (in-page dialog, keyboard
// operable) and the replaced work stays one Undo away; a full storage quota is
// reported in a visible status line and nothing in memory is lost.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useEnvironment, openApp, seedText, articleViewText, readFindings, waitForSaved } from './support.mjs';

const env = useEnvironment({ before, after });

async function confirmFirstFinding(page) {
  const [first] = await readFindings(page);
  await page.locator(`.finding-entry[data-finding="${first.finding}"]`).click();
  await page.locator('#confirm-finding').click();
  await page.locator(`#article-view mark[data-finding="${first.finding}"][data-review="confirmed"]`).first().waitFor();
  return first;
}

test('reload restores the article, reviews and answers', { timeout: 90_000 }, async () => {
  const session = await openApp(env);
  try {
    const { page } = session;
    await page.locator('[data-seed="0"]').click();
    await page.locator('#article-view').waitFor();
    const first = await confirmFirstFinding(page);
    await page.locator('#checklist input[name="answer-sift-find"][value="no"]').check();
    await page.locator('#checklist textarea[data-note="sift-find"]').fill('nothing elsewhere');
    await waitForSaved(page, (s) => s.review && s.annotation && s.annotation.includes('nothing elsewhere'));
    const signature = await readFindings(page);

    await page.reload();
    await page.locator('#article-view').waitFor();
    assert.equal(await articleViewText(page), seedText(0), 'the same article');
    assert.deepEqual(await readFindings(page), signature, 'the same highlights');
    assert.equal(await page.locator(`#article-view mark[data-finding="${first.finding}"]`).first().getAttribute('data-review'), 'confirmed');
    assert.ok(await page.locator('#checklist input[name="answer-sift-find"][value="no"]').isChecked());
    assert.equal(await page.locator('#checklist textarea[data-note="sift-find"]').inputValue(), 'nothing elsewhere');
    session.assertClean();
  } finally {
    await session.close();
  }
});

test('opening an example over unsaved work asks in the page; cancel keeps it, replace is undoable', { timeout: 90_000 }, async () => {
  const session = await openApp(env);
  try {
    const { page } = session;
    await page.locator('[data-seed="0"]').click();
    await page.locator('#article-view').waitFor();
    const first = await confirmFirstFinding(page);
    await page.locator('#edit-text').click();
    await page.locator('[data-seed="2"]').click();
    const dialog = page.locator('[role="dialog"]');
    await dialog.waitFor();
    assert.equal(await dialog.getAttribute('aria-modal'), 'true');
    assert.match(await dialog.innerText(), /Replace your work/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'dialog-cancel', 'focus starts on the safe choice');
    // Tab stays inside the dialog.
    for (let i = 0; i < 4; i += 1) {
      await page.keyboard.press('Tab');
      assert.ok(await page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]'))), 'focus stays in the dialog');
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.locator('#article-input').inputValue(), seedText(0), 'nothing replaced');

    await page.locator('[data-seed="2"]').click();
    await dialog.waitFor();
    await page.locator('#dialog-confirm').focus();
    await page.keyboard.press('Enter');
    await page.locator('#article-view').waitFor();
    assert.equal(await articleViewText(page), seedText(2), 'the example replaced the work');

    await page.locator('#undo').click();
    await page.waitForFunction((text) => document.querySelector('#article-view')?.textContent === text, seedText(0));
    assert.equal(await page.locator(`#article-view mark[data-finding="${first.finding}"]`).first().getAttribute('data-review'), 'confirmed', 'the work is back');
    session.assertClean();
  } finally {
    await session.close();
  }
});

test('a full storage quota is reported and the work in memory is kept', { timeout: 90_000 }, async () => {
  const session = await openApp(env);
  try {
    const { page } = session;
    await page.locator('[data-seed="1"]').click();
    await page.locator('#article-view').waitFor();
    await page.evaluate(() => {
      window.__realSetItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const first = await confirmFirstFinding(page);
    const status = page.locator('#save-status');
    await page.waitForFunction(() => /storage is full/.test(document.querySelector('#save-status')?.textContent ?? ''));
    assert.match(await status.innerText(), /Could not save in this browser: storage is full — export the file to keep your work/);
    assert.ok(await status.isVisible(), 'the message is on screen');
    assert.equal(await status.getAttribute('role'), 'status');
    assert.equal(await page.locator(`#article-view mark[data-finding="${first.finding}"]`).first().getAttribute('data-review'), 'confirmed', 'the change is kept in memory');
    // Export still works, and once storage works again the message goes.
    await page.evaluate(() => {
      Storage.prototype.setItem = window.__realSetItem;
    });
    await page.locator('#checklist input[name="answer-sift-find"][value="yes"]').check();
    await page.waitForFunction(() => (document.querySelector('#save-status')?.textContent ?? '') === '');
    session.assertClean();
  } finally {
    await session.close();
  }
});
