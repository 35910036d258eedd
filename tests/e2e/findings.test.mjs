// The findings panel: counts per kind, a show/hide filter per kind, and entries
// that open a finding's details and bring its highlight into view.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useEnvironment, openApp, loadSeed, markCounts, readFindings, articleViewText } from './support.mjs';

const env = useEnvironment({ before, after });
const KINDS = ['loaded-language', 'statistic', 'quote'];

/** Highlights of `kind` that a reader can see as highlights (present, displayed, styled as a finding). */
const shownHighlights = (page, kind) =>
  page.locator('#article-view').evaluate((view, kind) => {
    return [...view.querySelectorAll(`mark[data-kind="${kind}"]`)].filter((mark) => {
      const style = getComputedStyle(mark);
      const plain = getComputedStyle(view);
      const styled =
        style.backgroundColor !== plain.backgroundColor && style.backgroundColor !== 'rgba(0, 0, 0, 0)' ||
        style.borderBottomStyle !== 'none' ||
        style.textDecorationLine !== 'none';
      return !mark.hidden && style.display !== 'none' && style.visibility !== 'hidden' && styled;
    }).length;
  }, kind);

/** Is the element's box inside the window? */
const inViewport = (locator) =>
  locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth;
  });

test('per-kind filters hide and show highlights; counts match the highlights', { timeout: 60_000 }, async () => {
  const session = await openApp(env);
  try {
    const { page } = session;
    await loadSeed(page, 0);
    const text = await articleViewText(page);
    const counts = await markCounts(page);
    const list = page.locator('#findings-list');
    for (const kind of KINDS) {
      assert.ok((counts[kind] ?? 0) > 0, `example 0 has ${kind} findings (${JSON.stringify(counts)})`);
      const group = list.locator(`[data-kind-group="${kind}"]`);
      assert.match(await group.innerText(), new RegExp(`(?<!\\d)${counts[kind]}(?!\\d)`), `the ${kind} group shows its count`);
      assert.equal(await group.locator('.finding-entry, button[data-finding]').count(), counts[kind], `one ${kind} entry per highlight`);
      assert.equal(await shownHighlights(page, kind), await page.locator(`#article-view mark[data-kind="${kind}"]`).count(), `every ${kind} mark is styled as a highlight`);
    }

    const filter = list.locator('input[type="checkbox"][data-filter="statistic"]');
    assert.ok(await filter.isChecked(), 'statistics are shown at first');
    await filter.uncheck();
    assert.equal(await shownHighlights(page, 'statistic'), 0, 'no statistic is highlighted once its filter is off');
    const after = await markCounts(page);
    assert.equal(after['loaded-language'], counts['loaded-language'], 'loaded language still highlighted');
    assert.equal(after.quote, counts.quote, 'quotes still highlighted');
    assert.equal(await articleViewText(page), text, 'hiding highlights does not hide text');

    await filter.check();
    assert.deepEqual(await markCounts(page), counts, 'ticking the filter again brings every highlight back');
    session.assertClean();
  } finally {
    await session.close();
  }
});

test('a findings-list entry opens its details and scrolls its highlight into view', { timeout: 60_000 }, async () => {
  const session = await openApp(env, { viewport: { width: 1280, height: 700 } });
  try {
    const { page } = session;
    await loadSeed(page, 0);
    const findings = await readFindings(page);
    assert.ok(findings.length >= 2, 'example 0 has several findings');
    // The last finding in the text is far down a long article: it must be scrolled to.
    const last = findings[findings.length - 1];
    const entry = page.locator(`#findings-list button[data-finding="${last.finding}"]`);
    assert.equal(await entry.count(), 1, 'the finding has an entry in the list');
    const mark = page.locator(`#article-view mark[data-finding="${last.finding}"]`).first();
    await page.evaluate(() => window.scrollTo(0, 0));
    const visibleBefore = await inViewport(mark);
    assert.equal(visibleBefore, false, 'to test scrolling, the highlight starts out of view');
    await entry.click();
    const details = page.locator('#details');
    await details.waitFor();
    assert.equal(await details.getAttribute('data-finding'), String(last.finding), 'the details are about the entry clicked');
    assert.ok((await details.innerText()).includes(last.text.trim().slice(0, 20)), 'the details quote the finding');
    // Scrolling may be smooth: give it a moment.
    await page.waitForFunction(
      (index) => {
        const element = document.querySelector(`#article-view mark[data-finding="${index}"]`);
        const box = element?.getBoundingClientRect();
        return box && box.bottom > 0 && box.top < window.innerHeight;
      },
      last.finding,
      { timeout: 5_000 },
    ).catch(() => {});
    assert.ok(await inViewport(mark), 'the highlight is scrolled into view');
    assert.ok(await mark.evaluate((m) => m.classList.contains('selected') || m.getAttribute('aria-current') !== null || m.matches(':focus')),
      'the highlight is marked as the selected one');
    session.assertClean();
  } finally {
    await session.close();
  }
});
