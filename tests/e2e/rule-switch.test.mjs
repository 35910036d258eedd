// Switching a rule off: by keyboard, a reader opens a loaded-language finding and
// switches its rule off; every highlight of that rule goes (undo brings them back),
// the choice survives a reload and applies to the next text analysed, and the
// "Switched-off rules" list switches it back on.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useEnvironment, openApp, waitForArticle, waitForSaved, readFindings, ensureOutputDir, STEP_TIMEOUT_MS } from './support.mjs';

const env = useEnvironment({ before, after });
const RULES_KEY = 'sourcelight.disabled-rules';

// One loaded-language phrase twice, among findings of other rules.
const TEXT = [
  'Officials said the sanctions would strangle the industry.',
  'Critics said the new tariffs will strangle exporters, and exports fell 12 percent last year.',
  'The plan was a disaster, critics said.',
].join('\n\n');
const NEXT_TEXT = 'The blockade will strangle the port, which handles 40 percent of the trade.';

/** Press Tab until `selector` has focus (at most `limit` presses). */
async function tabTo(page, selector, limit = 60) {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await page.evaluate((s) => Boolean(document.activeElement?.matches(s)), selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`${limit} presses of Tab never reached ${selector}`);
}

const focusedMark = (page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return active?.matches('#article-view mark[data-finding]')
      ? { finding: active.getAttribute('data-finding'), kind: active.getAttribute('data-kind'), rule: active.getAttribute('data-rule') }
      : null;
  });

/** Findings (not pieces) highlighted for `rule`. */
const ruleHighlights = (page, rule) =>
  page.evaluate((rule) => {
    const marks = document.querySelectorAll('#article-view mark[data-finding]');
    return new Set([...marks].filter((m) => m.getAttribute('data-rule') === rule).map((m) => m.getAttribute('data-finding'))).size;
  }, rule);

const storedRules = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), RULES_KEY);

