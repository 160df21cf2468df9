/**
 * Which command lines a lesson's code block holds, for its "Run in terminal"
 * button. Two conventions, as in most docs:
 * - `console` (a transcript): commands follow a prompt (`$ `, `# `,
 *   `root@node1:~# `); the other lines are output and are skipped.
 * - `sh`/`bash`/`shell`: every line is a command; `#` comments are skipped.
 * A trailing backslash continues a command on the next line, as in bash.
 */

/** Languages whose blocks get a button, by how to read them. */
export const SHELL_LANGUAGES: Record<string, 'transcript' | 'script'> = {
  console: 'transcript',
  'shell-session': 'transcript',
  shellsession: 'transcript',
  sh: 'script',
  bash: 'script',
  shell: 'script',
  zsh: 'script',
};

const PROMPT = /^(?:[\w.-]+@[\w.-]+(?::[^\s#$]*)?\s?[#$]|\/[^\s#$]*\s?[#$]|[#$])\s/;

export function commandsFromBlock(code: string, language: string): string[] {
  const mode = SHELL_LANGUAGES[language.toLowerCase()];
  if (!mode) return [];
  const lines = code.replace(/\r\n?/g, '\n').split('\n');
  if (mode === 'script') return joinContinuations(lines.filter((l) => l.trim() && !l.trim().startsWith('#')));
  const prompted = lines.some((l) => PROMPT.test(l));
  if (!prompted) return joinContinuations(lines.filter((l) => l.trim()));
  return transcriptCommands(lines);
}

function transcriptCommands(lines: string[]): string[] {
  const commands: string[] = [];
  let pending: string | undefined;
  for (const line of lines) {
    if (pending !== undefined) {
      // Continuation lines may carry bash's PS2 (`> `).
      pending += ' ' + line.replace(/^>\s?/, '').trim();
    } else {
      const match = PROMPT.exec(line);
      if (!match) continue;
      pending = line.slice(match[0].length).trim();
    }
    if (pending.endsWith('\\')) {
      pending = pending.slice(0, -1).trimEnd();
    } else {
      if (pending) commands.push(pending);
      pending = undefined;
    }
  }
  if (pending) commands.push(pending);
  return commands;
}

function joinContinuations(lines: string[]): string[] {
  const commands: string[] = [];
  let pending = '';
  for (const raw of lines) {
    const line = raw.trim();
    pending = pending ? `${pending} ${line}` : line;
    if (pending.endsWith('\\')) pending = pending.slice(0, -1).trimEnd();
    else {
      commands.push(pending);
      pending = '';
    }
  }
  if (pending) commands.push(pending);
  return commands;
}
