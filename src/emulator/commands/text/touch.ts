/**
 * `touch [-c] FILE...`: the virtual fs keeps no times, so touch only
 * creates the files that are missing.
 *
 *   GNU:     touch: cannot touch '/x/y': No such file or directory
 *   BusyBox: touch: /x/y: No such file or directory
 */
import type { CommandSpec } from '../types';
import { resolvePath } from '../../kernel/fs';
import { getopt, handleHelp, missingOperand, usageError } from './common';

export const touch: CommandSpec = {
  name: 'touch',
  usage: 'touch [OPTION]... FILE...',
  summary: 'Update the access and modification times of each FILE to the current time.',
  run(ctx) {
    if (handleHelp(ctx, touch)) return 0;
    const parsed = getopt(ctx.argv, { flags: 'acm', long: { 'no-create': 'c' } }, ctx.scope.userland);
    if (!parsed.ok) return usageError(ctx, touch, parsed.message);
    if (parsed.opts.operands.length === 0) return missingOperand(ctx, touch);
    let status = 0;
    for (const name of parsed.opts.operands) {
      const path = resolvePath(ctx.scope.cwd, name);
      if (ctx.scope.fs.exists(path) || parsed.opts.flags.has('c')) continue;
      if (ctx.scope.fs.write(path, '')) {
        ctx.stderr(ctx.scope.userland === 'gnu' ? `touch: cannot touch '${name}': No such file or directory\n` : `touch: ${name}: No such file or directory\n`);
        status = 1;
      }
    }
    return status;
  },
};
