// The reader's own notes: select words with the keyboard only (a caret in the
// read-only article, Shift+arrows) or with the mouse, add a note with a label,
// see it highlighted and listed under "Your notes", edit it and delete it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useEnvironment, openApp, seedText, articleViewText, readFindings } from './support.mjs';

const env = useEnvironment({ before, after });

const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

test('select and annotate with the keyboard only; edit and delete the note', { timeout: 90_000 }, async () => {
  const session = await openApp(env);
  try {
    const { page } = session;
    // Keyboard all the way: the example button, then the caret toggle.
    await page.locator('[data-seed="0"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('#article-view').waitFor();
    const text = seedText(0);
    const findingsBefore = await readFindings(page);
    await page.locator('#caret-mode').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'article-view');
    assert.equal(await page.locator('#article-view').getAttribute('aria-readonly'), 'true');

    for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 9; i += 1) await page.keyboard.press('Shift+ArrowRight');
    const selected = await page.evaluate(() => document.getSelection().toString());
    assert.equal(selected, Array.from(text).slice(4, 13).join(''), 'Shift+arrows selected the next nine characters');
    // Typing in the view never changes the article.
    await page.keyboard.press('x');
    await page.keyboard.press('Backspace');
    assert.equal(await articleViewText(page), text, 'the article cannot be edited');
    // The selection may have collapsed or moved: select again, from the same start.
    await page.evaluate(() => document.getSelection().collapseToStart());
    const start = await page.evaluate(() => document.getSelection().toString());
    assert.equal(start, '');

    await page.keyboard.press('Shift+ArrowRight');
    const one = await page.evaluate(() => document.getSelection().toString());
    assert.equal(one.length > 0, true);
    await page.keyboard.press('n');
    await page.locator('#note-editor').waitFor();
    assert.equal(await focusedId(page), 'note-label', 'the label field takes focus');
    const quoted = await page.locator('#note-quote').innerText();
    assert.equal(quoted, one, 'the note is on the selected characters');
    await page.keyboard.press('Escape'); // Cancel this one: a proper selection follows.
    await page.locator('#note-editor').waitFor({ state: 'detached' });

    // Select nine characters again (Escape above left the editor; the caret mode is still on).
    await page.locator('#article-view').focus();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 9; i += 1) await page.keyboard.press('Shift+ArrowRight');
    const words = Array.from(text).slice(4, 13).join('');
    assert.equal(await page.evaluate(() => document.getSelection().toString()), words);
    await page.keyboard.press('n');
    await page.locator('#note-editor').waitFor();
    await page.keyboard.type('framing');
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(page), 'note-body');
    await page.keyboard.type('Why this word?');
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(page), 'note-save');
    await page.keyboard.press('Enter');
    await page.locator('#note-editor').waitFor({ state: 'detached' });

    const note = page.locator('#article-view mark[data-kind="note"]');
    await note.first().waitFor();
    assert.equal(await note.evaluateAll((marks) => marks.map((m) => m.textContent).join('')), words, 'the note highlights exactly the selected words');
    assert.equal(await note.first().getAttribute('data-label'), 'framing');
    assert.match(await note.first().getAttribute('aria-label'), /Your note \(framing\)/, 'named, not a colour-only cue');
    assert.equal(await articleViewText(page), text, 'the article text is unchanged');
    assert.deepEqual(await readFindings(page), findingsBefore, 'the automatic findings are unchanged');
    const listed = page.locator('#notes-list .note-entry');
    assert.equal(await listed.count(), 1);
    assert.match(await listed.innerText(), /framing[\s\S]*Why this word\?/);

    // Leave the caret mode with Escape; then edit the note from the list by keyboard.
    await page.locator('#article-view').focus();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('#article-view[contenteditable]'));
    await page.locator('#notes-list .note-edit').focus();
    await page.keyboard.press('Enter');
    await page.locator('#note-editor').waitFor();
    assert.equal(await page.locator('#note-label').inputValue(), 'framing');
    await page.locator('#note-body').focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('A judgement word.');
    await page.locator('#note-label').focus();
    await page.keyboard.press('Enter'); // Enter in the label submits the form.
    await page.locator('#note-editor').waitFor({ state: 'detached' });
    assert.match(await listed.innerText(), /A judgement word\./);

    // Undo the edit, redo it, then delete the note.
    await page.locator('#review-heading').focus();
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => /Why this word\?/.test(document.querySelector('#notes-list')?.textContent ?? ''));
    await page.keyboard.press('Control+y');
    await page.waitForFunction(() => /A judgement word/.test(document.querySelector('#notes-list')?.textContent ?? ''));
    await page.locator('#notes-list .note-delete').focus();
    await page.keyboard.press('Enter');
    await note.first().waitFor({ state: 'detached' });
    assert.equal(await listed.count(), 0);
    session.assertClean();
  } finally {
    await session.close();
  }
});

test('a mouse selection becomes a note with the reader\'s own tag, offered again as a suggestion', { timeout: 90_000 }, async () => {
  const session = await openApp(env);
  try {
    const { page } = session;
    await page.locator('[data-seed="2"]').click();
    await page.locator('#article-view').waitFor();
    // Drag across a stretch of plain text between highlights.
    const box = await page.locator('#article-view').evaluate((view) => {
      const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement !== view || node.data.trim().length < 12) continue;
        const at = node.data.search(/\S/);
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const first = range.getBoundingClientRect();
        range.setStart(node, at + 5);
        range.setEnd(node, at + 6);
        const last = range.getBoundingClientRect();
        if (Math.abs(first.top - last.top) > 2) continue; // same line only
        return { x1: first.left + 1, x2: last.right - 1, y: (first.top + first.bottom) / 2 };
      }
      return null;
    });
    assert.ok(box, 'a stretch of plain text to select');
    await page.mouse.move(box.x1, box.y);
    await page.mouse.down();
    await page.mouse.move(box.x2, box.y, { steps: 5 });
    await page.mouse.up();
    const selected = await page.evaluate(() => document.getSelection().toString());
    assert.ok(selected.length >= 2, `the mouse selected some text (got "${selected}")`);
    await page.locator('#add-note').click();
    await page.locator('#note-editor').waitFor();
    assert.equal(await page.locator('#note-quote').innerText(), selected);
    await page.locator('#note-label').fill('needs-checking');
    await page.locator('#note-body').fill('看看其他报道');
    await page.locator('#note-save').click();
    const note = page.locator('#article-view mark[data-kind="note"]');
    await note.first().waitFor();
    assert.equal(await note.evaluateAll((marks) => marks.map((m) => m.textContent).join('')), selected);
    // The new tag is offered next time, beside the built-in kinds.
    await page.locator('#notes-list .add-article-note').click();
    const options = await page.locator('#note-labels option').evaluateAll((o) => o.map((x) => x.value));
    assert.deepEqual(options, ['loaded-language', 'statistic', 'quote', 'needs-checking']);
    session.assertClean();
  } finally {
    await session.close();
  }
});
