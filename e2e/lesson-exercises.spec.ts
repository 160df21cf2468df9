/**
 * Every lesson's first exercise, done as a student does it: "Check" on the
 * lesson's starting lab shows the exercise not passed, with a reason on a
 * failing check; then the solution's commands, typed into the terminal one by
 * one, turn it to passed, and the lesson's progress keeps it.
 * The break-fix labs of the troubleshooting lesson are e2e/exercise.spec.ts's.
 */
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { runLine, waitReady } from './helpers';

const lessonsDir = join(process.cwd(), 'content', 'lessons');
const slugs = existsSync(lessonsDir)
  ? readdirSync(lessonsDir).filter((slug) => existsSync(join(lessonsDir, slug, 'exercises.ts')) && existsSync(join(lessonsDir, slug, 'index.mdx')))
  : [];

interface ExerciseData {
  id: string;
  lab: string;
  solution: string[];
}

for (const slug of slugs) {
  test(`lesson ${slug}: the first exercise fails with a reason, then passes after its solution is typed`, async ({ page }) => {
    await page.goto(`lessons/${slug}/`);
    const exercise = page.locator('dnho-exercise').first();
    const data = JSON.parse((await exercise.getAttribute('data-exercise'))!) as ExerciseData;
    const term = await waitReady(page, data.lab);

    await exercise.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(exercise.locator('[data-part="status"]')).toContainText('Not yet:');
    await expect(exercise).not.toHaveAttribute('data-passed', 'true');
    const failing = exercise.locator('[data-check][data-state="fail"]');
    await expect(failing.first()).toBeVisible();
    await expect(failing.first().locator('[data-part="check-reason"]')).not.toBeEmpty();

    for (const line of data.solution) {
      expect(await runLine(page, term, line), `exit status of \`${line}\``).toBe(0);
    }
    await expect(exercise).toHaveAttribute('data-passed', 'true');
    await expect(exercise.locator('[data-part="badge"]')).toHaveText('Passed');
    await expect(exercise.locator('[data-check][data-state="fail"]')).toHaveCount(0);
    // The lesson's progress line under its title follows at once.
    const count = new Set(await page.locator('dnho-exercise').evaluateAll((els) => els.map((e) => e.id))).size;
    await expect(page.locator('.lesson-meta [data-progress-lesson]')).toHaveText(new RegExp(`^1 of ${count} exercises? passed`));
    const saved = await page.evaluate(([lesson, id]) => JSON.parse(localStorage.getItem('dnho-progress-v1') ?? '{}').lessons?.[lesson]?.exercises?.[id]?.passed, [slug, data.id]);
    expect(saved).toBe(true);
  });
}
