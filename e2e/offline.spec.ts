/**
 * Schools run the course without internet: no page may request anything
 * outside its own origin (fonts, CDNs, analytics), search included, and
 * nothing a page asks its own origin for may be missing (a favicon, a font,
 * a lazy chunk, a worker).
 */
import { expect, test, type Page } from '@playwright/test';
import { FIXTURE, typeCommand, waitReady } from './helpers';

/** Records requests that leave the origin and origin responses that fail (4xx/5xx). */
function watchRequests(page: Page, origin: string): { outside: string[]; failed: string[] } {
  const outside: string[] = [];
  const failed: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url);
  });
  page.on('response', (response) => {
    if (response.url().startsWith(origin) && response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? 'failed';
    // ERR_ABORTED: the browser dropped the request because the test navigated on (an idle-time
    // load such as the search UI); a file that is really missing shows as a 404 response above.
    if (request.url().startsWith(origin) && error !== 'net::ERR_ABORTED') failed.push(`${error} ${request.url()}`);
  });
  return { outside, failed };
}

test('no request leaves the origin, and none the origin gets fails', async ({ page, baseURL }) => {
  const { outside, failed } = watchRequests(page, new URL(baseURL!).origin);
  await page.goto('./');
  await page.goto(FIXTURE);
  const term = await waitReady(page);
  await typeCommand(page, term, 'docker network ls');
  // Search: Pagefind loads its index from the site itself.
  await page.getByRole('button', { name: /search/i }).first().click();
  // The search UI loads when search opens (src/client/pagefind-on-demand.ts) and takes the focus.
  await expect(page.locator('.pagefind-ui__search-input')).toBeFocused();
  await page.keyboard.type('network');
  await expect(page.locator('.pagefind-ui__result').first()).toBeVisible();
  const lessons = await page.locator('a[href*="/lessons/"]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  for (const href of new Set(lessons)) {
    await page.goto(href);
    await page.waitForLoadState('networkidle');
  }
  expect(outside).toEqual([]);
  expect(failed).toEqual([]);
});

test('a page with an editor loads monaco, its fonts and workers from the origin', async ({ page, baseURL }) => {
  const { outside, failed } = watchRequests(page, new URL(baseURL!).origin);
  await page.goto('lessons/dns/');
  const editor = page.locator('dnho-editor').first();
  await editor.scrollIntoViewIfNeeded();
  await expect(editor).toHaveAttribute('data-state', 'ready');
  await expect(editor.locator('.monaco-editor')).toBeVisible();
  await editor.locator('.monaco-editor').click();
  await page.waitForLoadState('networkidle');
  expect(outside).toEqual([]);
  expect(failed).toEqual([]);
});

test('a lesson page without an editor loads neither monaco nor the search UI until they are used', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto('lessons/bridge/');
  await waitReady(page);
  await page.waitForLoadState('networkidle');
  // Starlight would load the search UI once the page is idle: give idle time a chance.
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 300))));
  expect(scripts.filter((path) => /monaco|editor|ui-core/.test(path))).toEqual([]);
  await page.getByRole('button', { name: /search/i }).first().click();
  await expect(page.locator('.pagefind-ui__search-input')).toBeFocused();
  expect(scripts.some((path) => path.includes('ui-core'))).toBe(true);
});
