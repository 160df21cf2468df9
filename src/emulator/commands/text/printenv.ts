/**
 * `printenv [VARIABLE]...`: the whole environment, or each VARIABLE's
 * value; status 1 when one is not set.
 */
import type { CommandSpec } from '../types';
import { handleHelp } from './common';
import { printEnvironment } from './env';

export const printenv: CommandSpec = {
  name: 'printenv',
  usage: 'printenv [OPTION]... [VARIABLE]...',
  summary: 'Print the values of the specified environment VARIABLE(s).',
  run(ctx) {
    if (handleHelp(ctx, printenv)) return 0;
    const names = ctx.argv.slice(1).filter((a) => a !== '-0');
    if (names.length === 0) {
      printEnvironment(ctx, ctx.env);
      return 0;
    }
    let status = 0;
    for (const n of names) {
      if (Object.prototype.hasOwnProperty.call(ctx.env, n)) ctx.stdout(ctx.env[n] + '\n');
      else status = 1;
    }
    return status;
  },
};
