// The language is detected, shown, and can be overridden; the override re-analyses.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useEnvironment, openApp, loadSeed, markSignature } from './support.mjs';

const env = useEnvironment({ before, after });

const detectedLabel = async (page) => (await page.locator('#detected-language').textContent()).trim();

test('the Chinese example is detected as Chinese, and choosing a language re-analyses', { timeout: 60_000 }, async () => {
  const session = await openApp(env);
  try {
    const { page } = session;
    await loadSeed(page, 2);
    const view = page.locator('#article-view');
    assert.equal(await view.getAttribute('lang'), 'zh', 'the article is marked up as Chinese');
    assert.match(await detectedLabel(page), /Detected:?\s*(中文|Chinese)/i, 'the page says Chinese was detected');
    assert.equal(await page.locator('#language').inputValue(), 'auto');
    const chinese = await markSignature(page);

    await page.locator('#language').selectOption('en');
    await page.waitForFunction(() => document.querySelector('#article-view')?.getAttribute('lang') === 'en');
    assert.match(await detectedLabel(page), /English/, 'the label names the chosen language');
    assert.doesNotMatch(await detectedLabel(page), /^Detected/, 'the label no longer says it was detected');
    const english = await markSignature(page);
    assert.notDeepEqual(english, chinese, 'analysed with the English rules, the highlights change');

    await page.locator('#language').selectOption('auto');
    await page.waitForFunction(() => document.querySelector('#article-view')?.getAttribute('lang') === 'zh');
    assert.match(await detectedLabel(page), /Detected:?\s*(中文|Chinese)/i);
    assert.deepEqual(await markSignature(page), chinese, 'back on Auto, the Chinese analysis returns');
    session.assertClean();
  } finally {
    await session.close();
  }
});

test('an English example is detected as English', { timeout: 60_000 }, async () => {
  const session = await openApp(env);
  try {
    const { page } = session;
    await loadSeed(page, 1);
    assert.equal(await page.locator('#article-view').getAttribute('lang'), 'en');
    assert.match(await detectedLabel(page), /Detected:?\s*English/);
    session.assertClean();
  } finally {
    await session.close();
  }
});
