/**
 * `type` and `which`: where a command name leads.
 *
 *   bash: `echo is a shell builtin`, `curl is /usr/bin/curl`,
 *         `if is a shell keyword`, `bash: type: foo: not found` (stderr, 1)
 *   ash:  the same sentences; a miss prints `foo: not found` on stdout, 127
 *   which (debianutils, BusyBox): the path, or nothing and status 1;
 *         shell-only builtins (`cd`, `export`) are not programs, so `which cd`
 *         finds nothing.
 */
import type { CommandSpec } from '../../commands/types';
import { PROGRAM_BUILTINS, programPath, SHELL_ONLY_BUILTINS } from '../paths';
import { shellArgv0, shellOf, type ShellContext } from '../runtime';

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'while', 'until', 'do', 'done', 'in', '!', '{', '}']);

/** The program path for a name, or undefined when nothing on disk has it. */
function pathOf(sh: ShellContext, name: string): string | undefined {
  if (name.includes('/')) return sh.runtime.lookup(name.slice(name.lastIndexOf('/') + 1)) ? name : undefined;
  if (SHELL_ONLY_BUILTINS.has(name) || KEYWORDS.has(name)) return undefined;
  if (sh.findBuiltin(name) || sh.runtime.lookup(name)) return programPath(name, sh.scope.userland);
  return undefined;
}

export const type: CommandSpec = {
  name: 'type',
  usage: 'type [name ...]',
  summary: 'Display information about command type.',
  builtin: true,
  run(ctx) {
    const sh = shellOf(ctx);
    if (!sh) return 1;
    const bash = sh.runtime.shellName === 'bash';
    let status = 0;
    for (const name of ctx.argv.slice(1)) {
      if (KEYWORDS.has(name)) ctx.stdout(`${name} is a shell keyword\n`);
      else if (sh.findBuiltin(name) && !PROGRAM_BUILTINS.has(name)) ctx.stdout(`${name} is a shell builtin\n`);
      else {
        const path = pathOf(sh, name);
        if (path) ctx.stdout(`${name} is ${path}\n`);
        else if (bash) {
          ctx.stderr(`${shellArgv0(sh.runtime)}: type: ${name}: not found\n`);
          status = 1;
        } else {
          ctx.stdout(`${name}: not found\n`);
          status = 127;
        }
      }
    }
    return status;
  },
};

export const which: CommandSpec = {
  name: 'which',
  usage: 'which [-a] COMMAND...',
  summary: 'Locate a command.',
  builtin: true,
  run(ctx) {
    const sh = shellOf(ctx);
    if (!sh) return 1;
    const names = ctx.argv.slice(1).filter((a) => a !== '-a');
    let status = names.length === 0 ? 1 : 0;
    for (const name of names) {
      const path = pathOf(sh, name);
      if (path) ctx.stdout(path + '\n');
      else status = 1;
    }
    return status;
  },
};
