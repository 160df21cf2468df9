/**
 * The terminal as a student uses it, on the fixture lesson
 * (e2e/fixtures/lessons/zz-fixture): its `main` lab starts with the network
 * `fixture-setup-net`; its `multi` lab has three hosts.
 */
import { expect, test } from '@playwright/test';
import { FIXTURE, expectScreen, screenText, typeCommand, waitReady } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto(FIXTURE);
});

test('docker network ls shows the emulator’s table, setup included', async ({ page }) => {
  const term = await waitReady(page);
  await typeCommand(page, term, 'docker network ls');
  await expectScreen(term, /NETWORK ID\s+NAME\s+DRIVER\s+SCOPE/);
  await expectScreen(term, /fixture-setup-net\s+bridge\s+local/);
  await expectScreen(term, /\bhost\s+host\s+local/);
});

test('a network created survives a reload; Reset brings back the lesson’s lab', async ({ page }) => {
  let term = await waitReady(page);
  await typeCommand(page, term, 'docker network create kept-net');
  await expectScreen(term, /^[0-9a-f]{64}$/m);

  await page.reload();
  term = await waitReady(page);
  await expect(term.locator('.xterm-rows')).toContainText('Your lab from last time is back');
  await typeCommand(page, term, 'docker network ls');
  await expectScreen(term, /kept-net\s+bridge/);

  await term.getByRole('button', { name: 'Reset lab' }).click();
  await waitReady(page);
  await typeCommand(page, term, 'docker network ls');
  await expectScreen(term, /fixture-setup-net/);
  expect(await screenText(term)).not.toMatch(/kept-net/);

  // The reset lab is what is saved now.
  await page.reload();
  term = await waitReady(page);
  await typeCommand(page, term, 'docker network ls');
  await expectScreen(term, /fixture-setup-net/);
  expect(await screenText(term)).not.toMatch(/kept-net/);
});

test('a corrupt saved lab gives a notice and a fresh lab', async ({ page }) => {
  await page.evaluate(() => localStorage.setItem('dnho-lab-v1:lessons/zz-fixture:main', '{"v":1,"garbage'));
  await page.reload();
  const term = await waitReady(page);
  await expect(term.locator('[data-part="notice"]')).toContainText('could not be used');
  await typeCommand(page, term, 'docker network ls');
  await expectScreen(term, /fixture-setup-net/);
});

test('line editing, history and Tab completion', async ({ page }) => {
  const term = await waitReady(page);
  await term.locator('.xterm').click();
  await page.keyboard.type('world');
  await page.keyboard.press('Home');
  await page.keyboard.type('echo hello ');
  await page.keyboard.press('Enter');
  await expectScreen(term, /^hello world$/m);

  await page.keyboard.type('echo abc def');
  await page.keyboard.press('Control+W');
  await page.keyboard.type('ghi');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('e');
  await page.keyboard.press('Control+E');
  await page.keyboard.type('jkl');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await expectScreen(term, /^abc jk$/m);

  await page.keyboard.type('junk words');
  await page.keyboard.press('Control+U');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await screenText(term)).match(/^hello world$/gm)?.length ?? 0).toBe(2);

  await page.keyboard.type('hostn');
  await page.keyboard.press('Tab');
  await expectScreen(term, /# hostname\s*$/m);
  await page.keyboard.press('Control+C');
  await expectScreen(term, /# hostname \^C$/m);
});

test('an open quote or a trailing backslash continues on a `> ` line', async ({ page }) => {
  const term = await waitReady(page);
  await typeCommand(page, term, 'echo "first');
  await expectScreen(term, /^>\s*$/m);
  await typeCommand(page, term, 'second"');
  await expectScreen(term, /^first\nsecond$/m);
  await typeCommand(page, term, 'echo one \\');
  await typeCommand(page, term, 'two');
  await expectScreen(term, /^one two$/m);
  // Ctrl-C at a `> ` prompt drops the unfinished command.
  await typeCommand(page, term, 'echo "never');
  await page.keyboard.press('Control+C');
  await typeCommand(page, term, 'echo after');
  await expectScreen(term, /^after$/m);
  expect(await screenText(term)).not.toMatch(/^never/m);
});

