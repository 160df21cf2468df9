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
      await expect(terminals.nth(i)).toHaveAttribute('data-state', 'ready');
    }
    await expect(page.locator('.dnho-terminal__notice[data-tone="error"]:not([hidden])')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}
