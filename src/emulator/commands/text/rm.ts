/**
 * `rm [-fr] FILE...`; `-r` removes a directory and everything under it.
 *
 *   GNU:     rm: cannot remove 'x': No such file or directory
 *            rm: cannot remove 'd': Is a directory
 *   BusyBox: rm: can't remove 'x': No such file or directory
 *            rm: 'd' is a directory
 */
import type { CommandSpec } from '../types';
import { resolvePath, type VirtualFs } from '../../kernel/fs';
import { readFile } from '../../shell/files';
import { getopt, handleHelp, missingOperand, usageError } from './common';

/** Removes a directory and everything under it from the fs's plain data. */
function removeTree(fs: VirtualFs, dir: string): void {
  const prefix = dir + '/';
  for (const p of Object.keys(fs.state.files)) if (p.startsWith(prefix)) delete fs.state.files[p];
  fs.state.dirs = fs.state.dirs.filter((d) => d !== dir && !d.startsWith(prefix));
}

export const rm: CommandSpec = {
  name: 'rm',
  usage: 'rm [OPTION]... [FILE]...',
  summary: 'Remove (unlink) the FILE(s).',
  run(ctx) {
    if (handleHelp(ctx, rm)) return 0;
    const gnu = ctx.scope.userland === 'gnu';
    const parsed = getopt(ctx.argv, { flags: 'frRiv', long: { force: 'f', recursive: 'r' } }, ctx.scope.userland);
    if (!parsed.ok) return usageError(ctx, rm, parsed.message);
    const f = parsed.opts.flags;
    if (parsed.opts.operands.length === 0) return f.has('f') ? 0 : missingOperand(ctx, rm);
    let status = 0;
    const fail = (line: string) => {
      ctx.stderr(line + '\n');
      status = 1;
    };
    for (const name of parsed.opts.operands) {
      const path = resolvePath(ctx.scope.cwd, name);
      if (readFile(ctx.scope.fs, path).ok) ctx.scope.fs.remove(path);
      else if (!ctx.scope.fs.isDir(path)) {
        if (!f.has('f')) fail(gnu ? `rm: cannot remove '${name}': No such file or directory` : `rm: can't remove '${name}': No such file or directory`);
      } else if (!f.has('r') && !f.has('R')) fail(gnu ? `rm: cannot remove '${name}': Is a directory` : `rm: '${name}' is a directory`);
      else if (path === '/') {
        fail(gnu ? "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe" : "rm: can't remove '/'");
      } else removeTree(ctx.scope.fs, path);
    }
    return status;
  },
};
