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

/**
 * Types a line in the selected tab and waits until the lab bus reports it finished (the exercises
 * have graded it by then, one task later). Returns the exit status. The screen may lag a frame
 * behind: read it with expect.poll or expectScreen.
 */
export async function runLine(page: Page, term: Locator, line: string): Promise<number> {
  const lab = (await term.getAttribute('data-lab')) ?? 'main';
  const before = await page.evaluate((key) => {
    const w = window as unknown as { __e2eDone?: Record<string, number[]> };
    w.__e2eDone ??= {};
    if (!w.__e2eDone[key]) {
      const done: number[] = (w.__e2eDone[key] = []);
      const bus = (globalThis as unknown as Record<string, Map<string, { commandListeners: Set<(l: string, s: number) => void> }>>).__dnhoLabBus_v1!;
      bus.get(key)!.commandListeners.add((_line, status) => done.push(status));
    }
    return w.__e2eDone[key].length;
  }, lab);
  await typeCommand(page, term, line);
  await expect.poll(() => page.evaluate((key) => (window as unknown as { __e2eDone: Record<string, number[]> }).__e2eDone[key].length, lab), { message: `\`${line}\` should finish` }).toBeGreaterThan(before);
  return page.evaluate(([key, n]) => (window as unknown as { __e2eDone: Record<string, number[]> }).__e2eDone[key as string][n as number], [lab, before] as const);
}
