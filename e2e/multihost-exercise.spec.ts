/**
 * A multi-host lesson as a student works it (content/lessons/swarm-traffic):
 * the manager's firewall opened in node1's tab, the join token read off the
 * screen, and the join typed in node2's and node3's own tabs; the exercise's
 * checklist follows the lab and the exercise turns to passed.
 */
import { expect, test } from '@playwright/test';
import { expectScreen, screenText, typeCommand, waitReady } from './helpers';

test('swarm traffic: open 2377 on the manager, join from the workers’ tabs, the exercise passes', async ({ page }) => {
  await page.goto('lessons/swarm-traffic/');
  const term = await waitReady(page);
  const tabs = term.getByRole('tab');
  await expect(tabs).toHaveText(['node1', 'node2', 'node3']);
  const exercise = page.locator('#exercise-swarm-traffic-join');
  await expect(exercise.locator('[data-check="node2-joined"]')).toHaveAttribute('data-state', 'fail');

  await typeCommand(page, term, 'iptables -A INPUT -p tcp --dport 2377 -j ACCEPT');
  await typeCommand(page, term, 'docker swarm join-token -q worker');
  await expectScreen(term, /^SWMTKN-1-/m);
  // Rows are joined without breaks so a token wrapped over two rows reads whole.
  const token = (await screenText(term)).replace(/\n/g, '').match(/(SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25})/)?.[1];
  expect(token, 'the worker token on node1’s screen').toBeTruthy();

  for (const n of [1, 2]) {
    await tabs.nth(n).click();
    await expectScreen(term, new RegExp(`root@node${n + 1}`));
    await typeCommand(page, term, `docker swarm join --token ${token} 192.168.1.11:2377`);
    await expectScreen(term, 'This node joined a swarm as a worker.');
  }
  await expect(exercise.locator('[data-check="node2-joined"]')).toHaveAttribute('data-state', 'pass');
  await expect(exercise.locator('[data-check="node3-joined"]')).toHaveAttribute('data-state', 'pass');
  await expect(exercise.locator('[data-check="admin-closed-node1"]')).toHaveAttribute('data-state', 'pass');
  await expect(exercise).toHaveAttribute('data-passed', 'true');

  await tabs.nth(0).click();
  await typeCommand(page, term, 'docker node ls');
  await expectScreen(term, /node3 +Ready +Active/);
});
