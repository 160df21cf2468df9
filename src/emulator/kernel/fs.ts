/**
 * A tiny virtual filesystem: a map from absolute path to file contents.
 * Directories exist implicitly (any prefix of a file path) or explicitly
 * (an entry in `dirs`). It is plain data so that a snapshot is just JSON.
 */
import { peek } from '../core/raw-view';

export interface FsState {
  files: Record<string, string>;
  dirs: string[];
}

export type FsError = 'ENOENT' | 'EISDIR' | 'ENOTDIR';

export function emptyFs(): FsState {
  return { files: {}, dirs: ['/', '/etc', '/root', '/tmp', '/bin', '/usr', '/var', '/proc'] };
}

/** Normalise a path against a working directory: resolves `.`, `..` and `//`. */
export function resolvePath(cwd: string, path: string): string {
  const joined = path.startsWith('/') ? path : `${cwd.replace(/\/$/, '')}/${path}`;
  const out: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

export class VirtualFs {
  constructor(readonly state: FsState) {}

  read(path: string): string | FsError {
    if (path in this.state.files) return this.state.files[path];
    return this.isDir(path) ? 'EISDIR' : 'ENOENT';
  }

  exists(path: string): boolean {
    return path in this.state.files || this.isDir(path);
  }

  /** Scans every path (kernel/fs-index.ts answers many such questions in one pass). */
  isDir(path: string): boolean {
    if (path === '/') return true;
    // Read only: the raw objects, not the undo journal's view of them (a proxied read per path).
    if (peek(this.state.dirs).includes(path)) return true;
    const prefix = path.endsWith('/') ? path : path + '/';
    const files = peek(this.state.files);
    for (const f in files) if (f.startsWith(prefix)) return true;
    return false;
  }

  write(path: string, content: string): FsError | undefined {
    if (this.isDir(path)) return 'EISDIR';
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    if (!this.isDir(parent)) return 'ENOENT';
    this.state.files[path] = content;
    return undefined;
  }

  mkdir(path: string): void {
    if (!this.state.dirs.includes(path)) this.state.dirs.push(path);
  }

  remove(path: string): FsError | undefined {
    if (!(path in this.state.files)) return this.isDir(path) ? 'EISDIR' : 'ENOENT';
    delete this.state.files[path];
    return undefined;
  }

  /** Names directly inside a directory, sorted as `ls` sorts them. */
  list(dir: string): string[] | FsError {
    if (!this.isDir(dir)) return dir in this.state.files ? 'ENOTDIR' : 'ENOENT';
    const prefix = dir === '/' ? '/' : dir + '/';
    const names = new Set<string>();
    const paths = [...Object.keys(peek(this.state.files)), ...peek(this.state.dirs)];
    for (const p of paths) {
      if (!p.startsWith(prefix) || p === dir) continue;
      const rest = p.slice(prefix.length);
      const name = rest.split('/')[0];
      if (name) names.add(name);
    }
    return [...names].sort();
  }
}
