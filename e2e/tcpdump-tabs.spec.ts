/**
 * A capture in one terminal tab while another tab sends the packets, as a
 * student watches the underlay: tcpdump on node1 waits without holding the
 * terminal, node2's ping runs meanwhile, its packets appear on node1's
 * screen, and Ctrl-C ends the capture with tcpdump's counters.
 */
import { expect, test, type Locator } from '@playwright/test';
import { expectScreen, runLine, screenText, typeCommand, waitReady } from './helpers';

/**
 * The screen with wrapped rows joined (a capture line is longer than the 80
 * columns; a row broken at a space loses it when trimmed): spaces are left
 * out of both sides.
 */
async function expectUnwrapped(term: Locator, text: string): Promise<void> {
  const squeezed = text.replace(/\s+/g, '');
  await expect.poll(async () => (await screenText(term)).replace(/\s+/g, ''), { message: `terminal should show ${text}` }).toContain(squeezed);
}

test('tcpdump in node1\'s tab shows the ping typed in node2\'s tab; Ctrl-C prints the counters', async ({ page }) => {
  await page.goto('lessons/overlay/');
  const term = await waitReady(page);
  const tabs = term.getByRole('tab');
  await expect(tabs).toHaveText(['node1', 'node2', 'node3']);

  await typeCommand(page, term, 'tcpdump -n -i eth0 icmp');
  await expectScreen(term, 'listening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes');

  await tabs.nth(1).click();
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  expect(await runLine(page, term, 'ping -c 1 192.168.1.11')).toBe(0);
  await expectScreen(term, '1 packets transmitted, 1 received');

  await tabs.nth(0).click();
  await expectUnwrapped(term, 'IP 192.168.1.12 > 192.168.1.11: ICMP echo request, id');
  await expectUnwrapped(term, 'IP 192.168.1.11 > 192.168.1.12: ICMP echo reply, id');
  await expectUnwrapped(term, 'seq 1, length 64');
  await term.locator('.dnho-terminal__screen:not([hidden]) .xterm').click();
  await page.keyboard.press('Control+C');
  await expectScreen(term, /\^C\n2 packets captured\n2 packets received by filter\n0 packets dropped by kernel\nroot@node1:~#$/m);
  expect(await screenText(term)).not.toContain('root@node2');
});
