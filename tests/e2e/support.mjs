// Shared pieces of the end-to-end tests: a static server for the built app,
// Debian's Chromium through playwright-core, a guard that fails a test on any
// request off this machine or any console error, and the steps a reader takes.
//
// The app must be built first (`trunk build --release --offline` → dist/).
// SOURCELIGHT_DIST points the tests at another build folder, so a test run
// need not race a build that is rewriting dist/ at the same moment.

import { createServer } from 'node:http';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '..', '..');
export const DIST = path.resolve(process.env.SOURCELIGHT_DIST || path.join(REPO, 'dist'));
/** Screenshots and exported files land here (gitignored). */
export const OUTPUT = path.join(here, 'output');

/** The example articles, in the order of the page's "Try an example" buttons (`SEED_ARTICLES` in src/lib.rs). */
export const SEED_FILES = [
  '000_4b0d180f71e0c4f2.txt',
  '001_b2ba1f865d37b29f.txt',
  '002_8a456bd384d602db.txt',
].map((name) => path.join(REPO, 'assets', 'seeds', name));

export function seedText(index) {
  return readFileSync(SEED_FILES[index], 'utf8');
}

/** Default wait for one step of the page (analysis of a seed takes well under a second). */
export const STEP_TIMEOUT_MS = 15_000;

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serve DIST on 127.0.0.1 at an ephemeral port. Only files inside DIST are
 * served; anything else is a 404, so a stray request shows up as a failure.
 */
