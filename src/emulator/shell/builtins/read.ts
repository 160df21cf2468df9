/**
 * `read [-r] [-p PROMPT] [NAME...]`: one line of stdin into variables,
 * split on blanks, the last NAME taking the rest of the line; REPLY when no
 * NAME is given. Without -r a backslash escapes the next character and a
 * trailing backslash joins the next line. Status 1 at end of input (a last
 * line without a newline is still assigned, as bash and ash do).
 */
import type { CommandSpec } from '../../commands/types';
import { shellArgv0, shellOf, type ShellContext } from '../runtime';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Reads a logical line: backslash-newline continues it unless raw. */
async function logicalLine(sh: ShellContext, raw: boolean): Promise<{ text: string; eof: boolean } | null> {
  let text = '';
  for (;;) {
    const got = await sh.readInputLine();
    if (!got) return text === '' ? null : { text, eof: true };
    if (!raw && got.line.endsWith('\\') && got.newline) {
      text += got.line.slice(0, -1);
      continue;
    }
    return { text: text + got.line, eof: !got.newline };
  }
}

/** Splits into as many fields as names; the last keeps the rest of the line. */
export function splitForRead(line: string, count: number, raw: boolean): string[] {
  const unescape = (s: string) => (raw ? s : s.replace(/\\(.)/g, '$1'));
  const out: string[] = [];
  let rest = line.replace(/^[ \t\n]+/, '');
  while (out.length < count - 1 && rest !== '') {
    const m = raw ? /^([^ \t\n]*)[ \t\n]*/.exec(rest)! : /^((?:\\.|[^ \t\n\\])*\\?)[ \t\n]*/.exec(rest)!;
    out.push(unescape(m[1]));
    rest = rest.slice(m[0].length);
  }
  out.push(unescape(rest.replace(/[ \t\n]+$/, '')));
  while (out.length < count) out.push('');
  return out;
}

export const read: CommandSpec = {
  name: 'read',
  usage: 'read [-r] [-p prompt] [name ...]',
  summary: 'Read a line from the standard input and split it into fields.',
  builtin: true,
  async run(ctx) {
    const sh = shellOf(ctx);
    if (!sh) return 1;
    const args = ctx.argv.slice(1);
    let raw = false;
    while (args[0]?.startsWith('-') && args[0] !== '-') {
      const opt = args.shift()!;
      if (opt === '--') break;
      if (opt.includes('r')) raw = true;
      if (opt.includes('p')) ctx.stderr(args.shift() ?? ''); // bash shows it only at a terminal; so does the session
      if (opt.includes('t') || opt.includes('n') || opt.includes('d')) args.shift();
    }
    const bad = args.find((n) => !NAME.test(n));
    if (bad !== undefined) {
      ctx.stderr(`${shellArgv0(sh.runtime)}: read: \`${bad}': not a valid identifier\n`);
      return 1;
    }
    const got = await logicalLine(sh, raw);
    const names = args.length > 0 ? args : ['REPLY'];
    // REPLY keeps the line's blanks but not its backslashes (unless -r).
    const line = got?.text ?? '';
    const values = args.length > 0 ? splitForRead(line, names.length, raw) : [raw ? line : line.replace(/\\(.)/g, '$1')];
    names.forEach((n, i) => (sh.shell.vars[n] = values[i]));
    return !got || got.eof ? 1 : 0;
  },
};
