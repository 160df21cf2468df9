/**
 * The directories of a VirtualFs, found in one pass over its paths, for a
 * command that asks about many paths at once. `ls` asks, for each entry of
 * the directory it lists, whether it is a directory (and counts the
 * subdirectories of each for `-l`'s link count); VirtualFs.isDir answers by
 * scanning every path, so `ls /var/run/docker/netns` on a 1,000-container
 * host scanned a thousand paths a thousand times.
 *
 * It is a picture of the fs when it was made, not a cache: made for one
 * command that only reads, and dropped with it (a write, an undone line or a
 * restore cannot leave it stale). Its answers are VirtualFs's, rule for rule:
 * a directory is `/`, an entry of `dirs`, or a proper prefix of a file's path
 * that ends at a `/`; a directory lists the first segment after it of every
 * file and `dirs` path below it. Paths that resolvePath would not give (not
 * absolute, with `//` or a trailing `/`) are passed to VirtualFs itself.
 */
import { VirtualFs, type FsError, type FsState } from './fs';
import { peek } from '../core/raw-view';

/** As resolvePath gives them: the index is built for these. */
function isNormal(path: string): boolean {
  return path === '/' || (path.startsWith('/') && !path.endsWith('/') && !path.includes('//'));
}

export class DirIndex {
  /** Every directory: `/`, the explicit ones, and the parents of every file. */
  private readonly dirs = new Set<string>(['/']);
  /** The names directly inside each directory (as VirtualFs.list finds them). */
  private readonly children = new Map<string, Set<string>>();
  private readonly fs: VirtualFs;

  constructor(private readonly state: FsState) {
    this.fs = new VirtualFs(state);
    // Read only: the raw objects, not the undo journal's view of them.
    const files = Object.keys(peek(state.files));
    const explicit = peek(state.dirs);
    for (const dir of explicit) this.dirs.add(dir);
    for (const path of files) this.addPath(path, true);
    for (const path of explicit) this.addPath(path, false);
  }

  /** Records `path` under each directory it lies below; a file's path also makes those directories exist. */
  private addPath(path: string, isFile: boolean): void {
    for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
      const dir = i === 0 ? '/' : path.slice(0, i);
      // `//x` is below `/` only through its first slash (VirtualFs.list('/') sees an empty first name there).
      if (i > 0 && dir === '/') continue;
      if (isFile && i > 0) this.dirs.add(dir);
      const end = path.indexOf('/', i + 1);
      const name = path.slice(i + 1, end < 0 ? undefined : end);
      if (!name) continue;
      let names = this.children.get(dir);
      if (!names) this.children.set(dir, (names = new Set()));
      names.add(name);
    }
  }

  isDir(path: string): boolean {
    return isNormal(path) ? this.dirs.has(path) : this.fs.isDir(path);
  }

  /** Names directly inside a directory, sorted as `ls` sorts them (VirtualFs.list). */
  list(dir: string): string[] | FsError {
    if (!isNormal(dir)) return this.fs.list(dir);
    if (!this.dirs.has(dir)) return dir in this.state.files ? 'ENOTDIR' : 'ENOENT';
    return [...(this.children.get(dir) ?? [])].sort();
  }
}
