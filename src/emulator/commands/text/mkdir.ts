/**
 * `mkdir [-p] DIRECTORY...`.
 *
 *   GNU:     mkdir: cannot create directory 'x': File exists | No such file or directory
 *   BusyBox: mkdir: can't create directory 'x': File exists | No such file or directory
 */
import type { CommandSpec } from '../types';
import { resolvePath } from '../../kernel/fs';
import { readFile } from '../../shell/files';
import { getopt, handleHelp, missingOperand, usageError } from './common';

export const mkdir: CommandSpec = {
  name: 'mkdir',
  usage: 'mkdir [OPTION]... DIRECTORY...',
  summary: 'Create the DIRECTORY(ies), if they do not already exist.',
  run(ctx) {
    if (handleHelp(ctx, mkdir)) return 0;
    const gnu = ctx.scope.userland === 'gnu';
    const parsed = getopt(ctx.argv, { flags: 'pv', withArg: 'm', long: { parents: 'p', mode: 'm' } }, ctx.scope.userland);
    if (!parsed.ok) return usageError(ctx, mkdir, parsed.message);
    if (parsed.opts.operands.length === 0) return missingOperand(ctx, mkdir);
    const parents = parsed.opts.flags.has('p');
    const fs = ctx.scope.fs;
    let status = 0;
    for (const name of parsed.opts.operands) {
      const path = resolvePath(ctx.scope.cwd, name);
      const parent = path.slice(0, path.lastIndexOf('/')) || '/';
      let why: string | undefined;
      if (fs.exists(path)) why = parents && fs.isDir(path) ? undefined : 'File exists';
      else if (parents) {
        const parts = path.split('/').filter(Boolean);
        for (let i = 1; i <= parts.length && !why; i++) {
          const p = '/' + parts.slice(0, i).join('/');
          if (readFile(fs, p).ok) why = 'Not a directory';
          else fs.mkdir(p);
        }
      } else if (!fs.isDir(parent)) why = readFile(fs, parent).ok ? 'Not a directory' : 'No such file or directory';
      else fs.mkdir(path);
      if (why) {
        ctx.stderr(gnu ? `mkdir: cannot create directory '${name}': ${why}\n` : `mkdir: can't create directory '${name}': ${why}\n`);
        status = 1;
      }
    }
    return status;
  },
};
