// Screenshots for a person to look at, in tests/e2e/output/: the start page,
// each example analysed with one finding's details open (seed-N.png full page,
// seed-N-window.png what fits in the window), and example 0 on a phone.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useEnvironment, openApp, loadSeed, readFindings, ensureOutputDir } from './support.mjs';

const env = useEnvironment({ before, after });

test('screenshot of the start page', { timeout: 60_000 }, async () => {
  const session = await openApp(env);
  try {
    await session.page.screenshot({ path: path.join(await ensureOutputDir(), 'start.png'), fullPage: true });
    session.assertClean();
  } finally {
    await session.close();
  }
});

for (const seed of [0, 1, 2]) {
  test(`screenshot of example ${seed} analysed`, { timeout: 60_000 }, async () => {
    const session = await openApp(env);
    try {
      const { page } = session;
      await loadSeed(page, seed);
      const findings = await readFindings(page);
      if (findings.length > 0) {
        await page.locator(`#article-view mark[data-finding="${findings[0].finding}"]`).first().click();
        await page.locator('#details').waitFor();
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      const file = path.join(await ensureOutputDir(), `seed-${seed}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await page.screenshot({ path: path.join(path.dirname(file), `seed-${seed}-window.png`) });
      // Nothing may stick out sideways: a horizontal scrollbar means something overflowed.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the window`);
      session.assertClean();
    } finally {
      await session.close();
    }
  });
}

test('screenshot of example 0 on a phone-sized window', { timeout: 60_000 }, async () => {
  const session = await openApp(env, { viewport: { width: 390, height: 844 } });
  try {
    const { page } = session;
    await loadSeed(page, 0);
    const file = path.join(await ensureOutputDir(), 'seed-0-narrow.png');
    await page.screenshot({ path: file, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the window`);
    session.assertClean();
  } finally {
    await session.close();
  }
});
