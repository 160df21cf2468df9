/** `true`, `:`, `false` and `exit [n]`. */
import type { CommandSpec } from '../../commands/types';
import { shellArgv0, shellOf } from '../runtime';

export const trueCommand: CommandSpec = {
  name: 'true',
  usage: 'true',
  summary: 'Return a successful result.',
  builtin: true,
  run: () => 0,
};

/** `:` does nothing and succeeds (XCU 2.14 colon). */
export const colon: CommandSpec = {
  name: ':',
  usage: ': [arguments]',
  summary: 'Null command; return a successful result.',
  builtin: true,
  run: () => 0,
};

export const falseCommand: CommandSpec = {
  name: 'false',
  usage: 'false',
  summary: 'Return an unsuccessful result.',
  builtin: true,
  run: () => 1,
};

/**
 * Sets `state.exitRequested`; the session leaves the shell. bash: a bad
 * number prints `bash: exit: x: numeric argument required` and still exits
 * with 2; two numbers print `bash: exit: too many arguments` and stay.
 * ash: `sh: exit: Illegal number: x`, status 2, and the shell stays.
 */
export const exit: CommandSpec = {
  name: 'exit',
  usage: 'exit [n]',
  summary: 'Exit the shell with a status of N.',
  builtin: true,
  run(ctx) {
    const sh = shellOf(ctx);
    if (!sh) return 0;
    const bash = sh.runtime.shellName === 'bash';
    const a0 = shellArgv0(sh.runtime);
    const arg = ctx.argv[1];
    if (bash && sh.runtime.interactive) ctx.stderr('exit\n');
    if (arg !== undefined && !/^[+-]?[0-9]+$/.test(arg)) {
      if (!bash) {
        ctx.stderr(`${a0}: exit: Illegal number: ${arg}\n`);
        return 2;
      }
      ctx.stderr(`${a0}: exit: ${arg}: numeric argument required\n`);
      sh.shell.exitRequested = 2;
      return 2;
    }
    if (bash && ctx.argv.length > 2) {
      ctx.stderr(`${a0}: exit: too many arguments\n`);
      return 1;
    }
    const n = arg === undefined ? sh.shell.lastStatus : ((Number(arg) % 256) + 256) % 256;
    sh.shell.exitRequested = n;
    return n;
  },
};
