/**
 * What a lesson page downloads, against a budget (house style: a budget for
 * what the browser downloads, checked in CI). The budget guards against
 * regressions such as monaco or the search UI leaking onto every lesson page;
 * it is not the target (< 150 KB gzip for a lesson without an editor),
 * which the emulator (~220 KB) and xterm (~90 KB) alone exceed today:
 * `npm run bench:site` prints the figures.
 */
import { gzipSync } from 'node:zlib';
import { expect, test, type Response } from '@playwright/test';
import { waitReady } from './helpers';

/** KB of JS, gzipped (level 6, what a typical static server sends). */
const BUDGET = {
  /** Everything a lesson page without an editor loads. */
  total: 380,
  /** The page's own JS besides the emulator's and the terminal's (xterm) chunks. */
  page: 40,
};

test(`a lesson page without an editor loads at most ${BUDGET.total} KB of JS gzipped, ${BUDGET.page} KB of it its own`, async ({ page }) => {
  const scripts: Response[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response);
  });
  await page.goto('lessons/bridge/');
  await waitReady(page);
  await page.waitForLoadState('networkidle');
  let total = 0;
  let own = 0;
  for (const response of scripts) {
    const size = gzipSync(await response.body(), { level: 6 }).length / 1024;
    total += size;
    if (!/\/(emulator|terminal-element)\.[\w-]+\.js$/.test(new URL(response.url()).pathname)) own += size;
  }
  expect(Math.round(total), 'KB of JS gzipped in all').toBeLessThanOrEqual(BUDGET.total);
  expect(Math.round(own), 'KB of JS gzipped besides the emulator and xterm').toBeLessThanOrEqual(BUDGET.page);
});