async function waitForStoredRules(page, expected) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    const stored = await storedRules(page);
    if (JSON.stringify(stored) === JSON.stringify(expected)) return;
    if (Date.now() > deadline) assert.fail(`stored rules ${JSON.stringify(stored)}, expected ${JSON.stringify(expected)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Analyse `text` from the article box with the keyboard (Ctrl+Enter). */
async function analyseByKeyboard(page, text) {
  const box = page.locator('#article-input');
  await box.focus();
  await box.fill(text);
  await page.keyboard.press('Control+Enter');
  await waitForArticle(page);
}

test('switch a rule off by keyboard, undo, reload, analyse a new text, switch it back on', { timeout: 120_000 }, async () => {
  const session = await openApp(env);
  try {
    const { page } = session;
    await analyseByKeyboard(page, TEXT);
    const before = await readFindings(page);

    // Keyboard: Tab into the article, arrow to the first loaded-language highlight, Enter.
    await tabTo(page, '#article-view mark[data-finding]');
    let mark = await focusedMark(page);
    for (let steps = 0; mark?.kind !== 'loaded-language' && steps < before.length; steps += 1) {
      await page.keyboard.press('ArrowRight');
      mark = await focusedMark(page);
    }
    assert.equal(mark?.kind, 'loaded-language', 'the arrows reach a loaded-language highlight');
    const rule = mark.rule;
    assert.ok(rule.startsWith('en.'), `a rule id on the highlight: ${rule}`);
    const highlighted = await ruleHighlights(page, rule);
    assert.ok(highlighted >= 2, `the text has two highlights of ${rule} (got ${highlighted})`);
    assert.ok(before.length > highlighted, 'other rules flag this text too');
    await page.keyboard.press('Enter');
    await page.locator(`#details[data-finding="${mark.finding}"]`).waitFor();

    // The button says which rule and what switching it off does.
    const button = page.locator('#switch-off-rule');
    assert.equal(await button.getAttribute('aria-label'), `Switch off rule ${rule}: hide all its findings`);
    assert.match(await button.innerText(), new RegExp(`Switch off rule\\s+${rule.replace(/\./g, '\\.')}`));
    await tabTo(page, '#switch-off-rule');
    await page.keyboard.press('Enter');

    // Every highlight and list entry of the rule is gone; the others stay.
    await page.waitForFunction((r) => !document.querySelector(`#article-view mark[data-rule="${r}"]`), rule);
    assert.equal(await page.locator(`.finding-entry[data-rule="${rule}"]`).count(), 0, 'gone from the findings list');
    assert.equal((await readFindings(page)).length, before.length - highlighted, 'only that rule\'s findings went');
    assert.equal(await page.locator('#details').count(), 0, 'its details closed');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'review-heading', 'focus lands on the article heading');
    const status = await page.locator('#save-status').innerText();
    assert.match(status, new RegExp(`${rule.replace(/\./g, '\\.')} switched off: ${highlighted} findings hidden`));
    assert.match(status, /Undo/);
    assert.equal(await page.locator('#switched-off-rules-summary .count').innerText(), '1');
    await waitForStoredRules(page, [rule]);
    await page.screenshot({ path: path.join(await ensureOutputDir(), 'rule-switch-off.png') });

    // Undo brings the findings back and the rule on; redo switches it off again.
    await page.keyboard.press('Control+z');
    await page.waitForFunction((r) => document.querySelector(`#article-view mark[data-rule="${r}"]`), rule);
    assert.equal(await ruleHighlights(page, rule), highlighted);
    assert.equal((await readFindings(page)).length, before.length);
    await waitForStoredRules(page, []);
    await page.keyboard.press('Control+y');
    await page.waitForFunction((r) => !document.querySelector(`#article-view mark[data-rule="${r}"]`), rule);
    await waitForStoredRules(page, [rule]);
    // The session (autosaved shortly after each change) holds the article without them.
    await waitForSaved(page, (saved) => saved.annotation && !saved.annotation.includes(`"${rule}"`));

    // A reload keeps the rule off, and a new text with the same word has no highlight of it.
    await page.reload();
    await waitForArticle(page);
    assert.equal(await ruleHighlights(page, rule), 0, 'still off after a reload');
    assert.equal(await page.locator('#switched-off-rules-summary .count').innerText(), '1');
    await page.locator('#edit-text').click();
    await analyseByKeyboard(page, NEXT_TEXT);
    assert.match(await page.locator('#article-view').innerText(), /strangle/);
    assert.equal(await ruleHighlights(page, rule), 0, 'the next text leaves the rule out');
    assert.ok((await readFindings(page)).length >= 1, 'the other rules still flag the new text');

    // The list, by keyboard: open it, read what the rule flags, switch it back on.
    await tabTo(page, '#switched-off-rules-summary');
    await page.keyboard.press('Enter');
    const entry = page.locator(`.switched-off-rule[data-rule="${rule}"]`);
    await entry.waitFor();
    assert.match(await entry.innerText(), /war or violence|hyperbole|name-calling|emotional|sensational|headline|us-versus-them/i, 'the category is named');
    const switchOn = entry.locator('button.switch-on');
    assert.equal(await switchOn.getAttribute('aria-label'), `Switch back on rule ${rule}`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(await ensureOutputDir(), 'rule-switch-list.png') });
    await tabTo(page, `.switched-off-rule[data-rule="${rule}"] button.switch-on`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((r) => document.querySelector(`#article-view mark[data-rule="${r}"]`), rule);
    assert.equal(await ruleHighlights(page, rule), 1, 'the rule\'s highlight is back');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'switched-off-rules-summary', 'focus stays in the list');
    assert.equal(await page.locator('#switched-off-rules-summary .count').innerText(), '0');
    assert.match(await page.locator('#save-status').innerText(), /switched back on: 1 finding back/);
    await waitForStoredRules(page, []);
    session.assertClean();
  } finally {
    await session.close();
  }
});

