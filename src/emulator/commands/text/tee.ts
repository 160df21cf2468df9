/**
 * `tee [-a] [FILE]...`: copies stdin to stdout and to each FILE.
 *
 *   GNU:     tee: /x/y: No such file or directory
 *   BusyBox: the same (checked against BusyBox 1.35)
 */
import type { CommandSpec } from '../types';
import { resolvePath } from '../../kernel/fs';
import { readFile, strerror } from '../../shell/files';
import { getopt, handleHelp, usageError } from './common';

export const tee: CommandSpec = {
  name: 'tee',
  usage: 'tee [OPTION]... [FILE]...',
  summary: 'Copy standard input to each FILE, and also to standard output.',
  run(ctx) {
    if (handleHelp(ctx, tee)) return 0;
    const parsed = getopt(ctx.argv, { flags: 'ai', long: { append: 'a' } }, ctx.scope.userland);
    if (!parsed.ok) return usageError(ctx, tee, parsed.message);
    const append = parsed.opts.flags.has('a');
    let status = 0;
    for (const name of parsed.opts.operands) {
      const path = resolvePath(ctx.scope.cwd, name);
      const cur = readFile(ctx.scope.fs, path);
      const err = ctx.scope.fs.write(path, (append && cur.ok ? cur.text : '') + ctx.stdin);
      if (err) {
        const why = strerror(err);
        ctx.stderr(`tee: ${name}: ${why}\n`);
        status = 1;
      }
    }
    ctx.stdout(ctx.stdin);
    return status;
  },
};
