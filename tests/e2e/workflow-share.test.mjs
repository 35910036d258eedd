// Sharing: an HTML report and a Markdown summary to download, and a share link
// that holds the article and the annotations — copied to the clipboard (or shown
// to copy by hand), refused when too long, and restored exactly when opened.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  useEnvironment,
  openApp,
  openAppAt,
  seedText,
  articleViewText,
  readFindings,
  downloadFrom,
  downloadText,
  errorText,
} from './support.mjs';

const env = useEnvironment({ before, after });

async function workOnSeed(page, seed) {
  await page.locator(`[data-seed="${seed}"]`).click();
  await page.locator('#article-view').waitFor();
  const [first, second] = await readFindings(page);
  await page.locator(`.finding-entry[data-finding="${first.finding}"]`).click();
  await page.locator('#confirm-finding').click();
  await page.locator(`.finding-entry[data-finding="${second.finding}"]`).click();
  await page.locator('#dismiss-finding').click();
  await page.locator('#dismiss-reason').fill('quoted fairly <b>not bold</b>');
  await page.locator('#dismiss-submit').click();
  await page.locator('#show-dismissed').check();
  await page.locator(`#article-view mark[data-finding="${second.finding}"][data-review="rejected"]`).first().waitFor();
  await page.locator('#checklist input[name="answer-sift-stop"][value="yes"]').check();
  await page.locator('#checklist textarea[data-note="sift-stop"]').fill('checked the outlet');
}

test('HTML report and Markdown summary downloads', { timeout: 90_000 }, async () => {
  const session = await openApp(env);
  try {
    const { page } = session;
    await workOnSeed(page, 0);
    const report = await downloadFrom(page, '#export-html');
    assert.equal(report.suggestedFilename(), 'sourcelight-report.html');
    const html = await downloadText(report);
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(!/<script/i.test(html), 'no script in the report');
    assert.ok(html.includes('quoted fairly &lt;b&gt;not bold&lt;/b&gt;'), 'the reason is there, escaped');
    const summary = await downloadFrom(page, '#export-markdown');
    assert.match(summary.suggestedFilename(), /\.md$/);
    const markdown = await downloadText(summary);
    assert.ok(markdown.includes('checked the outlet'), 'the summary carries the reader\'s note');
    session.assertClean();
  } finally {
    await session.close();
  }
});

test('share link: copied, opened elsewhere restores the state exactly; a broken link changes nothing', { timeout: 90_000 }, async () => {
  const session = await openAppAt(env, env.server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  let other = null;
  try {
    const { page } = session;
    await workOnSeed(page, 2);
    const findings = await readFindings(page);
    await page.locator('#copy-share-link').click();
    await page.waitForFunction(() => /Share link copied/.test(document.querySelector('#save-status')?.textContent ?? ''));
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(link.startsWith(`${env.server.url}#v1.`), `a link to this page with the payload after # (got ${link.slice(0, 60)}…)`);

    other = await openAppAt(env, link);
    const again = other.page;
    await again.locator('#article-view').waitFor();
    assert.equal(await articleViewText(again), seedText(2), 'the same text');
    await again.locator('#show-dismissed').check();
    await again.waitForFunction((n) => document.querySelectorAll('#article-view mark[data-finding]').length >= n, findings.length);
    assert.deepEqual(await readFindings(again), findings, 'the same findings');
    const reviews = (p) => p.locator('#article-view mark[data-review]').evaluateAll((marks) => marks.map((m) => `${m.dataset.finding}:${m.dataset.review}`));
    assert.deepEqual(await reviews(again), await reviews(page), 'the same reviews');
    assert.ok(await again.locator('#checklist input[name="answer-sift-stop"][value="yes"]').isChecked());
    assert.equal(await again.locator('#checklist textarea[data-note="sift-stop"]').inputValue(), 'checked the outlet');
    assert.equal(await again.evaluate(() => location.hash), '', 'the payload leaves the address once read');

    // A damaged link pasted into the same tab: a message, and the work stays.
    await again.evaluate((base) => { location.hash = 'v1.this-is-not-a-real-payload'; }, env.server.url);
    await again.waitForFunction(() => /share link/i.test(document.querySelector('#error')?.textContent ?? ''));
    assert.match(await errorText(again), /Could not open the share link/);
    assert.equal(await articleViewText(again), seedText(2), 'the article is still there');
    assert.deepEqual(await reviews(again), await reviews(page), 'the reviews are still there');
    session.assertClean();
    other.assertClean();
  } finally {
    await session.close();
    await other?.close();
  }
});

test('without a clipboard the link is shown to copy by hand; a too-long article is refused with a clear message', { timeout: 90_000 }, async () => {
  const session = await openApp(env);
  try {
    const { page } = session;
    await page.locator('[data-seed="1"]').click();
    await page.locator('#article-view').waitFor();
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
    });
    await page.locator('#copy-share-link').click();
    const field = page.locator('#share-link');
    await field.waitFor();
    assert.ok(await field.evaluate((input) => input.readOnly), 'read-only');
    assert.ok((await field.inputValue()).startsWith(`${env.server.url}#v1.`));

    // A long text of varied words does not compress into a link.
    const bytes = randomBytes(120_000);
    const words = [];
    for (let i = 0; i < bytes.length; i += 6) {
      words.push(Array.from(bytes.subarray(i, i + 6), (b) => String.fromCharCode(97 + (b % 26))).join(''));
    }
    await page.locator('#edit-text').click();
    await page.locator('#article-input').fill(`${words.join(' ')}.`);
    await page.locator('#analyse').click();
    await page.locator('#article-view').waitFor();
    await page.locator('#copy-share-link').click();
    await page.waitForFunction(() => /more than the/.test(document.querySelector('#error')?.textContent ?? ''));
    assert.match(await errorText(page), /Export an annotation file and send the file instead/);
    session.assertClean();
  } finally {
    await session.close();
  }
});
