/**
 * `cd` and `pwd`, against the virtual filesystem. `cd` changes the
 * process scope's `cwd` (keep that ProcessScope object between lines) and
 * sets PWD and OLDPWD.
 *
 *   bash: bash: cd: /x: No such file or directory   (status 1)
 *   ash:  sh: cd: can't cd to /x: No such file or directory   (status 2,
 *         ash raises the error through ash_msg_and_raise_perror)
 */
import type { CommandSpec } from '../../commands/types';
import { resolvePath } from '../../kernel/fs';
import { readFile } from '../files';
import { shellArgv0, shellOf, type ShellContext } from '../runtime';

function fail(sh: ShellContext, dir: string, reason: string): number {
  const a0 = shellArgv0(sh.runtime);
  if (sh.runtime.shellName === 'bash') {
    sh.stderr(`${a0}: cd: ${dir}: ${reason}\n`);
    return 1;
  }
  sh.stderr(`${a0}: cd: can't cd to ${dir}: ${reason}\n`);
  return 2;
}

export const cd: CommandSpec = {
  name: 'cd',
  usage: 'cd [-L|-P] [dir]',
  summary: 'Change the shell working directory.',
  builtin: true,
  run(ctx) {
    const sh = shellOf(ctx);
    if (!sh) return 0;
    const args = ctx.argv.slice(1).filter((a) => a !== '-L' && a !== '-P' && a !== '--');
    const vars = sh.shell.vars;
    const bash = sh.runtime.shellName === 'bash';
    if (args.length > 1 && bash) {
      ctx.stderr(`${shellArgv0(sh.runtime)}: cd: too many arguments\n`);
      return 1;
    }
    let dir = args[0] ?? vars.HOME ?? '/root';
    const dash = dir === '-';
    if (dash) {
      if (vars.OLDPWD === undefined) {
        ctx.stderr(bash ? `${shellArgv0(sh.runtime)}: cd: OLDPWD not set\n` : `${shellArgv0(sh.runtime)}: cd: can't cd to -: OLDPWD not set\n`);
        return bash ? 1 : 2;
      }
      dir = vars.OLDPWD;
    }
    const target = resolvePath(ctx.scope.cwd, dir);
    if (!ctx.scope.fs.isDir(target)) {
      return fail(sh, dir, readFile(ctx.scope.fs, target).ok ? 'Not a directory' : 'No such file or directory');
    }
    vars.OLDPWD = ctx.scope.cwd;
    sh.shell.oldPwd = ctx.scope.cwd;
    ctx.scope.cwd = target;
    vars.PWD = target;
    if (dash) ctx.stdout(target + '\n');
    return 0;
  },
};

export const pwd: CommandSpec = {
  name: 'pwd',
  usage: 'pwd [-LP]',
  summary: 'Print the name of the current working directory.',
  builtin: true,
  run(ctx) {
    ctx.stdout(ctx.scope.cwd + '\n');
    return 0;
  },
};
