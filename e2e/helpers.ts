/**
 * Driving the lesson terminal the way a student does: click it, type, read
 * what xterm shows (its buffer, not the DOM, so wrapped lines and
 * non-breaking spaces do not get in the way).
 */
import { expect, type Locator, type Page } from '@playwright/test';

export const FIXTURE = 'lessons/zz-fixture/';

export function terminal(page: Page, lab = 'main'): Locator {
  return page.locator(`dnho-terminal[data-lab="${lab}"]`);
}

export async function waitReady(page: Page, lab = 'main'): Promise<Locator> {
  const term = terminal(page, lab);
  await expect(term).toHaveAttribute('data-state', 'ready');
  return term;
}

/** The visible text of the selected tab's screen, one string per row, trailing blanks trimmed. */
export async function screenText(term: Locator): Promise<string> {
  return term.locator('.dnho-terminal__screen:not([hidden]) .xterm-rows').evaluate((rows) =>
    [...rows.children].map((row) => (row.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()).join('\n'),
  );
}

export async function typeCommand(page: Page, term: Locator, line: string): Promise<void> {
  await term.locator('.dnho-terminal__screen:not([hidden]) .xterm').click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** Waits until the screen shows `text`, and the prompt is back. */
export async function expectScreen(term: Locator, text: string | RegExp): Promise<void> {
  await expect
    .poll(async () => screenText(term), { message: `terminal should show ${String(text)}` })
    .toMatch(typeof text === 'string' ? new RegExp(escapeRegExp(text)) : text);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