export async function startServer() {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html is missing: run \`trunk build --release --offline\` first`);
  }
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url, 'http://127.0.0.1');
      let relative = decodeURIComponent(url.pathname);
      if (relative.endsWith('/')) relative += 'index.html';
      const file = path.resolve(DIST, '.' + relative);
      if (file !== DIST && !file.startsWith(DIST + path.sep)) {
        response.writeHead(403).end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': MIME_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Debian's Chromium, headless, with everything that would phone home switched off. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/**
 * One test's server and browser, started before its tests and stopped after.
 * Usage: `const env = useEnvironment();` at the top of a test file, then `env.browser`, `env.server`.
 */
export function useEnvironment({ before, after }) {
  const env = {};
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * A fresh browser context (nothing shared with other pages) with the app
 * loaded and its guard armed. Call `session.assertClean()` at the end of the
 * test and `session.close()` in a `finally`.
 */
export async function openApp(env, { viewport = { width: 1280, height: 900 } } = {}) {
  const context = await env.browser.newContext({ acceptDownloads: true, viewport });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = await context.newPage();
  const problems = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:')) return;
    let origin;
    try {
      origin = new URL(url).origin; // blob:http://127.0.0.1:…/uuid has the page's origin
    } catch {
      origin = null;
    }
    if (origin !== env.server.origin) problems.push(`request off the local server: ${url}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(env.server.url);
  // The app has mounted once its article box is there.
  await page.locator('#article-input').waitFor();
  return {
    context,
    page,
    problems,
    assertClean() {
      assert.deepEqual(problems, [], 'the page stayed on this machine and logged no errors');
    },
    close: () => context.close(),
  };
}

/**
 * Wait until the analysed article is shown. Its highlights are rendered with it,
 * so the tests count them right after, and say clearly when there are none.
 */
export async function waitForArticle(page) {
  await page.locator('#article-view').waitFor();
}

/**
 * Put `text` in the box the way the page offers (the caller did that already)
 * and analyse it: press Analyse unless the page went straight to the article.
 */
export async function analyseDraft(page) {
  if ((await page.locator('#article-view').count()) === 0) {
    await page.locator('#analyse').click();
  }
  await page.locator('#article-view').waitFor();
}

/**
 * A reader picks example `index` and analyses it. Checks on the way that the
 * example's text is the seed article, so a later check compares the right text.
 */
export async function loadSeed(page, index) {
  await page.locator(`[data-seed="${index}"]`).click();
  const expected = seedText(index);
  // Either the example fills the box (then Analyse) or it is analysed at once.
  await page.waitForFunction(
    () => document.querySelector('#article-view') || document.querySelector('#article-input')?.value,
  );
  if ((await page.locator('#article-view').count()) === 0) {
    assert.equal(await page.locator('#article-input').inputValue(), expected.replace(/\r\n?/g, '\n'), 'the example fills the box');
  }
  await analyseDraft(page);
  return expected;
}

/**
 * What the article view highlights, read from the DOM: one entry per finding
 * (a finding split around another is several `<mark>` pieces with one
 * data-finding), with its kind, status and the text it covers.
 */
export function readFindings(page) {
  return page.evaluate(() => {
    const view = document.querySelector('#article-view');
    if (!view) return null;
    const byFinding = new Map();
    for (const mark of view.querySelectorAll('mark[data-finding]')) {
      const id = mark.getAttribute('data-finding');
      const entry = byFinding.get(id) ?? {
        finding: Number(id),
        kind: mark.getAttribute('data-kind'),
        status: mark.getAttribute('data-status'),
        text: '',
        pieces: 0,
      };
      // A piece nested in another piece of the same finding is already counted in its parent's text.
      if (!mark.parentElement?.closest(`mark[data-finding="${id}"]`)) entry.text += mark.textContent;
      entry.pieces += 1;
      byFinding.set(id, entry);
    }
    return [...byFinding.values()].sort((a, b) => a.finding - b.finding);
  });
}

/** Finding indexes in the order a reader meets them: the document order of their first pieces. */
export function findingsInTextOrder(page) {
  return page.evaluate(() => {
    const seen = [];
    for (const mark of document.querySelectorAll('#article-view mark[data-finding]')) {
      const index = Number(mark.getAttribute('data-finding'));
      if (!seen.includes(index)) seen.push(index);
    }
    return seen;
  });
}

/** Number of highlighted findings per "kind" and per "kind/status". */
export async function markCounts(page) {
  const findings = (await readFindings(page)) ?? [];
  const counts = {};
  for (const { kind, status } of findings) {
    counts[kind] = (counts[kind] ?? 0) + 1;
    counts[`${kind}/${status}`] = (counts[`${kind}/${status}`] ?? 0) + 1;
  }
  return counts;
}

/** The highlights as a sorted list of "kind/status: text", order- and index-independent. */
export async function markSignature(page) {
  const findings = (await readFindings(page)) ?? [];
  return findings.map((f) => `${f.kind}/${f.status}: ${f.text}`).sort();
}

/** The article view's text (the article as shown, without the marks' markup). */
export function articleViewText(page) {
  return page.locator('#article-view').evaluate((view) => view.textContent);
}

/** Text of the alert region, trimmed ('' when it is empty). */
export async function errorText(page) {
  const region = page.locator('#error');
  if ((await region.count()) === 0) return null;
  return (await region.textContent()).trim();
}

export async function ensureOutputDir() {
  await mkdir(OUTPUT, { recursive: true });
  return OUTPUT;
}

/** The code points of a string: the unit of every offset in the annotation file. */
export function codePoints(text) {
  return Array.from(text);
}

/** A download's contents as text (for the workflow tests). */
export async function downloadText(download) {
  const stream = await download.createReadStream();
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Click a control and return the download it starts. */
export async function downloadFrom(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  return download;
}

/** Wait (up to STEP_TIMEOUT_MS) until the autosave has stored a session that satisfies `check(session)`. */
export async function waitForSaved(page, check) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    const raw = await page.evaluate(() => localStorage.getItem('sourcelight.session'));
    if (raw && check(JSON.parse(raw))) return JSON.parse(raw);
    if (Date.now() > deadline) assert.fail(`the autosave never stored the expected session (last: ${raw?.slice(0, 200)})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Like `openApp`, but at `url` (a share link) in a fresh context, with the same
 * guard; waits for the app's main region rather than the article box.
 */
export async function openAppAt(env, url, { viewport = { width: 1280, height: 900 }, permissions = [] } = {}) {
  const context = await env.browser.newContext({ acceptDownloads: true, viewport });
  if (permissions.length) await context.grantPermissions(permissions, { origin: env.server.origin });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = await context.newPage();
  const problems = [];
  page.on('request', (request) => {
    const target = request.url();
    if (target.startsWith('data:')) return;
    let origin;
    try {
      origin = new URL(target).origin;
    } catch {
      origin = null;
    }
    if (origin !== env.server.origin) problems.push(`request off the local server: ${target}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(url);
  await page.locator('#main').waitFor();
  return {
    context,
    page,
    problems,
    assertClean() {
      assert.deepEqual(problems, [], 'the page stayed on this machine and logged no errors');
    },
    close: () => context.close(),
  };
}

/** Select the first occurrence of `words` in one text node of the article view. */
export function selectInArticle(page, words) {
  return page.locator('#article-view').evaluate((view, words) => {
    const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(words);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + words.length);
      document.getSelection().removeAllRanges();
      document.getSelection().addRange(range);
      return true;
    }
    return false;
  }, words);
}
