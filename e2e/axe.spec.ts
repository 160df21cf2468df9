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
 * Waits for the page to settle: blocks below the fold get their layout once the page is idle
 * (src/client/settled-layout.ts), then wide code blocks and tables become focusable (Expressive
 * Code's script waits 250 ms and an idle moment). No scrolling: a keyboard user does not have to.
 */
async function settle(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-dnho-settled', '');
  await page.waitForTimeout(1000);
}

for (const theme of ['light', 'dark'] as const) {
  // The home, single-host lessons (dns has the daemon.json editor), a multi-host one (host tabs).
  for (const path of ['./', 'lessons/bridge/', 'lessons/dns/', 'lessons/overlay/']) {
    test(`axe finds no WCAG A/AA violations on ${path === './' ? 'the course home' : path} (${theme})`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme: theme });
      const page = await context.newPage();
      await page.goto(path);
      if (path !== './') {
        await waitReady(page);
        await settle(page);
      }
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
