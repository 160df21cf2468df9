/**
 * What a lesson page downloads, against a budget (house style: a budget for
 * what the browser downloads, checked in CI). The budget guards against
 * regressions such as monaco or the search UI leaking onto every lesson page,
 * or a static import pulling a program's code (the docker CLI, the net tools,
 * which the emulator loads on first use and preloads once the terminal is
 * ready) back into what the page needs before its terminal is ready.
 * The target (< 150 KB gzip for a lesson without an editor) is out of
 * reach while xterm (~90 KB) and the emulator's engine (~100 KB) are needed
 * for a terminal that is ready at load: `npm run bench:site` prints the figures.
 */
import { gzipSync } from 'node:zlib';
import { expect, test, type Response } from '@playwright/test';
import { waitReady } from './helpers';
import { scriptRoles } from '../scripts/script-roles.mjs';

/** KB of JS, gzipped (level 6, what a typical static server sends). */
const BUDGET = {
  /** What arrives before the terminal is ready: the page, xterm and the emulator's engine. */
  beforeReady: 235,
  /** Everything a lesson page without an editor loads, the programs' code preloaded in idle time included. */
  total: 380,
  /** The page's own JS besides the emulator's and the terminal's (xterm) chunks. */
  page: 40,
};

const READY_MARK = 'dnho-terminal-ready:main';

test(`a lesson page without an editor loads at most ${BUDGET.beforeReady} KB of JS gzipped before its terminal is ready, ${BUDGET.total} KB in all, ${BUDGET.page} KB of it its own`, async ({ page }) => {
  const scripts: Response[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response);
  });
  await page.goto('lessons/bridge/');
  await waitReady(page);
  // The programs' chunks are requested in idle time (at most 1 s) after the terminal is ready.
  await page.waitForTimeout(1500);
  await page.waitForLoadState('networkidle');
  const arrived = await page.evaluate((mark) => {
    const ready = performance.getEntriesByName(mark)[0]?.startTime ?? NaN;
    const ends = performance.getEntriesByType('resource').map((e) => [e.name, (e as PerformanceResourceTiming).responseEnd] as const);
    return { ready, ends: Object.fromEntries(ends) };
  }, READY_MARK);
  expect(arrived.ready, 'the terminal marks when it is ready').toBeGreaterThan(0);

  const bodies = new Map<string, { url: string; text: string }>();
  for (const response of scripts) bodies.set(fileName(response.url()), { url: response.url(), text: (await response.body()).toString('utf8') });
  const roles = scriptRoles(new Map([...bodies].map(([name, b]) => [name, b.text])));
  let total = 0;
  let beforeReady = 0;
  let afterReady = 0;
  let own = 0;
  for (const [name, { url, text }] of bodies) {
    const size = gzipSync(text, { level: 6 }).length / 1024;
    total += size;
    const end = arrived.ends[url];
    if (end !== undefined && end <= arrived.ready) beforeReady += size;
    else afterReady += size;
    if (roles.get(name) === 'page') own += size;
  }
  expect(Math.round(beforeReady), 'KB of JS gzipped before the terminal is ready').toBeLessThanOrEqual(BUDGET.beforeReady);
  // The programs' code did come, after the terminal was ready: nothing after it would mean the emulator is one chunk again.
  expect(Math.round(afterReady), 'KB of JS gzipped preloaded after the terminal is ready').toBeGreaterThan(50);
  expect(Math.round(total), 'KB of JS gzipped in all').toBeLessThanOrEqual(BUDGET.total);
  expect(Math.round(own), 'KB of JS gzipped besides the emulator and xterm').toBeLessThanOrEqual(BUDGET.page);
});

function fileName(url: string): string {
  return new URL(url).pathname.split('/').pop() ?? url;
}
