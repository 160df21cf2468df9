import { test } from '@playwright/test';
import { FIXTURE, waitReady } from './helpers';

test('screenshot of the fixture lesson', async ({ page }) => {
  test.skip(!process.env.SCREENSHOT, 'set SCREENSHOT=1 to write test-results/*.png');
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(FIXTURE);
  await waitReady(page).catch(() => undefined);
  await page.screenshot({ path: 'test-results/lesson.png', fullPage: true });
  await page.goto('./');
  await page.screenshot({ path: 'test-results/home.png', fullPage: true });
});
