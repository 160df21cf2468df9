/**
 * Reaches the terminal of a lab from another island without importing it
 * (that would pull xterm into this bundle): the `<dnho-terminal data-lab=…>`
 * element exposes `runCommands(lines)`, which types and runs them.
 */
interface CommandRunner extends HTMLElement {
  runCommands(lines: string[]): void;
}

function isRunner(el: Element | null): el is CommandRunner {
  return !!el && typeof (el as Partial<CommandRunner>).runCommands === 'function';
}

/** The terminal element bound to `lab`, if the page has one that can run commands. */
export function terminalFor(lab: string): CommandRunner | undefined {
  const el = document.querySelector(`dnho-terminal[data-lab="${CSS.escape(lab)}"]`);
  return isRunner(el) ? el : undefined;
}

/** True once the terminal's custom element is defined (its script may load after ours). */
export async function whenTerminalReady(lab: string): Promise<CommandRunner | undefined> {
  if (!document.querySelector(`dnho-terminal[data-lab="${CSS.escape(lab)}"]`)) return undefined;
  await customElements.whenDefined('dnho-terminal');
  return terminalFor(lab);
}

export function runInTerminal(lab: string, lines: string[]): boolean {
  const terminal = terminalFor(lab);
  if (!terminal) return false;
  terminal.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  terminal.runCommands(lines);
  return true;
}
