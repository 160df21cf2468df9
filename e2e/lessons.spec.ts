/**
 * Every lesson of the course (and the fixture) opens, is listed on the home
 * page in course order, and each of its terminals becomes ready.
 */
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const lessonsDir = join(process.cwd(), 'content', 'lessons');
const slugs = existsSync(lessonsDir)
  ? readdirSync(lessonsDir).filter((slug) => existsSync(join(lessonsDir, slug, 'index.mdx')))
  : [];

test('the home page lists every lesson', async ({ page }) => {
  await page.goto('./');
  const listed = await page.locator('.lesson-card').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.lessonSlug));
  expect([...listed].sort()).toEqual([...slugs].sort());
  expect(listed).not.toContain('zz-fixture');
});

test('the home page shows each lesson’s saved progress', async ({ page }) => {
  test.skip(slugs.length === 0, 'no lessons yet');
  await page.goto('./');
  const [first] = await page.locator('.lesson-card').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.lessonSlug!));
  await page.evaluate((slug) => {
    const progress = {
      version: 1,
      lessons: {
        [slug]: {
          exercises: { a: { passed: true, hintsUsed: 1, solutionShown: false }, b: { passed: false, hintsUsed: 0, solutionShown: false } },
          quizzes: { q: { score: 3, total: 4 } },
        },
      },
    };
    localStorage.setItem('dnho-progress-v1', JSON.stringify(progress));
  }, first);
  await page.reload();
  const cards = page.locator('.lesson-card');
  // The card knows how many exercises the lesson has: "1 of N".
  await expect(cards.first().locator('[data-progress]')).toHaveText(/^1 of \d+ exercises? passed · quiz 3\/4$/);
  await expect(cards.first().locator('[data-progress]')).toHaveAttribute('data-progress-state', 'started');
  await expect(cards.nth(1).locator('[data-progress]')).toBeHidden();
});

test('each card counts the exercises its lesson page has', async ({ page }) => {
  await page.goto('./');
  const cards = await page.locator('.lesson-card').evaluateAll((els) =>
    els.map((c) => ({ slug: (c as HTMLElement).dataset.lessonSlug!, count: Number(c.querySelector<HTMLElement>('[data-progress]')?.dataset.progressExercises ?? 0) })),
  );
  for (const { slug, count } of cards) {
    const html = await (await page.request.get(`lessons/${slug}/`)).text();
    // Distinct ids: a break-fix lab renders one exercise per variant, all with the exercise's id.
    const ids = new Set([...html.matchAll(/<dnho-exercise\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]));
    expect(count, `exercises of ${slug}`).toBe(ids.size);
  }
});

test('sidebar and previous/next follow the course order', async ({ page }) => {
  test.skip(slugs.length < 2, 'needs two lessons');
  await page.goto('./');
  const order = await page.locator('.lesson-card').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.lessonSlug!));
  await page.goto(`lessons/${order[0]}/`);
  const sidebar = await page.locator('nav.sidebar a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(sidebar.filter((p) => p.includes('/lessons/')).map((p) => p.split('/').at(-2))).toEqual(order);
  await page.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${order[1]}/$`));
  await expect(page.locator('a[rel="prev"]')).toHaveAttribute('href', new RegExp(`/lessons/${order[0]}/$`));
});

for (const slug of [...slugs, 'zz-fixture']) {
  test(`lesson ${slug} opens and its terminals become ready`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto(`lessons/${slug}/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).not.toBeEmpty();
    const terminals = page.locator('dnho-terminal');
    const count = await terminals.count();
    for (let i = 0; i < count; i++) {
      const term = terminals.nth(i);
      await expect(term).toHaveAttribute('data-state', 'ready');
      // One tab per host of the lab; a one-host lab shows no tab bar.
      const hosts = (JSON.parse((await term.getAttribute('data-definition')) ?? '{}') as { hosts?: number }).hosts ?? 1;
      if (hosts > 1) await expect(term.getByRole('tab')).toHaveText(Array.from({ length: hosts }, (_, n) => `node${n + 1}`));
      else await expect(term.getByRole('tablist')).toBeHidden();
    }
    await expect(page.locator('.dnho-terminal__notice[data-tone="error"]:not([hidden])')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}
