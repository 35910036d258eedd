// A text far beyond what the page analyses at once gets a clear message, the
// page stays responsive, and the text stays in the box.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useEnvironment, openApp, errorText } from './support.mjs';

const env = useEnvironment({ before, after });

/** About `bytes` of UTF-8 prose (English with some Chinese, so bytes ≠ characters). */
function bigText(bytes) {
  const paragraph =
    'Officials said the sanctions would strangle the industry, and 40% of firms reported losses, according to a survey. ' +
    '“This is a disaster,” one critic said. 美国的封锁反而加快了自主研发的速度。\n\n';
  const size = Buffer.byteLength(paragraph, 'utf8');
  return paragraph.repeat(Math.ceil(bytes / size));
}

test('a 10 MB paste gets a clear message, and the text is kept', { timeout: 150_000 }, async (t) => {
  const session = await openApp(env);
  try {
    const { page, context } = session;
    const text = bigText(10 * 1000 * 1000);
    // A real paste: the text goes on the clipboard and the reader presses Ctrl+V in the box.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
    await page.evaluate((text) => navigator.clipboard.writeText(text), text);
    const box = page.locator('#article-input');
    await box.focus();
    const started = Date.now();
    await page.keyboard.press('Control+V');
    await page.waitForFunction((length) => document.querySelector('#article-input').value.length === length, text.length, { timeout: 60_000 });
    await page.locator('#analyse').click({ timeout: 30_000 });
    await page.waitForFunction(() => (document.querySelector('#error')?.textContent ?? '').trim() !== '', null, { timeout: 30_000 });
    const seconds = (Date.now() - started) / 1000;

    const message = await errorText(page);
    assert.match(message, /\bMB\b|megabyte/i, `the message says how big is too big (got "${message}")`);
    assert.match(message, /\d/, 'the message gives the numbers');
    assert.equal(await page.locator('#article-view').count(), 0, 'nothing half-analysed is shown');

    // The page still answers at once, and the whole text is still in the box.
    const probe = Date.now();
    const length = await page.evaluate(() => document.querySelector('#article-input').value.length);
    assert.ok(Date.now() - probe < 2_000, 'the page responds at once after the message');
    assert.equal(length, text.length, 'the whole text is still in the box');
    const kept = await page.evaluate(() => {
      const value = document.querySelector('#article-input').value;
      return value.slice(0, 40) + '…' + value.slice(-40);
    });
    assert.equal(kept, text.slice(0, 40) + '…' + text.slice(-40), 'the text is unchanged at both ends');
    // Most of this is Chromium laying out 10 MB in a textarea (about 10 s on 2 busy cores even without the app).
    assert.ok(seconds < 60, `paste to message took ${seconds.toFixed(1)} s`);
    t.diagnostic(`10 MB paste to message: ${seconds.toFixed(1)} s`);
    session.assertClean();
  } finally {
    await session.close();
  }
});