test('switching back on keeps the reader\'s reviews; switched-off rules apply to the examples', { timeout: 120_000 }, async () => {
  const session = await openApp(env);
  try {
    const { page } = session;
    await analyseByKeyboard(page, `${TEXT} The factory employs 3,000 workers.`);
    const findings = await readFindings(page);
    const loaded = await page.locator('#article-view mark[data-kind="loaded-language"]').first().getAttribute('data-rule');
    // Confirm a finding of another rule first.
    const other = await page.evaluate((rule) => {
      const mark = [...document.querySelectorAll('#article-view mark[data-finding]')].find((m) => m.getAttribute('data-rule') !== rule);
      return { finding: mark.getAttribute('data-finding'), rule: mark.getAttribute('data-rule'), text: mark.textContent };
    }, loaded);
    await page.locator(`.finding-entry[data-finding="${other.finding}"]`).click();
    await page.locator('#confirm-finding').click();
    await page.locator('#article-view mark[data-review="confirmed"]').first().waitFor();

    await page.locator(`.finding-entry[data-rule="${loaded}"]`).first().click();
    await page.locator('#switch-off-rule').click();
    await page.waitForFunction((r) => !document.querySelector(`#article-view mark[data-rule="${r}"]`), loaded);
    assert.ok((await page.locator('#article-view mark[data-review="confirmed"]').count()) > 0, 'the confirmation stays');

    await page.locator('#switched-off-rules-summary').click();
    await page.locator(`.switched-off-rule[data-rule="${loaded}"] button.switch-on`).click();
    await page.waitForFunction((r) => document.querySelector(`#article-view mark[data-rule="${r}"]`), loaded);
    assert.equal((await readFindings(page)).length, findings.length, 'every finding is back');
    const confirmed = page.locator('#article-view mark[data-review="confirmed"]').first();
    assert.equal(await confirmed.getAttribute('data-rule'), other.rule, 'the confirmed finding is still confirmed');
    assert.equal(await confirmed.textContent(), other.text);

    // Switch the count rule off, then try an example with counts in it: none is highlighted…
    const countRule = 'stat.count';
    await page.locator(`.finding-entry[data-rule="${countRule}"]`).first().click();
    await page.locator('#switch-off-rule').click();
    await page.waitForFunction((r) => !document.querySelector(`#article-view mark[data-rule="${r}"]`), countRule);
    await page.locator('#edit-text').click();
    await page.locator('[data-seed="0"]').click();
    // The confirmation is unsaved work: the page asks before replacing it.
    await page.locator('#dialog-confirm').click();
    await page.locator('#article-view').waitFor();
    await page.waitForFunction(() => document.querySelector('#article-view')?.textContent.length > 1000);
    assert.equal(await page.locator(`#article-view mark[data-rule="${countRule}"]`).count(), 0, 'the example has no count highlighted');
    assert.ok((await page.locator('#article-view mark[data-kind="statistic"]').count()) > 0, 'its other statistics are');
    // …and switching the rule back on shows the example's counts.
    await page.locator('#switched-off-rules-summary').click();
    await page.locator(`.switched-off-rule[data-rule="${countRule}"] button.switch-on`).click();
    await page.locator(`#article-view mark[data-rule="${countRule}"]`).first().waitFor();
    session.assertClean();
  } finally {
    await session.close();
  }
});

test('a refused write of the switched-off rules is reported; the rule stays off and is stored later', { timeout: 90_000 }, async () => {
  const session = await openApp(env);
  try {
    const { page } = session;
    await analyseByKeyboard(page, TEXT);
    await page.evaluate((key) => {
      window.__realSetItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (name, value) {
        if (name === key) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return window.__realSetItem.call(this, name, value);
      };
    }, RULES_KEY);
    const rule = await page.locator('#article-view mark[data-kind="loaded-language"]').first().getAttribute('data-rule');
    await page.locator(`.finding-entry[data-rule="${rule}"]`).first().click();
    await page.locator('#switch-off-rule').click();
    const status = page.locator('#save-status');
    await page.waitForFunction(() => /switched-off rules/.test(document.querySelector('#save-status')?.textContent ?? ''));
    assert.match(await status.innerText(), /Could not store your switched-off rules in this browser: storage is full/);
    assert.match(await status.getAttribute('class'), /save-error/, 'shown as a problem (with a ⚠ sign, not colour alone)');
    assert.equal(await ruleHighlights(page, rule), 0, 'the rule is off on this page all the same');
    assert.deepEqual(await storedRules(page), [], 'the store still holds the list from before');

    // Storage works again: the next change stores the rules and the message goes.
    await page.evaluate(() => {
      Storage.prototype.setItem = window.__realSetItem;
    });
    await page.locator('#article-view mark[data-finding]').first().click();
    await page.locator('#confirm-finding').click();
    await waitForStoredRules(page, [rule]);
    await page.waitForFunction(() => !/Could not/.test(document.querySelector('#save-status')?.textContent ?? ''));
    session.assertClean();
  } finally {
    await session.close();
  }
});
