/**
 * Schools run the course without internet: no page may request anything
 * outside its own origin (fonts, CDNs, analytics), search included.
 */
import { expect, test } from '@playwright/test';
import { FIXTURE, typeCommand, waitReady } from './helpers';

test('no request leaves the origin', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url);
  });
  await page.goto('./');
  await page.goto(FIXTURE);
  const term = await waitReady(page);
  await typeCommand(page, term, 'docker network ls');
  // Search: Pagefind loads its index from the site itself.
  await page.getByRole('button', { name: /search/i }).first().click();
  await page.keyboard.type('network');
  await expect(page.locator('.pagefind-ui__result').first()).toBeVisible();
  const lessons = await page.locator('a[href*="/lessons/"]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  for (const href of [...new Set(lessons)].slice(0, 10)) await page.goto(href);
  expect(outside).toEqual([]);
});
