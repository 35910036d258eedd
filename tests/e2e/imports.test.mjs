// A bad annotation file is refused with a message that names the problem, and
// the article on screen stays exactly as it was.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  useEnvironment,
  openApp,
  loadSeed,
  markSignature,
  articleViewText,
  errorText,
  codePoints,
} from './support.mjs';

const env = useEnvironment({ before, after });

/** Import `buffer` as a file called `name` and wait for a new message in #error. */
async function importExpectingError(page, name, buffer) {
  const before = await errorText(page);
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer });
  await page.waitForFunction(
    (previous) => {
      const text = document.querySelector('#error')?.textContent.trim() ?? '';
      return text !== '' && text !== previous;
    },
    before,
    { timeout: 10_000 },
  ).catch(() => {});
  return errorText(page);
}

test('bad annotation files are refused and leave the page as it was', { timeout: 90_000 }, async (t) => {
  const session = await openApp(env);
  try {
    const { page } = session;
    await loadSeed(page, 0);
    // The reader's work so far must survive a failed import too.
    await page.locator('#checklist input[name="answer-sift-find"][value="no"]').check();
    await page.locator('#checklist textarea[data-note="sift-find"]').fill('no other coverage found');
    const signature = await markSignature(page);
    const text = await articleViewText(page);

    // A good export to break in controlled ways.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export').click()]);
    const good = JSON.parse(await download.createReadStream().then(async (stream) => {
      const chunks = [];
      for await (const chunk of stream) chunks.push(chunk);
      return Buffer.concat(chunks).toString('utf8');
    }));

    const wrongType = structuredClone(good);
    wrongType.type = 'AnnotationPage';

    const pastTheEnd = structuredClone(good);
    const length = codePoints(good['sl:article']['sl:text']).length;
    const located = (pastTheEnd.first?.items ?? []).find((item) =>
      [].concat(item.target?.selector ?? []).some((s) => s.type === 'TextPositionSelector'),
    );
    assert.ok(located, 'the export has at least one annotation with a TextPositionSelector');
    [].concat(located.target.selector).find((s) => s.type === 'TextPositionSelector').end = length + 7;

    const cases = [
      { name: 'broken.json', buffer: Buffer.from('{"type": "AnnotationCollection", "first": [', 'utf8'), names: /JSON/i },
      { name: 'wrong-type.json', buffer: Buffer.from(JSON.stringify(wrongType), 'utf8'), names: /type|AnnotationCollection/i },
      { name: 'array.json', buffer: Buffer.from('[1, 2, 3]', 'utf8'), names: /object|AnnotationCollection/i },
      { name: 'past-the-end.json', buffer: Buffer.from(JSON.stringify(pastTheEnd), 'utf8'), names: /\bend\b.*(past|beyond|outside|after|longer|exceed)|(past|beyond|outside) the end/i },
      { name: 'empty.json', buffer: Buffer.alloc(0), names: /empty/i },
    ];
    for (const { name, buffer, names } of cases) {
      const message = await importExpectingError(page, name, buffer);
      assert.ok(message, `${name}: #error shows a message`);
      t.diagnostic(`${name}: ${message}`);
      // The file's own name must not be what matches ("broken.json" says "json").
      assert.match(message.split(name).join(''), names, `${name}: the message names the problem (got "${message}")`);
      assert.equal(await page.locator('#error').getAttribute('role'), 'alert');
      assert.deepEqual(await markSignature(page), signature, `${name}: the same highlights are still shown`);
      assert.equal(await articleViewText(page), text, `${name}: the same article is still shown`);
      assert.ok(await page.locator('#checklist input[name="answer-sift-find"][value="no"]').isChecked(), `${name}: the answer is kept`);
      assert.equal(await page.locator('#checklist textarea[data-note="sift-find"]').inputValue(), 'no other coverage found', `${name}: the note is kept`);
    }
    session.assertClean();
  } finally {
    await session.close();
  }
});
