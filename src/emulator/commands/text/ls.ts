/**
 * `ls [-laA1dh] [FILE]...` over the virtual fs. File operands are listed
 * first, then each directory (with a `dir:` header when there is more than
 * one thing to list). Names sort in byte order (the C locale).
 *
 *   GNU:     ls: cannot access 'x': No such file or directory   (status 2)
 *   BusyBox: ls: x: No such file or directory                   (status 1)
 */
import type { CommandContext, CommandSpec } from '../types';
import { resolvePath } from '../../kernel/fs';
import { DirIndex } from '../../kernel/fs-index';
import { readFile } from '../../shell/files';
import { shellOf } from '../../shell/runtime';
import { getopt, handleHelp, usageError, utf8Length } from './common';
import { columns, longLines, totalBlocks, type Entry } from './ls-format';

/** `tree` answers the directory questions (one pass over the fs for the whole command, not one per entry). */
function entryFor(ctx: CommandContext, tree: DirIndex, name: string, path: string): Entry | undefined {
  const file = readFile(ctx.scope.fs, path);
  if (file.ok) return { name, isDir: false, size: utf8Length(file.text), nlink: 1, path };
  if (!tree.isDir(path)) return undefined;
  const children = tree.list(path);
  const subdirs = Array.isArray(children) ? children.filter((c) => tree.isDir(path === '/' ? `/${c}` : `${path}/${c}`)).length : 0;
  return { name, isDir: true, size: 4096, nlink: 2 + subdirs, path };
}

function dirEntries(ctx: CommandContext, tree: DirIndex, dir: string, all: boolean, almost: boolean): Entry[] {
  const listed = tree.list(dir);
  const names = Array.isArray(listed) ? listed : [];
  const out: Entry[] = [];
  if (all) {
    out.push(entryFor(ctx, tree, '.', dir)!);
    out.push(entryFor(ctx, tree, '..', resolvePath(dir, '..'))!);
  }
  for (const n of names) {
    if (n.startsWith('.') && !all && !almost) continue;
    const e = entryFor(ctx, tree, n, dir === '/' ? `/${n}` : `${dir}/${n}`);
    if (e) out.push(e);
  }
  return out;
}

export const ls: CommandSpec = {
  name: 'ls',
  usage: 'ls [OPTION]... [FILE]...',
  summary: 'List information about the FILEs (the current directory by default).',
  run(ctx) {
    if (handleHelp(ctx, ls)) return 0;
    const gnu = ctx.scope.userland === 'gnu';
    const long = { all: 'a', 'almost-all': 'A', directory: 'd', 'human-readable': 'h' };
    const parsed = getopt(ctx.argv, { flags: 'laA1dhF', long, ignoreLong: ['color'] }, ctx.scope.userland);
    if (!parsed.ok) return usageError(ctx, ls, parsed.message, gnu ? 2 : 1);
    const f = parsed.opts.flags;
    const operands = parsed.opts.operands.length > 0 ? parsed.opts.operands : ['.'];
    const files: Entry[] = [];
    const dirs: Entry[] = [];
    let failed = false;
    // ls only reads: one index of the fs serves every operand and entry.
    const tree = new DirIndex(ctx.scope.fs.state);
    for (const op of operands) {
      const e = entryFor(ctx, tree, op, resolvePath(ctx.scope.cwd, op));
      if (!e) {
        ctx.stderr(gnu ? `ls: cannot access '${op}': No such file or directory\n` : `ls: ${op}: No such file or directory\n`);
        failed = true;
      } else (e.isDir && !f.has('d') ? dirs : files).push(e);
    }
    const termWidth = Number(ctx.env.COLUMNS) > 0 ? Number(ctx.env.COLUMNS) : 80;
    const tty = shellOf(ctx)?.stdoutIsTerminal ?? false;
    const render = (entries: Entry[], withTotal: boolean): string => {
      if (f.has('l')) return (withTotal ? `total ${totalBlocks(entries)}\n` : '') + (entries.length ? longLines(entries, gnu, f.has('h')) : '');
      const names = entries.map((e) => e.name);
      if (tty && !f.has('1')) return columns(names, termWidth, gnu);
      return names.map((n) => n + '\n').join('');
    };
    const blocks: string[] = [];
    if (files.length > 0) blocks.push(render(files, false));
    const headers = operands.length > 1 || files.length > 0;
    for (const d of dirs) {
      const body = render(dirEntries(ctx, tree, d.path, f.has('a'), f.has('A')), true);
      blocks.push(headers ? `${d.name}:\n${body}` : body);
    }
    ctx.stdout(blocks.join('\n'));
    if (failed) return gnu ? 2 : 1;
    return 0;
  },
};
