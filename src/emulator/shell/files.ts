/**
 * Reading the virtual fs without ambiguity: `VirtualFs.read` returns either
 * the contents or an error code, and a file may well contain the text
 * `ENOENT`. Shared by the shell's redirections and the text commands.
 */
import type { FsError, VirtualFs } from '../kernel/fs';

export type FileRead = { ok: true; text: string } | { ok: false; error: FsError };

export function readFile(fs: VirtualFs, path: string): FileRead {
  if (Object.prototype.hasOwnProperty.call(fs.state.files, path)) return { ok: true, text: fs.state.files[path] };
  return { ok: false, error: fs.isDir(path) ? 'EISDIR' : 'ENOENT' };
}

/** strerror(3) text for the fs errors, as glibc and musl print them. */
export function strerror(e: FsError): string {
  switch (e) {
    case 'ENOENT': return 'No such file or directory';
    case 'EISDIR': return 'Is a directory';
    case 'ENOTDIR': return 'Not a directory';
  }
}
