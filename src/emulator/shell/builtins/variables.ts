/**
 * `export`, `unset` and `set`: the builtins that change the shell's
 * variables and options. Listings are sorted by name, as bash and ash
 * print them.
 */
import type { CommandContext, CommandSpec } from '../../commands/types';
import { exportVar, shellArgv0, shellOf, unsetVar, type ShellContext } from '../runtime';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** bash's `declare -x` quoting: double quotes with \ " $ ` escaped. */
function bashQuote(v: string): string {
  return '"' + v.replace(/[\\"$`]/g, '\\$&') + '"';
}

/** ash's quoting: single quotes, a `'` becomes `'"'"'` (ash.c single_quote()). */
function ashQuote(v: string): string {
  return "'" + v.replace(/'/g, `'"'"'`) + "'";
}

function badName(sh: ShellContext, ctx: CommandContext, cmd: string, word: string): number {
  const a0 = shellArgv0(sh.runtime);
  if (sh.runtime.shellName === 'bash') {
    ctx.stderr(`${a0}: ${cmd}: \`${word}': not a valid identifier\n`);
    return 1;
  }
  ctx.stderr(`${a0}: ${cmd}: ${word.split('=')[0]}: bad variable name\n`);
  return 2;
}

function listExports(sh: ShellContext, ctx: CommandContext): number {
  const bash = sh.runtime.shellName === 'bash';
  for (const name of [...sh.shell.exported].sort()) {
    const v = sh.shell.vars[name];
    if (bash) ctx.stdout(v === undefined ? `declare -x ${name}\n` : `declare -x ${name}=${bashQuote(v)}\n`);
    else ctx.stdout(v === undefined ? `export ${name}\n` : `export ${name}=${ashQuote(v)}\n`);
  }
  return 0;
}

export const exportCommand: CommandSpec = {
  name: 'export',
  usage: 'export [-p] [name[=value] ...]',
  summary: 'Set export attribute for shell variables.',
  builtin: true,
  run(ctx) {
    const sh = shellOf(ctx);
    if (!sh) return 0;
    const args = ctx.argv.slice(1).filter((a) => a !== '--');
    if (args.length === 0 || (args.length === 1 && args[0] === '-p')) return listExports(sh, ctx);
    let status = 0;
    for (const arg of args) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg : arg.slice(0, eq);
      if (!NAME.test(name)) {
        status = badName(sh, ctx, 'export', arg);
        continue;
      }
      if (eq >= 0) sh.shell.vars[name] = arg.slice(eq + 1);
      exportVar(sh.shell, name);
    }
    return status;
  },
};

export const unset: CommandSpec = {
  name: 'unset',
  usage: 'unset [-f] [-v] [name ...]',
  summary: 'Unset values and attributes of shell variables.',
  builtin: true,
  run(ctx) {
    const sh = shellOf(ctx);
    if (!sh) return 0;
    let status = 0;
    // bash complains about a bad name only with -v (without it, it also
    // tries a function of that name and stays silent); ash always does.
    const strict = sh.runtime.shellName === 'sh' || ctx.argv.includes('-v');
    for (const name of ctx.argv.slice(1)) {
      if (name === '-v' || name === '-f' || name === '--') continue;
      if (NAME.test(name)) unsetVar(sh.shell, name);
      else if (strict) status = badName(sh, ctx, 'unset', name);
    }
    return status;
  },
};

/** Options `set -o`/`set -x` accept (stored; only pipefail changes behaviour here). */
const OPTION_LETTERS: Record<string, string> = {
  e: 'errexit', u: 'nounset', x: 'xtrace', v: 'verbose', f: 'noglob', C: 'noclobber', m: 'monitor', h: 'hashall', B: 'braceexpand', H: 'histexpand',
};
const OPTION_NAMES = new Set([...Object.values(OPTION_LETTERS), 'pipefail', 'vi', 'emacs', 'posix', 'ignoreeof', 'history']);

function setOption(sh: ShellContext, name: string, on: boolean): void {
  const opts = (sh.shell.options ??= []);
  const i = opts.indexOf(name);
  if (on && i < 0) opts.push(name);
  if (!on && i >= 0) opts.splice(i, 1);
}

function listVariables(sh: ShellContext, ctx: CommandContext): number {
  const bash = sh.runtime.shellName === 'bash';
  for (const name of Object.keys(sh.shell.vars).sort()) {
    const v = sh.shell.vars[name];
    // bash quotes a value only when it needs it; ash always does.
    const shown = bash ? (/^[A-Za-z0-9_./:,@%+=-]*$/.test(v) ? v : ashQuote(v)) : ashQuote(v);
    ctx.stdout(`${name}=${shown}\n`);
  }
  return 0;
}

const SET_USAGE = 'set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]';

export const set: CommandSpec = {
  name: 'set',
  usage: SET_USAGE,
  summary: 'Set or unset values of shell options and positional parameters.',
  builtin: true,
  run(ctx) {
    const sh = shellOf(ctx);
    if (!sh) return 0;
    const args = ctx.argv.slice(1);
    if (args.length === 0) return listVariables(sh, ctx);
    const a0 = shellArgv0(sh.runtime);
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (arg === '--' || arg === '-') break;
      const on = arg[0] === '-';
      if (!on && arg[0] !== '+') break; // positional parameters: not kept here
      if (arg.slice(1) === 'o') {
        const name = args[++i];
        if (name === undefined) return 0;
        if (!OPTION_NAMES.has(name)) {
          ctx.stderr(`${a0}: set: ${name}: invalid option name\n`);
          return sh.runtime.shellName === 'bash' ? 2 : 1;
        }
        setOption(sh, name, on);
        continue;
      }
      for (const letter of arg.slice(1)) {
        const name = OPTION_LETTERS[letter];
        if (!name) {
          if (sh.runtime.shellName === 'bash') ctx.stderr(`${a0}: set: ${arg[0]}${letter}: invalid option\nset: usage: ${SET_USAGE}\n`);
          else ctx.stderr(`${a0}: set: illegal option ${arg[0]}${letter}\n`);
          return 2;
        }
        setOption(sh, name, on);
      }
    }
    return 0;
  },
};
