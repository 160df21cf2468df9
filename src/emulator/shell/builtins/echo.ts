/**
 * `echo [-neE] [arg...]`. Like bash's builtin (and BusyBox's applet), echo
 * reads options only while the words look like `-[neE]+`, so `echo -- x`
 * prints `-- x`; escapes are interpreted only with `-e` (bash's default
 * without xpg_echo).
 */
import type { CommandSpec } from '../../commands/types';

const SIMPLE: Record<string, string> = {
  a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\',
};

/** Interprets echo -e escapes; `stop` is true after `\c` (no more output at all). */
export function echoEscapes(s: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\' || i === s.length - 1) {
      out += s[i];
      continue;
    }
    const c = s[++i];
    if (c === 'c') return { text: out, stop: true };
    if (c in SIMPLE) out += SIMPLE[c];
    else if (c === '0') {
      const oct = /^[0-7]{0,3}/.exec(s.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(oct || '0', 8));
      i += oct.length;
    } else if (c === 'x' && /^[0-9a-fA-F]/.test(s[i + 1] ?? '')) {
      const hex = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(hex, 16));
      i += hex.length;
    } else out += '\\' + c;
  }
  return { text: out, stop: false };
}

export const echo: CommandSpec = {
  name: 'echo',
  usage: 'echo [-neE] [arg ...]',
  summary: 'Write arguments to the standard output.',
  builtin: true,
  run(ctx) {
    const args = ctx.argv.slice(1);
    let newline = true;
    let escapes = false;
    while (args.length > 0 && /^-[neE]+$/.test(args[0])) {
      for (const f of args.shift()!.slice(1)) {
        if (f === 'n') newline = false;
        else escapes = f === 'e';
      }
    }
    let text = args.join(' ');
    if (escapes) {
      const r = echoEscapes(text);
      if (r.stop) {
        ctx.stdout(r.text);
        return 0;
      }
      text = r.text;
    }
    ctx.stdout(newline ? text + '\n' : text);
    return 0;
  },
};
