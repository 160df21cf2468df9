/**
 * "Run in terminal" buttons under a lesson's shell code blocks (```console,
 * ```sh, …). A click types the block's commands into the terminal that
 * follows the block on the page (or, if none follows, the last one before
 * it) and runs them.
 */
import { commandsFromBlock, SHELL_LANGUAGES } from './code-block-commands';
import type { TerminalElement } from './terminal-element';

/** Code block text, line by line. Expressive Code renders each line as a `.ec-line`. */
function blockText(pre: HTMLPreElement): string {
  const lines = pre.querySelectorAll('.ec-line');
  if (lines.length) return [...lines].map((line) => line.textContent ?? '').join('\n');
  return pre.textContent ?? '';
}

function blockLanguage(pre: HTMLPreElement): string {
  const fromData = pre.dataset.language;
  if (fromData) return fromData;
  const code = pre.querySelector('code');
  const match = /(?:^|\s)language-(\S+)/.exec(code?.className ?? '');
  return match?.[1] ?? '';
}

function terminalFor(block: Element): TerminalElement | undefined {
  const terminals = [...document.querySelectorAll<TerminalElement>('dnho-terminal')];
  const after = terminals.find((t) => block.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
  return after ?? terminals.at(-1);
}

function addButton(pre: HTMLPreElement): void {
  const commands = commandsFromBlock(blockText(pre), blockLanguage(pre));
  if (commands.length === 0) return;
  const block = pre.closest('.expressive-code') ?? pre;
  if (block.nextElementSibling?.classList.contains('dnho-run')) return;
  const bar = document.createElement('div');
  bar.className = 'dnho-run not-content';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'dnho-run__button';
  button.textContent = commands.length === 1 ? 'Run in terminal' : `Run ${commands.length} commands in terminal`;
  button.title = commands.join('\n');
  button.addEventListener('click', () => {
    const terminal = terminalFor(block);
    if (!terminal) return;
    const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
    terminal.scrollIntoView({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
    terminal.runCommands(commands);
  });
  bar.append(button);
  block.after(bar);
}

export function addRunButtons(root: ParentNode = document): void {
  if (!document.querySelector('dnho-terminal')) return;
  for (const pre of root.querySelectorAll<HTMLPreElement>('pre')) {
    if (blockLanguage(pre).toLowerCase() in SHELL_LANGUAGES) addButton(pre);
  }
}
