// Text that looks like markup is an article like any other: shown literally,
// never parsed, never run.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useEnvironment, openApp, analyseDraft, articleViewText, readFindings } from './support.mjs';

const env = useEnvironment({ before, after });

const HOSTILE =
  '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> “You won\'t believe this” said nobody. 40% of experts say so.';

test('hostile text is shown as text and nothing in it runs', { timeout: 60_000 }, async () => {
  const session = await openApp(env);
  try {
    const { page } = session;
    const box = page.locator('#article-input');
    await box.click();
    await box.fill(HOSTILE);
    await analyseDraft(page);

    // Give an injected <img> time to fail to load and fire its onerror.
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', 'no script from the text ran');
    const injected = await page.locator('#article-view').evaluate(
      (view) => view.querySelectorAll('script, img, iframe, object, embed, svg, style, link').length,
    );
    assert.equal(injected, 0, 'no element made from the text inside #article-view');
    assert.equal(await articleViewText(page), HOSTILE, 'the text is shown literally, character for character');
    const visible = await page.locator('#article-view').innerText();
    assert.ok(visible.includes('<script>window.__pwned=1</script>'), 'the markup is visible as text');
    // Every element in the view is a highlight (or a line break the app may use for paragraphs).
    const tags = await page.locator('#article-view').evaluate((view) => [
      ...new Set([...view.querySelectorAll('*')].map((e) => e.tagName.toLowerCase())),
    ]);
    for (const tag of tags) assert.ok(['mark', 'br', 'p', 'span'].includes(tag), `unexpected <${tag}> in #article-view`);
    // The findings' texts come from the text too, and their details show them as text.
    const findings = await readFindings(page);
    if (findings.length > 0) {
      await page.locator(`#article-view mark[data-finding="${findings[0].finding}"]`).first().click();
      await page.locator('#details').waitFor();
      assert.equal(await page.locator('#details').evaluate((d) => d.querySelectorAll('script, img').length), 0);
    }
    assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', 'still nothing ran');
    session.assertClean();
  } finally {
    await session.close();
  }
});
