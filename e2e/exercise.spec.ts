/**
 * A student working through real exercises of the DNS lesson
 * (content/lessons/dns): hints one at a time, the solution typed in the
 * terminal, the exercise turning to passed, all of it still there after a
 * reload; and the daemon.json editor driving the lab.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectScreen, typeCommand, waitReady } from './helpers';

const LESSON = 'lessons/dns/';

async function savedExercise(page: Page, id: string): Promise<unknown> {
  return page.evaluate((exercise) => {
    const progress = JSON.parse(localStorage.getItem('dnho-progress-v1') ?? '{}');
    return progress.lessons?.dns?.exercises?.[exercise];
  }, id);
}

test('an exercise: hints one at a time, solved in the terminal, passed and kept across a reload', async ({ page }) => {
  await page.goto(LESSON);
  let term = await waitReady(page);
  const exercise = page.locator('#exercise-dns-lan-printer');
  const hints = exercise.locator('[data-part="hint"]');
  const hintButton = exercise.getByRole('button', { name: /hint/i });
  await expect(hints).toHaveCount(3);
  await expect(exercise.locator('[data-part="hints"]')).toBeHidden();
  // Graded just after the terminal is ready: wait for it, or "not passed" would hold before any grading.
  await expect(exercise).toHaveAttribute('data-graded', 'true');
  await expect(exercise).not.toHaveAttribute('data-passed', 'true');

  await hintButton.click();
  await expect(hints.nth(0)).toBeVisible();
  await expect(hints.nth(1)).toBeHidden();
  await expect(hintButton).toHaveText('Show hint 2 of 3');
  await hintButton.click();
  await expect(hints.nth(1)).toBeVisible();
  await expect(hints.nth(2)).toBeHidden();
  await hintButton.click();
  await expect(hints.nth(2)).toBeVisible();
  await expect(hintButton).toHaveText('All 3 hints shown');
  await expect(hintButton).toHaveAttribute('aria-disabled', 'true');
  expect(await savedExercise(page, 'dns-lan-printer')).toEqual({ passed: false, hintsUsed: 3, solutionShown: false });

  await typeCommand(page, term, 'docker run -dit --name office --network shop alpine');
  await expectScreen(term, /^[0-9a-f]{64}$/m);
  await expect(exercise.locator('[data-check="office-running"]')).toHaveAttribute('data-state', 'pass');
  await expect(exercise.locator('[data-check="office-resolves-printer"]')).toHaveAttribute('data-state', 'fail');
  await expect(exercise).not.toHaveAttribute('data-passed', 'true');

  await typeCommand(page, term, 'docker rm -f office');
  await typeCommand(page, term, 'docker run -dit --name office --network shop --add-host printer.lan:192.168.1.50 alpine');
  await expect(exercise).toHaveAttribute('data-passed', 'true');
  await expect(exercise.locator('[data-part="badge"]')).toHaveText('Passed');
  await expect(exercise.locator('[data-check]')).toHaveCount(4);
  await expect(exercise.locator('[data-check][data-state="pass"]')).toHaveCount(4);

  const solutionButton = exercise.getByRole('button', { name: 'Show solution' });
  await solutionButton.click();
  await expect(exercise.locator('[data-part="solution"]')).toBeVisible();
  await expect(exercise.getByRole('button', { name: 'Hide solution' })).toHaveAttribute('aria-expanded', 'true');
  expect(await savedExercise(page, 'dns-lan-printer')).toEqual({ passed: true, hintsUsed: 3, solutionShown: true });

  await page.reload();
  term = await waitReady(page);
  await expect(exercise.locator('[data-part="badge"]')).toHaveText(/Passed/);
  await expect(exercise).toHaveAttribute('data-passed', 'true');
  await expect(hints.nth(2)).toBeVisible();
  await expect(hintButton).toHaveText('All 3 hints shown');
  await expect(exercise.locator('[data-part="solution"]')).toBeVisible();
  // The other exercises were not touched.
  await expect(page.locator('#exercise-dns-shared-alias')).toHaveAttribute('data-graded', 'true');
  await expect(page.locator('#exercise-dns-shared-alias')).not.toHaveAttribute('data-passed', 'true');
  await expect(page.locator('#exercise-dns-shared-alias [data-part="hint"]').first()).toBeHidden();

  await page.goto('./');
  await expect(page.locator('.lesson-card[data-lesson-slug="dns"] [data-progress]')).toHaveText(/^1 of \d+ exercises passed$/);
});

test('the daemon.json editor: invalid JSON is reported; valid DNS settings reach a new container after a restart', async ({ page }) => {
  await page.goto(LESSON);
  const term = await waitReady(page);
  const exercise = page.locator('#exercise-dns-daemon-dns');
  const editor = exercise.locator('dnho-editor');
  await editor.scrollIntoViewIfNeeded();
  await expect(editor).toHaveAttribute('data-state', 'ready');
  const surface = editor.locator('.monaco-editor');
  await expect(surface).toBeVisible();
  const problems = editor.locator('[data-part="problems"]');
  const status = editor.locator('[data-part="status"]');
  await expect(status).toContainText('/etc/docker/daemon.json');

  await surface.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // insertText: one edit, so monaco's auto-closing of brackets and quotes does not add characters.
  await page.keyboard.insertText('{"dns": [1.1.1.1]}');
  await expect(problems).toContainText(/error/i);
  await expect(editor).toHaveAttribute('data-dirty', 'true');

  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText('{"dns":["1.1.1.1"]}');
  await expect(problems).toHaveText('No problems.');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(status).toContainText('Saved /etc/docker/daemon.json on node1');
  await expect(editor).toHaveAttribute('data-dirty', 'false');
  await expect(exercise.locator('[data-check="daemon-json-dns"]')).toHaveAttribute('data-state', 'pass');

  await typeCommand(page, term, 'cat /etc/docker/daemon.json');
  await expectScreen(term, /^\{"dns":\["1\.1\.1\.1"\]\}$/m);
  await typeCommand(page, term, 'systemctl restart docker');
  await typeCommand(page, term, 'docker run -dit --name probe alpine');
  await expectScreen(term, /^[0-9a-f]{64}$/m);
  await typeCommand(page, term, 'docker exec probe cat /etc/resolv.conf');
  await expectScreen(term, /^nameserver 1\.1\.1\.1$/m);
  await expect(exercise).toHaveAttribute('data-passed', 'true');
});
