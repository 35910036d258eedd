// Comparing two readers' annotation files of one article: agreement per kind and
// the differences side by side (only in A, only in B, status differs).

import path from 'node:path';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useEnvironment, openApp, readFindings, downloadFrom, ensureOutputDir, errorText, articleViewText, seedText } from './support.mjs';

const env = useEnvironment({ before, after });

test('compare two files: agreement per kind and the differences, keyboard navigable', { timeout: 90_000 }, async () => {
  const session = await openApp(env);
  try {
    const { page } = session;
    await page.locator('[data-seed="0"]').click();
    await page.locator('#article-view').waitFor();
    const dir = await ensureOutputDir();
    const fileA = path.join(dir, 'workflow-compare-a.json');
    await (await downloadFrom(page, '#export')).saveAs(fileA);

    // Reader B re-classifies one finding and changes another's status.
    const findings = await readFindings(page);
    const moved = findings.find((f) => f.kind === 'loaded-language');
    const toKind = 'statistic';
    await page.locator(`.finding-entry[data-finding="${moved.finding}"]`).click();
    await page.locator('#finding-kind').selectOption(toKind);
    await page.locator(`#article-view mark[data-finding="${moved.finding}"][data-kind="${toKind}"]`).first().waitFor();
    const quote = findings.find((f) => f.kind === 'quote');
    const otherStatus = quote.status === 'attributed' ? 'unattributed' : 'attributed';
    await page.locator(`.finding-entry[data-finding="${quote.finding}"]`).click();
    await page.locator('#finding-status').selectOption(otherStatus);
    await page.locator(`#article-view mark[data-finding="${quote.finding}"][data-status="${otherStatus}"]`).first().waitFor();
    const fileB = path.join(dir, 'workflow-compare-b.json');
    await (await downloadFrom(page, '#export')).saveAs(fileB);

    // One file is not a comparison.
    await page.locator('#compare-files').setInputFiles([fileA]);
    await page.waitForFunction(() => /exactly two/.test(document.querySelector('#error')?.textContent ?? ''));

    await page.locator('#compare-files').setInputFiles([fileA, fileB]);
    const view = page.locator('#compare');
    await view.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'compare-heading', 'focus moves to the comparison');
    const row = (kind) => view.locator(`tr[data-kind="${kind}"]`);
    assert.match(await row('loaded-language').locator('.agreement').innerText(), /^\d+%$/);
    assert.notEqual(await row('loaded-language').locator('.agreement').innerText(), '100%', 'loaded language differs');
    assert.notEqual(await row('statistic').locator('.agreement').innerText(), '100%', 'statistics differ');
    const loaded = view.locator('.compare-kind[data-kind="loaded-language"]');
    assert.match(await loaded.locator('.only-a').innerText(), /Only in A \(1\)/);
    assert.ok((await loaded.locator('.only-a').innerText()).includes(moved.text.slice(0, 20)), 'names the words');
    assert.match(await view.locator('.compare-kind[data-kind="statistic"] .only-b').innerText(), /Only in B \(1\)/);
    const quotes = view.locator('.compare-kind[data-kind="quote"] .status-differs');
    assert.match(await quotes.innerText(), /status differs \(1\)/);
    // Keyboard: Tab from the heading reaches the close button; it returns to the article.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'close-compare');
    await page.keyboard.press('Enter');
    await view.waitFor({ state: 'detached' });
    assert.equal(await articleViewText(page), seedText(0));
    assert.equal(await errorText(page), '', 'the earlier message was replaced by the comparison');
    session.assertClean();
  } finally {
    await session.close();
  }
});
