// Importing annotations made by another W3C Web Annotation tool (here shaped like
// a Hypothesis export) onto the article on screen: what its words can be found
// for becomes a note; what cannot is listed, never dropped; Undo takes it back.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  useEnvironment,
  openApp,
  loadSeed,
  articleViewText,
  codePoints,
  errorText,
} from './support.mjs';

const env = useEnvironment({ before, after });

/** A Hypothesis-style annotation on `exact`, with context and position taken from `text` when present. */
function hypothesisAnnotation(text, exact, comment, tags) {
  const at = text.indexOf(exact);
  const selector = [];
  if (at >= 0) {
    const start = codePoints(text.slice(0, at)).length;
    selector.push(
      {
        type: 'TextQuoteSelector',
        exact,
        prefix: codePoints(text.slice(0, at)).slice(-32).join(''),
        suffix: codePoints(text.slice(at + exact.length)).slice(0, 32).join(''),
      },
      { type: 'TextPositionSelector', start, end: start + codePoints(exact).length },
    );
  } else {
    selector.push({ type: 'TextQuoteSelector', exact, prefix: 'Earlier that week, ', suffix: ' the council said.' });
  }
  return {
    id: `h-${codePoints(exact).length}`,
    uri: 'https://example.org/story',
    text: comment,
    tags,
    target: [{ source: 'https://example.org/story', selector }],
  };
}

test('another tool\'s annotations land on the open article; the unplaceable one is listed', { timeout: 120_000 }, async () => {
  const session = await openApp(env);
  try {
    const { page } = session;
    const original = (await loadSeed(page, 0)).replace(/\r\n?/g, '\n');
    const shown = await articleViewText(page);
    assert.equal(shown, original);

    // Words from the middle of the article (whole words, long enough to be specific).
    const line = original.split('\n').find((l) => l.split(' ').length > 12);
    const placeable = line.split(' ').slice(2, 9).join(' ');
    assert.ok(codePoints(placeable).length >= 16, placeable);
    const missing = 'the river burst its banks and flooded three villages overnight';
    assert.equal(original.includes(missing), false);
    const file = {
      total: 2,
      rows: [
        hypothesisAnnotation(original, placeable, 'Where is this from?', ['framing']),
        hypothesisAnnotation(original, missing, 'About another story', []),
      ],
    };

    await page.locator('#import-file').setInputFiles({
      name: 'hypothesis-export.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file), 'utf8'),
    });

    const note = page.locator('#article-view mark[data-kind="note"]');
    await note.first().waitFor();
    assert.equal(await note.evaluateAll((m) => m.map((x) => x.textContent).join('')), placeable);
    const orphans = page.locator('#orphans');
    await orphans.waitFor();
    const listed = await orphans.innerText();
    assert.match(listed, /About another story/, 'the orphan keeps what the other tool\'s user wrote');
    assert.ok(listed.includes(missing), 'the orphan shows its words');
    assert.doesNotMatch(listed, /Where is this from\?/, 'the placed note is not an orphan');
    assert.equal(await articleViewText(page), original, 'the current text stays');
    assert.ok(!(await errorText(page)), 'no error is shown');

    // Undo takes the import back.
    await page.locator('#undo').click();
    await note.first().waitFor({ state: 'detached' });
    assert.equal(await articleViewText(page), original);
    session.assertClean();
  } finally {
    await session.close();
  }
});
