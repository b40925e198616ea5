// End-to-end test of the nutgraf web page in real headless Chromium, driven by playwright-core.
//
// Run by scripts/e2e.sh, which starts the server and sets:
//   BASE_URL    the server's address (http://127.0.0.1:PORT)
//   ARTICLE     a plain-text article file (examples/riverside-budget.txt)
//   OUT_DIR     where the screenshots go (target/e2e)
//   CHROMIUM    the browser binary (default /usr/bin/chromium)
//
// It pastes the article, picks 3 sentences, submits, and checks the brief, the highlight of a
// brief sentence in the source, the reasons for what was left out, the loaded words and the
// quotes; then audits a summary with a wrong number and checks the highlighted piece. Any page
// error or console error (a Content-Security-Policy violation, say) fails the test.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE_URL = process.env.BASE_URL;
const ARTICLE = readFileSync(process.env.ARTICLE, 'utf8');
const OUT_DIR = process.env.OUT_DIR;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT = 15_000;

function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
  console.log(`ok - ${message}`);
}

const profile = mkdtempSync(join(tmpdir(), 'nutgraf-e2e-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  viewport: { width: 1280, height: 1000 },
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const problems = [];
let failed = false;
try {
  const page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));

  await page.goto(BASE_URL);
  check((await page.title()).startsWith('nutgraf'), 'the page loads');

  // Paste, pick a length, submit.
  await page.fill('#article', ARTICLE);
  await page.selectOption('#length', 'sentences:3');
  await page.click('#summarize');
  await page.waitForFunction(() => document.querySelectorAll('#brief li').length === 3);
  const brief = await page.$$eval('#brief li a', (as) => as.map((a) => a.textContent));
  check(brief.length === 3, 'the brief has 3 sentences');
  check(brief[0].startsWith('The Riverside city council approved a $4.2 million budget'), `brief opens with the lede: ${brief[0]}`);
  for (const sentence of brief) check(ARTICLE.includes(sentence), `brief sentence is copied from the source: ${sentence.slice(0, 50)}...`);

  // Each brief sentence links to its sentence in the source, highlighted on click.
  const second = page.locator('#brief li a').nth(1);
  const target = await second.getAttribute('href');
  await second.click();
  const highlighted = page.locator(`${target}.hl`);
  await highlighted.waitFor();
  check((await highlighted.textContent()) === brief[1], `clicking brief sentence 2 highlights ${target} in the source`);
  check(await highlighted.evaluate((n) => n.classList.contains('chosen')), 'the highlighted source sentence is marked as in the brief');
  check((await page.locator('#source .sent.hl').count()) === 1, 'exactly one sentence is highlighted');

  // What was left out, and why; loaded words.
  const omitted = await page.locator('#omitted').textContent();
  check(omitted.includes('unattributed opinion') && omitted.includes('spineless cowards'), 'the opinion sentence is listed with its reason');
  check(omitted.includes("boilerplate: editor's note") && omitted.includes('boilerplate: subscribe'), 'boilerplate is listed with its kind');
  const loaded = await page.$$eval('#loaded li', (lis) => lis.map((li) => li.textContent));
  check(loaded.includes('cowards') && loaded.includes('ecstatic'), `loaded words are shown: ${loaded.join(', ')}`);
  check((await page.locator('#source mark.loaded').count()) >= 2, 'loaded words are marked in the source');
  check((await page.locator('#source .sent.opinion').count()) >= 1, 'opinion sentences are marked in the source');

  // Key quotes and the timeline beside the brief.
  await page.waitForFunction(() => document.querySelector('#quotes').textContent.includes('Ana Ruiz'));
  check(true, 'key quotes show the mayor with her quote');
  const timeline = await page.$$eval('#timeline li time', (ts) => ts.map((t) => t.getAttribute('datetime')));
  check(timeline.length >= 2, `the timeline has dated entries: ${timeline.join(', ')}`);

  await second.click();
  await page.screenshot({ path: join(OUT_DIR, 'screenshot.png'), fullPage: true });
  console.log(`screenshot: ${join(OUT_DIR, 'screenshot.png')}`);

  // The audit tab: a summary with a number the source does not have.
  await page.click('#tab-audit');
  check((await page.inputValue('#audit-source')) === ARTICLE, 'the audit tab starts from the pasted article');
  await page.fill('#audit-summary', 'The Riverside city council approved a $6.5 million budget for the library system on Tuesday.');
  await page.click('#audit');
  const flagged = page.locator('#audit-sentences mark.unsupported');
  await flagged.first().waitFor();
  check((await flagged.first().textContent()).includes('6.5 million'), 'the unsupported number is highlighted');
  check((await page.locator('#audit-verdict').textContent()).startsWith('Not supported'), 'the verdict is "Not supported"');
  await page.screenshot({ path: join(OUT_DIR, 'screenshot-audit.png'), fullPage: true });

  check(problems.length === 0, `no page or console errors${problems.length ? `: ${problems.join('; ')}` : ''}`);
} catch (error) {
  failed = true;
  console.error(`not ok - ${error.message}`);
  for (const p of problems) console.error(p);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
