// Getting an article in other than by typing: opening a .txt or .html file,
// and pasting rich text copied from a web page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  useEnvironment,
  openApp,
  analyseDraft,
  articleViewText,
  markCounts,
  SEED_FILES,
} from './support.mjs';

const env = useEnvironment({ before, after });

test('opening a .txt article analyses its text', { timeout: 60_000 }, async () => {
  const session = await openApp(env);
  try {
    const { page } = session;
    const text = await readFile(SEED_FILES[0], 'utf8');
    await page.locator('#file-input').setInputFiles(SEED_FILES[0]);
    // The text goes into the box (or straight to the analysed article).
    await page.waitForFunction(
      () => document.querySelector('#article-view') || document.querySelector('#article-input')?.value,
    );
    if ((await page.locator('#article-view').count()) === 0) {
      assert.equal(await page.locator('#article-input').inputValue(), text, 'the file fills the box');
    }
    await analyseDraft(page);
    assert.equal(await articleViewText(page), text, 'the article shown is the file');
    const counts = await markCounts(page);
    assert.ok((counts['loaded-language'] ?? 0) > 0, `highlights shown (${JSON.stringify(counts)})`);
    session.assertClean();
  } finally {
    await session.close();
  }
});

test('opening an .html article shows its paragraphs as text, without its script', { timeout: 60_000 }, async () => {
  const session = await openApp(env);
  try {
    const { page } = session;
    const html = `<!doctype html>
<html><head><title>Page title</title>
<style>p { color: red } .STYLE_MARKER {}</style>
<script>window.__ranFromFile = 1; var SCRIPT_MARKER = "bad()";</script>
</head><body>
<nav><a href="https://example.com/">Home</a></nav>
<article>
<p>The first paragraph says the plan is a &ldquo;disaster&rdquo;, officials said.</p>
<p>The second paragraph: <b>40%</b> of   residents agree, according to a survey by the city.</p>
<script>document.title = "SCRIPT_MARKER_2";</script>
</article>
</body></html>`;
    await page.locator('#file-input').setInputFiles({ name: 'article.html', mimeType: 'text/html', buffer: Buffer.from(html, 'utf8') });
    await page.waitForFunction(
      () => document.querySelector('#article-view') || document.querySelector('#article-input')?.value,
    );
    await analyseDraft(page);
    const shown = await articleViewText(page);
    assert.match(shown, /The first paragraph says the plan is a “disaster”, officials said\./, 'first paragraph, entities decoded');
    assert.match(shown, /The second paragraph: 40% of\s+residents agree/, 'second paragraph, inline tags dropped');
    assert.match(shown, /officials said\.\s*\n[\s\S]*The second paragraph/, 'the paragraphs are on separate lines');
    for (const absent of ['SCRIPT_MARKER', '__ranFromFile', 'bad()', 'STYLE_MARKER', 'color: red', '<p>', '</p>', '<b>']) {
      assert.ok(!shown.includes(absent), `"${absent}" is not in the article`);
    }
    assert.equal(await page.evaluate(() => typeof window.__ranFromFile), 'undefined', 'the file\'s script did not run');
    assert.notEqual(await page.title(), 'SCRIPT_MARKER_2');
    const paragraphs = (await page.locator('#article-view').innerText()).split(/\n\s*\n/).filter((p) => p.trim());
    assert.ok(paragraphs.length >= 2, `shown as at least two paragraphs (got ${paragraphs.length})`);
    session.assertClean();
  } finally {
    await session.close();
  }
});

test('rich text pasted from a web page keeps its paragraphs and loses its script', { timeout: 60_000 }, async () => {
  const session = await openApp(env);
  try {
    const { page } = session;
    const box = page.locator('#article-input');
    await box.click();
    const html = '<p>First para <b>bold</b></p><p>Second “quote” para</p><script>bad()</script>';
    const plain = 'First para bold\nSecond “quote” para';
    await box.evaluate(
      (area, { html, plain }) => {
        const data = new DataTransfer();
        data.setData('text/html', html);
        data.setData('text/plain', plain);
        area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
      { html, plain },
    );
    await page.waitForFunction(() => document.querySelector('#article-input').value !== '', null, { timeout: 5_000 }).catch(() => {});
    const value = await box.inputValue();
    assert.match(value, /First para bold[ \t]*\n[ \t]*\n?[ \t]*Second “quote” para/, `paragraph break kept (got ${JSON.stringify(value)})`);
    assert.ok(!value.includes('bad()'), 'the script is gone');
    assert.ok(!/<\/?[a-z]/i.test(value), 'no tags in the box');
    // What was pasted is what gets analysed.
    await analyseDraft(page);
    assert.equal(await articleViewText(page), value);
    session.assertClean();
  } finally {
    await session.close();
  }
});
