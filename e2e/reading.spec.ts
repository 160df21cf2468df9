/**
 * What a student expects of the page itself: the terminal follows the site's
 * light and dark themes, a lesson reads on a laptop, a tablet and a phone
 * without sideways scrolling (80 terminal columns on the first two), and the
 * terminal's screen-reader mode exposes its output and is remembered.
 */
import { expect, test } from '@playwright/test';
import { FIXTURE, runLine, screenText, terminal, waitReady } from './helpers';

const XTERM_BG = '.xterm-scrollable-element';

test('the terminal follows the site theme, light and dark', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(FIXTURE);
  const term = await waitReady(page);
  const background = () => term.locator(XTERM_BG).first().evaluate((el) => getComputedStyle(el).backgroundColor);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await background()).toBe('rgb(251, 251, 251)');
  await page.locator('starlight-theme-select select').first().selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(background).toBe('rgb(20, 23, 28)');
  await page.reload();
  await waitReady(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe('rgb(20, 23, 28)');
  await context.close();
});

const screens = [
  { name: 'laptop', width: 1280, height: 800, columns80: true },
  { name: 'small laptop', width: 1152, height: 720, columns80: true },
  { name: 'tablet', width: 768, height: 1024, columns80: true },
  { name: 'phone', width: 390, height: 844, columns80: false },
];

for (const screen of screens) {
  test(`a lesson on a ${screen.name} (${screen.width}×${screen.height}) needs no sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width: screen.width, height: screen.height });
    await page.goto('lessons/bridge/');
    const term = await waitReady(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'pixels the page is wider than the window').toBeLessThanOrEqual(0);
    const box = (await term.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(screen.width);
    if (screen.columns80) {
      const line = '0123456789'.repeat(8);
      await runLine(page, term, `echo ${line}`);
      await expect.poll(async () => (await screenText(term)).split('\n')).toContain(line);
    }
  });
}

test('screen-reader mode: output in the accessibility tree, remembered across a reload', async ({ page }) => {
  await page.goto(FIXTURE);
  let term = await waitReady(page);
  const toggle = term.getByRole('button', { name: 'Screen reader mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(term.locator('.xterm-accessibility')).toHaveCount(0);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // One preference: every terminal on the page follows it at once.
  const other = terminal(page, 'multi');
  await expect(other.getByRole('button', { name: 'Screen reader mode' })).toHaveAttribute('aria-pressed', 'true');
  await expect(other.locator('.xterm-accessibility')).toHaveCount(1);
  await runLine(page, term, 'hostname');
  await expect(term.locator('.xterm-accessibility-tree').first()).toContainText('node1');

  await page.reload();
  term = await waitReady(page);
  await expect(term.getByRole('button', { name: 'Screen reader mode' })).toHaveAttribute('aria-pressed', 'true');
  await expect(term.locator('.xterm-accessibility')).toHaveCount(1);
  await expect(terminal(page, 'multi').getByRole('button', { name: 'Screen reader mode' })).toHaveAttribute('aria-pressed', 'true');

  await term.getByRole('button', { name: 'Screen reader mode' }).click();
  await expect(term.locator('.xterm-accessibility')).toHaveCount(0);
  await expect(terminal(page, 'multi').locator('.xterm-accessibility')).toHaveCount(0);
});

test('keyboard only: arrow keys pick a host tab, Tab enters its terminal, Esc leaves it', async ({ page }) => {
  await page.goto(FIXTURE);
  const term = await waitReady(page, 'multi');
  const tabs = term.getByRole('tab');
  await tabs.nth(0).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.nth(1)).toBeFocused();
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(tabs.nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(tabs.nth(2)).toBeFocused();

  let inTerminal = false;
  for (let i = 0; i < 5 && !inTerminal; i++) {
    await page.keyboard.press('Tab');
    inTerminal = await term.locator('.dnho-terminal__screen:not([hidden]) textarea').evaluate((el) => el === document.activeElement);
  }
  expect(inTerminal, 'Tab from the tab list reaches the selected host’s terminal').toBe(true);
  await page.keyboard.type('hostname');
  await page.keyboard.press('Enter');
  await expect.poll(() => screenText(term)).toMatch(/^node3$/m);
  await page.keyboard.press('Escape');
  await expect(term.getByRole('button', { name: 'Screen reader mode' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(term.getByRole('button', { name: 'Reset lab' })).toBeFocused();
});

test('a student who asks for reduced motion gets a steady cursor', async ({ browser }) => {
  for (const reducedMotion of ['no-preference', 'reduce'] as const) {
    const context = await browser.newContext({ reducedMotion });
    const page = await context.newPage();
    await page.goto(FIXTURE);
    const term = await waitReady(page);
    await term.locator('.xterm').first().click();
    await expect(term.locator('.xterm-cursor-blink')).toHaveCount(reducedMotion === 'reduce' ? 0 : 1);
    await context.close();
  }
});
