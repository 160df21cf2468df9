import { test } from '@playwright/test';
import { FIXTURE, typeCommand, waitReady } from './helpers';

/** Not a check: writes test-results/{lesson,home,lesson-dark}.png for a human to look at. */
test('screenshots of the fixture lesson and the home page', async ({ page }) => {
  test.skip(!process.env.SCREENSHOT, 'set SCREENSHOT=1 to write test-results/*.png');
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(FIXTURE);
  const term = await waitReady(page);
  await typeCommand(page, term, 'docker network ls');
  await typeCommand(page, term, 'hostname');
  await typeCommand(page, term, 'ping -c 2 127.0.0.1');
  await page.waitForTimeout(2500);
  await page.keyboard.type('docker netw');
  await page.keyboard.press('Tab');
  await page.screenshot({ path: 'test-results/lesson.png', fullPage: true });
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  await page.waitForTimeout(200);
  await page.screenshot({ path: 'test-results/lesson-dark.png', fullPage: false });
  await page.goto('./');
  await page.screenshot({ path: 'test-results/home.png', fullPage: true });
  await page.goto('lessons/welcome/');
  await waitReady(page);
  await page.screenshot({ path: 'test-results/welcome.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('lessons/bridge/');
  await page.locator('dnho-terminal').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/mobile.png' });
});