test('Ctrl-C stops a running ping', async ({ page }) => {
  const term = await waitReady(page);
  await typeCommand(page, term, 'ping 127.0.0.1');
  await expectScreen(term, /bytes from 127\.0\.0\.1/);
  await page.keyboard.press('Control+C');
  await expectScreen(term, /packets transmitted/);
  await expectScreen(term, /packets transmitted[^]*\nroot@node1:~#\s*$/);
});

test('after ping handled Ctrl-C the line goes on; a second Ctrl-C stops what follows', async ({ page }) => {
  const term = await waitReady(page);
  await typeCommand(page, term, 'ping 127.0.0.1; echo between; sleep 100; echo never');
  await expectScreen(term, /bytes from 127\.0\.0\.1/);
  await page.keyboard.press('Control+C');
  await expectScreen(term, /packets transmitted[^]*\nbetween\n/);
  await page.keyboard.press('Control+C');
  await expectScreen(term, /\nbetween\n\^C\s*\n?root@node1:~#\s*$/);
  expect(await screenText(term)).not.toMatch(/^never/m);
});

test('“Run in terminal” types a code block into the terminal', async ({ page }) => {
  const term = await waitReady(page);
  await page.getByRole('button', { name: 'Run in terminal' }).first().click();
  await expectScreen(term, /# docker network create from-button/);
  await expectScreen(term, /^[0-9a-f]{64}$/m);
  await page.getByRole('button', { name: 'Run in terminal' }).nth(1).click();
  await expectScreen(term, /from-button\s+bridge/);
});

test('the lab bus reports every command with its status', async ({ page }) => {
  const term = await waitReady(page);
  await page.evaluate(() => {
    const bus = (globalThis as unknown as Record<string, Map<string, { commandListeners: Set<(l: string, s: number) => void> }>>).__dnhoLabBus_v1!;
    const seen: [string, number][] = [];
    (window as unknown as { seen: typeof seen }).seen = seen;
    bus.get('main')!.commandListeners.add((line, status) => seen.push([line, status]));
  });
  await typeCommand(page, term, 'docker network inspect nope');
  await expect.poll(() => page.evaluate(() => (window as unknown as { seen: unknown }).seen)).toEqual([['docker network inspect nope', 1]]);
});

test('keyboard only: Tab reaches the terminal, Esc leaves it', async ({ page }) => {
  const term = await waitReady(page);
  const textarea = term.locator('textarea.xterm-helper-textarea').first();
  let reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await textarea.evaluate((el) => el === document.activeElement);
  }
  expect(reached).toBe(true);
  await page.keyboard.type('hostname');
  await page.keyboard.press('Enter');
  await expectScreen(term, /^node1$/m);
  await page.keyboard.press('Escape');
  await expect(term.getByRole('button', { name: 'Screen reader mode' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(term.getByRole('button', { name: 'Screen reader mode' })).toHaveAttribute('aria-pressed', 'true');
  await expect(term.locator('.xterm-accessibility')).toHaveCount(1);
});

test('one tab per host; a tab’s shell is on its host', async ({ page }) => {
  const term = await waitReady(page, 'multi');
  const tabs = term.getByRole('tab');
  await expect(tabs).toHaveText(['node1', 'node2', 'node3']);
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
  await tabs.nth(1).click();
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expectScreen(term, /root@node2/);
  await typeCommand(page, term, 'hostname');
  await expectScreen(term, /^node2$/m);
  await tabs.nth(2).click();
  await typeCommand(page, term, 'hostname');
  await expectScreen(term, /^node3$/m);
  await tabs.nth(0).click();
  await typeCommand(page, term, 'hostname');
  await expectScreen(term, /^node1$/m);
});

test('ssh in a tab changes its prompt; a swarm join typed in node2’s tab shows in node1’s', async ({ page }) => {
  const term = await waitReady(page, 'multi');
  const tabs = term.getByRole('tab');
  await typeCommand(page, term, 'ssh node2');
  await expectScreen(term, /# ssh node2\nroot@node2:~#\s*$/);
  await typeCommand(page, term, 'hostname');
  await expectScreen(term, /^node2\nroot@node2:~#\s*$/m);
  await typeCommand(page, term, 'exit');
  await expectScreen(term, /Connection to node2 closed\.\nroot@node1:~#\s*$/);

  await typeCommand(page, term, 'docker swarm init');
  await expectScreen(term, /Swarm initialized: current node \(\w+\) is now a manager/);
  // Rows are joined without breaks so a token wrapped over two rows reads whole.
  const init = (await screenText(term)).replace(/\n/g, '');
  const token = init.match(/--token (SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25})/)?.[1];
  const manager = init.match(/(\d+\.\d+\.\d+\.\d+:2377)/)?.[1];
  expect(token, 'the join token docker swarm init printed').toBeTruthy();
  expect(manager, 'the manager address docker swarm init printed').toBeTruthy();

  await tabs.nth(1).click();
  await expectScreen(term, /root@node2:~#\s*$/);
  await typeCommand(page, term, `docker swarm join --token ${token} ${manager}`);
  await expectScreen(term, /This node joined a swarm as a worker\./);

  await tabs.nth(0).click();
  await typeCommand(page, term, 'docker node ls');
  await expectScreen(term, /^\w+ \*\s+node1\s+Ready\s+Active\s+Leader/m);
  await expectScreen(term, /^\w+\s+node2\s+Ready\s+Active\s/m);
  expect(await screenText(term)).not.toMatch(/\bnode3\s+Ready/);
});

test('an interactive [y/N] question reads the answer', async ({ page }) => {
  const term = await waitReady(page);
  await typeCommand(page, term, 'docker container prune');
  await expectScreen(term, /\[y\/N\]$/m);
  await page.keyboard.type('y');
  await page.keyboard.press('Enter');
  await expectScreen(term, /\[y\/N\] y\nTotal reclaimed space/);
});

test('Ctrl-P Ctrl-Q detaches from a container shell', async ({ page }) => {
  const term = await waitReady(page);
  await typeCommand(page, term, 'docker run -it --name box alpine sh');
  await expectScreen(term, /^\/ #$/m);
  await typeCommand(page, term, 'hostname');
  await expectScreen(term, /^\/ # hostname\n[0-9a-f]{12}\n\/ #$/m);
  await page.keyboard.press('Control+P');
  await page.keyboard.press('Control+Q');
  await expectScreen(term, /read escape sequence\nroot@node1:~#/);
  // --format: the table's rows wrap at the terminal's width, which depends on the window.
  await typeCommand(page, term, "docker ps --format '{{.Names}} {{.Status}}'");
  await expectScreen(term, /^box Up /m);
});

test('a pasted block runs line by line; its last fragment waits on the line', async ({ page }) => {
  const term = await waitReady(page);
  await term.locator('.xterm').click();
  await page.evaluate(() => {
    const textarea = document.querySelector('dnho-terminal textarea')!;
    const data = new DataTransfer();
    data.setData('text/plain', 'echo one\necho two\necho thr');
    textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expectScreen(term, /# echo one\none\n.*# echo two\ntwo\n.*# echo thr\s*$/);
  await page.keyboard.type('ee');
  await page.keyboard.press('Enter');
  await expectScreen(term, /^three$/m);
});

test('exit in the login shell gives a new one', async ({ page }) => {
  const term = await waitReady(page);
  await typeCommand(page, term, 'exit');
  await expectScreen(term, /login shell ended[^]*\nroot@node1:~#/);
});
