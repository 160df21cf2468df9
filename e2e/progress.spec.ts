/**
 * Progress the student can trust: damaged saved progress is reported and
 * reset without breaking a page, and "Reset my progress" on the course home
 * forgets it (after a confirmation) while the labs stay as they are.
 */
import { expect, test } from '@playwright/test';
import { runLine, screenText, waitReady } from './helpers';

const KEY = 'dnho-progress-v1';

test('damaged saved progress: a notice on the home page and in a lesson, nothing breaks', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('./');
  await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"lessons":'), KEY);
  await page.reload();
  await expect(page.locator('[data-progress-status]')).toHaveText(/could not be read \(it was damaged\), so it has been reset/);
  await expect(page.locator('.lesson-card [data-progress]:visible')).toHaveCount(0);

  await page.evaluate((key) => localStorage.setItem(key, '{"some":"other app"}'), KEY);
  await page.goto('lessons/welcome/');
  await waitReady(page);
  await expect(page.locator('.dnho-progress-notice').first()).toHaveText(/was not course progress, so it has been reset/);
  const exercise = page.locator('dnho-exercise').first();
  const solution = JSON.parse((await exercise.getAttribute('data-exercise'))!).solution as string[];
  for (const line of solution) await runLine(page, page.locator('dnho-terminal').first(), line);
  await expect(exercise).toHaveAttribute('data-passed', 'true');
  expect(errors).toEqual([]);
});

test('“Reset my progress” forgets progress after a confirmation, and leaves the lab', async ({ page }) => {
  await page.goto('lessons/welcome/');
  const term = await waitReady(page);
  const exercise = page.locator('dnho-exercise').first();
  const solution = JSON.parse((await exercise.getAttribute('data-exercise'))!).solution as string[];
  for (const line of solution) await runLine(page, term, line);
  await expect(exercise).toHaveAttribute('data-passed', 'true');

  await page.goto('./');
  const badge = page.locator('.lesson-card[data-lesson-slug="welcome"] [data-progress]');
  await expect(badge).toHaveText(/^1 of \d+ exercises? passed$/);
  const reset = page.getByRole('button', { name: 'Reset my progress' });
  page.once('dialog', (dialog) => void dialog.dismiss());
  await reset.click();
  await expect(badge).toHaveText(/^1 of \d+ exercises? passed$/);
  page.once('dialog', (dialog) => void dialog.accept());
  await reset.click();
  await expect(page.locator('[data-progress-status]')).toHaveText('Your progress has been reset.');
  await expect(badge).toBeHidden();

  // The lab is untouched: the container from the solution still runs, so the exercise, graded on
  // the lab, passes again at once, as a new pass ("Passed", not "Passed earlier").
  await page.goto('lessons/welcome/');
  const again = await waitReady(page);
  await runLine(page, again, "docker ps --format '{{.Names}}'");
  await expect.poll(() => screenText(again)).toMatch(/^hello$/m);
  await expect(exercise.locator('[data-part="badge"]')).toHaveText('Passed');
});
