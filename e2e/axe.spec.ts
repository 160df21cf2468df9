/**
 * Automated accessibility checks (axe-core, WCAG 2 A and AA rules) on the
 * course home and a lesson with its terminal, exercises and quiz, in the
 * light and the dark theme. axe finds part of what matters (contrast, names,
 * roles, landmarks); the keyboard and screen-reader tests are in reading.spec.ts.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { waitReady } from './helpers';

/**
 * Scrolls through the page as a reader would: blocks below the fold are laid out only when near
 * the viewport (content-visibility), and wide code blocks and tables become focusable only once
 * laid out (Expressive Code's and our own scripts, a moment after).
 */
async function readThrough(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(1000);
}

for (const theme of ['light', 'dark'] as const) {
  // The home, a single-host lesson, and a multi-host one (host tabs).
  for (const path of ['./', 'lessons/bridge/', 'lessons/overlay/']) {
    test(`axe finds no WCAG A/AA violations on ${path === './' ? 'the course home' : path} (${theme})`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme: theme });
      const page = await context.newPage();
      await page.goto(path);
      if (path !== './') await waitReady(page);
      await readThrough(page);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        // Starlight's search button: its accessible name is "Search", its visible text adds "Ctrl K"
        // (label-content-name-mismatch). Starlight's markup, not ours.
        .exclude('site-search button[data-open-modal]')
        .analyze();
      const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length}× ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      expect(found).toEqual([]);
      await context.close();
    });
  }
}
