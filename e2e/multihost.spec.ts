/**
 * A multi-host lesson (content/lessons/overlay, three hosts) as a student
 * takes it: one terminal tab per host, the swarm built by typing in each
 * host's own tab, and the cross-host exercise graded as passed.
 */
import { expect, test } from '@playwright/test';
import { runLine, screenText, waitReady } from './helpers';

test('overlay lesson: a tab per host; the swarm and overlay built tab by tab pass the first exercise', async ({ page }) => {
  await page.goto('lessons/overlay/');
  const term = await waitReady(page);
  const tabs = term.getByRole('tab');
  await expect(tabs).toHaveText(['node1', 'node2', 'node3']);
  const exercise = page.locator('#exercise-overlay-cross-host');

  expect(await runLine(page, term, 'docker swarm init')).toBe(0);
  expect(await runLine(page, term, 'docker swarm join-token -q worker')).toBe(0);
  // Rows are joined without breaks so a token wrapped over two rows reads whole.
  const tokenOnScreen = async () => (await screenText(term)).replace(/\n/g, '').match(/worker(SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25})root@/)?.[1];
  await expect.poll(tokenOnScreen, { message: 'the worker token on node1’s screen' }).toBeTruthy();
  const token = await tokenOnScreen();

  await tabs.nth(1).click();
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  expect(await runLine(page, term, `docker swarm join --token ${token} 192.168.1.11:2377`)).toBe(0);
  await expect(exercise.locator('[data-check="app-net-overlay"]')).toHaveAttribute('data-state', 'fail');

  await tabs.nth(0).click();
  expect(await runLine(page, term, 'docker network create -d overlay --attachable app-net')).toBe(0);
  await expect(exercise.locator('[data-check="app-net-overlay"]')).toHaveAttribute('data-state', 'pass');
  expect(await runLine(page, term, 'docker run -dit --name client --network app-net alpine')).toBe(0);

  await tabs.nth(1).click();
  expect(await runLine(page, term, 'docker run -d --name web --network app-net nginx')).toBe(0);
  expect(await runLine(page, term, 'hostname')).toBe(0);
  await expect.poll(() => screenText(term)).toMatch(/^node2$/m);

  await expect(exercise).toHaveAttribute('data-passed', 'true');
  await expect(exercise.locator('[data-check][data-state="pass"]')).toHaveCount(6);

  // node1's tab still shows its own shell.
  await tabs.nth(0).click();
  expect(await runLine(page, term, 'docker node ls')).toBe(0);
  await expect.poll(() => screenText(term)).toMatch(/^\w+ \*\s+node1\s+Ready\s+Active\s+Leader/m);
});
