// Reviewing automatic findings: one click opens an example analysed, the details
// show every row at 1280×900, a finding is dismissed with a reason (kept, struck
// through, hidden by default), re-classified, and every change can be undone and
// redone by keyboard and by buttons.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useEnvironment, openApp, seedText, articleViewText, readFindings, downloadFrom, downloadText, ensureOutputDir } from './support.mjs';
import path from 'node:path';

const env = useEnvironment({ before, after });

/** Is the element's box fully inside the viewport and inside every scrolling ancestor? */
function fullyVisible(locator) {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    if (box.top < 0 || box.bottom > window.innerHeight || box.left < 0 || box.right > window.innerWidth) return false;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (!/(auto|scroll|hidden)/.test(style.overflowY)) continue;
      const clip = parent.getBoundingClientRect();
      if (box.top < clip.top - 1 || box.bottom > clip.bottom + 1) return false;
    }
    return true;
  });
}

test('one click analyses an example; the longest finding\'s details are all reachable at 1280×900', { timeout: 90_000 }, async () => {
  const session = await openApp(env);
  try {
    const { page } = session;
    await page.locator('[data-seed="1"]').click();
    await page.locator('#article-view').waitFor();
    assert.equal(await articleViewText(page), seedText(1), 'one click shows the example analysed');
    // The longest highlighted finding makes the tallest details.
    const findings = await readFindings(page);
    const longest = findings.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    await page.locator(`.finding-entry[data-finding="${longest.finding}"]`).click();
    const details = page.locator('#details');
    await details.waitFor();
    assert.equal(await details.getAttribute('data-finding'), String(longest.finding));
    // Heading, navigation and the first fact are in sight at once…
    for (const selector of ['#details-heading', '.details-nav button:has-text("Next")', '.details-nav button:has-text("Previous")', 'dd']) {
      assert.ok(await fullyVisible(details.locator(selector).first()), `${selector} is visible without scrolling`);
    }
    // …and everything else is reachable by scrolling the details' body, never cut off for good.
    for (const selector of ['code', '#confirm-finding', '#dismiss-finding', '#finding-kind', '#finding-status']) {
      const element = details.locator(selector).first();
      await element.scrollIntoViewIfNeeded();
      assert.ok(await fullyVisible(element), `${selector} can be brought fully into view`);
    }
    await page.screenshot({ path: path.join(await ensureOutputDir(), 'workflow-details-1280x900.png') });
    session.assertClean();
  } finally {
    await session.close();
  }
});

test('dismiss with a reason, show dismissed, re-classify, and undo/redo by keyboard and buttons', { timeout: 90_000 }, async () => {
  const session = await openApp(env);
  try {
    const { page } = session;
    await page.locator('[data-seed="0"]').click();
    await page.locator('#article-view').waitFor();
    const before = await readFindings(page);
    const target = before[0];
    await page.locator(`.finding-entry[data-finding="${target.finding}"]`).click();
    await page.locator('#details').waitFor();

    // Dismissing needs a reason: an empty one is refused with a message.
    await page.locator('#dismiss-finding').click();
    await page.locator('#dismiss-reason').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'dismiss-reason', 'focus goes to the reason');
    await page.keyboard.press('Enter');
    assert.match(await page.locator('#dismiss-reason-error').innerText(), /reason/i);
    assert.equal(await page.locator(`#article-view mark[data-finding="${target.finding}"]`).count() > 0, true, 'not dismissed without a reason');
    await page.keyboard.type('The wording is the speaker\'s, fairly quoted');
    await page.keyboard.press('Enter');

    // Hidden from the text and the list by default…
    await page.locator(`#article-view mark[data-finding="${target.finding}"]`).first().waitFor({ state: 'detached' });
    assert.equal(await page.locator(`.finding-entry[data-finding="${target.finding}"]`).count(), 0);
    // …shown struck through with "show dismissed".
    await page.locator('#show-dismissed').check();
    const mark = page.locator(`#article-view mark[data-finding="${target.finding}"]`).first();
    await mark.waitFor();
    assert.equal(await mark.getAttribute('data-review'), 'rejected');
    assert.match(await mark.evaluate((m) => getComputedStyle(m).textDecorationLine), /line-through/);
    assert.match(await mark.getAttribute('aria-label'), /dismissed/, 'not a colour-only cue: the label says so');
    assert.match(await page.locator(`.finding-entry[data-finding="${target.finding}"]`).innerText(), /dismissed/);

    // The file keeps it as rejected, with the reason.
    const json = JSON.parse(await downloadText(await downloadFrom(page, '#export')));
    assert.ok(JSON.stringify(json).includes('The wording is the speaker\'s, fairly quoted'), 'the reason is in the file');

    // Undo with Ctrl+Z (focus outside text fields) brings it back; Ctrl+Y redoes it.
    await page.locator('#review-heading').focus();
    await page.keyboard.press('Control+z');
    await page.waitForFunction((i) => !document.querySelector(`#article-view mark[data-finding="${i}"][data-review]`), target.finding);
    assert.equal(await page.locator(`#article-view mark[data-finding="${target.finding}"]`).first().getAttribute('data-review'), null);
    await page.keyboard.press('Control+y');
    await page.locator(`#article-view mark[data-finding="${target.finding}"][data-review="rejected"]`).first().waitFor();
    await page.keyboard.press('Control+z');
    await page.waitForFunction((i) => !document.querySelector(`#article-view mark[data-finding="${i}"][data-review]`), target.finding);
    await page.keyboard.press('Control+Shift+Z');
    await page.locator(`#article-view mark[data-finding="${target.finding}"][data-review="rejected"]`).first().waitFor();

    // Re-classify another finding: the status list follows the kind.
    const other = before[1];
    await page.locator(`.finding-entry[data-finding="${other.finding}"]`).click();
    await page.locator(`#details[data-finding="${other.finding}"]`).waitFor();
    const newKind = other.kind === 'statistic' ? 'quote' : 'statistic';
    await page.locator('#finding-kind').selectOption(newKind);
    await page.locator(`#article-view mark[data-finding="${other.finding}"][data-kind="${newKind}"]`).first().waitFor();
    const statuses = await page.locator('#finding-status option').evaluateAll((options) => options.map((o) => o.value));
    const expected = newKind === 'statistic' ? ['sourced', 'unsourced'] : ['attributed', 'vague-attribution', 'unattributed', 'scare-quote'];
    assert.deepEqual(statuses, expected, 'only the statuses valid for the new kind');
    await page.locator('#finding-status').selectOption(expected[1]);
    await page.locator(`#article-view mark[data-finding="${other.finding}"][data-status="${expected[1]}"]`).first().waitFor();

    // The Undo button walks back both changes of the re-classification, then the dismissal.
    for (let i = 0; i < 3; i += 1) await page.locator('#undo').click();
    await page.locator(`#article-view mark[data-finding="${other.finding}"][data-kind="${other.kind}"][data-status="${other.status}"]`).first().waitFor();
    await page.waitForFunction((i) => !document.querySelector(`#article-view mark[data-finding="${i}"][data-review]`), target.finding);
    assert.deepEqual(
      (await readFindings(page)).map((f) => `${f.kind}/${f.status}/${f.text}`),
      before.map((f) => `${f.kind}/${f.status}/${f.text}`),
      'after undoing everything the highlights are as analysed',
    );
    await page.locator('#redo').click();
    await page.locator(`#article-view mark[data-finding="${target.finding}"][data-review="rejected"]`).first().waitFor();
    session.assertClean();
  } finally {
    await session.close();
  }
});
