/**
 * File descriptors of a command and the redirections that change them
 * (XCU 2.7), applied left to right, so `>f 2>&1` sends both to f while
 * `2>&1 >f` leaves stderr on the terminal. Files live in the virtual fs;
 * `/dev/null`, `/dev/stdout` and `/dev/stderr` are understood by name.
 */
import type { Redirect } from './ast';
import type { VirtualFs } from '../kernel/fs';
import { resolvePath } from '../kernel/fs';
import { expandWord, type Expander } from './expand';
import { readFile } from './files';

export interface Sink {
  write(text: string): void;
  /** Set on the terminal's own sinks (stdout, stderr). */
  readonly terminal?: boolean;
}

/**
 * What a command reads: text from a pipe, a file or a here-string, read
 * from `pos` on. Commands in a loop share one stream, and only `read`
 * consumes from it (other programs see what is left and take nothing,
 * which is right for the `while read line; do ...; done` idiom).
 */
export interface InputStream {
  text: string;
  pos: number;
}

/** Stdin that comes from a string. */
export function inputOf(text: string): InputStream {
  return { text, pos: 0 };
}

/** What is left to read; '' for the terminal. */
export function remaining(stdin: InputStream | null): string {
  return stdin ? stdin.text.slice(stdin.pos) : '';
}

export interface Fds {
  /** null when stdin is the terminal (programs then read ''; `read` asks the user). */
  stdin: InputStream | null;
  /** Output descriptors: 1 is stdout, 2 is stderr, 3-9 as the user opens them. */
  sinks: Record<number, Sink>;
}

export const nullSink: Sink = { write() {} };

/** Collects what a command writes: a pipe, or a command substitution. */
export class CaptureSink implements Sink {
  text = '';
  write(t: string): void {
    this.text += t;
  }
}

class FileSink implements Sink {
  constructor(private readonly fs: VirtualFs, private readonly path: string) {}
  write(t: string): void {
    const cur = readFile(this.fs, this.path);
    this.fs.write(this.path, (cur.ok ? cur.text : '') + t);
  }
}

export interface RedirectEnv {
  fs: VirtualFs;
  cwd: string;
  flavour: 'bash' | 'sh';
  argv0: string;
  ex: Expander;
}

export type RedirectResult = { ok: true; fds: Fds } | { ok: false; message: string };

/** Applies redirections to a copy of `fds`; the message is the shell's error line. */
export async function applyRedirects(redirs: Redirect[], fds: Fds, env: RedirectEnv): Promise<RedirectResult> {
  if (redirs.length === 0) return { ok: true, fds };
  const out: Fds = { stdin: fds.stdin, sinks: { ...fds.sinks } };
  for (const r of redirs) {
    const target = await expandWord(r.target, env.ex);
    const err = applyOne(r, target, out, env);
    if (err) return { ok: false, message: err };
  }
  return { ok: true, fds: out };
}

function applyOne(r: Redirect, target: string, fds: Fds, env: RedirectEnv): string | undefined {
  switch (r.op) {
    case '<': {
      const read = readInput(target, env);
      if (typeof read !== 'string') return read.error;
      if ((r.fd ?? 0) === 0) fds.stdin = inputOf(read);
      return undefined;
    }
    case '<<<':
      fds.stdin = inputOf(target + '\n');
      return undefined;
    case '<<':
      // A one-line shell never sees the body. bash warns exactly so when a
      // here-document meets end of file (make_here_document); ash says nothing.
      fds.stdin = inputOf('');
      if (env.flavour === 'bash') {
        fds.sinks[2]?.write(`${env.argv0}: warning: here-document at line 1 delimited by end-of-file (wanted \`${target}')\n`);
      }
      return undefined;
    case '>&':
    case '<&':
      return duplicate(r, target, fds, env);
    case '&>':
    case '&>>': {
      const sink = openOutput(target, r.op === '&>>', fds, env);
      if (typeof sink === 'string') return sink;
      fds.sinks[1] = sink;
      fds.sinks[2] = sink;
      return undefined;
    }
    default: {
      const sink = openOutput(target, r.op === '>>', fds, env);
      if (typeof sink === 'string') return sink;
      fds.sinks[r.fd ?? 1] = sink;
      return undefined;
    }
  }
}

/** `2>&1`, `>&2`, `3>&-`; `>&file` with no number means `&>file` (bash). */
function duplicate(r: Redirect, target: string, fds: Fds, env: RedirectEnv): string | undefined {
  const fd = r.fd ?? (r.op === '>&' ? 1 : 0);
  if (target === '-') {
    fds.sinks[fd] = nullSink;
    return undefined;
  }
  if (/^[0-9]+$/.test(target)) {
    const n = Number(target);
    if (n === 0 && fd === 0) return undefined;
    const sink = fds.sinks[n];
    if (!sink) return `${env.argv0}: ${target}: Bad file descriptor`;
    fds.sinks[fd] = sink;
    return undefined;
  }
  if (r.op === '>&' && r.fd === undefined) return applyOne({ op: '&>', target: r.target }, target, fds, env);
  return env.flavour === 'bash' ? `${env.argv0}: ${target}: ambiguous redirect` : `${env.argv0}: ${target}: Bad file descriptor`;
}

function openOutput(target: string, append: boolean, fds: Fds, env: RedirectEnv): Sink | string {
  if (target === '/dev/null') return nullSink;
  if (target === '/dev/stdout') return fds.sinks[1] ?? nullSink;
  if (target === '/dev/stderr') return fds.sinks[2] ?? nullSink;
  const path = resolvePath(env.cwd, target);
  const existing = readFile(env.fs, path);
  // bash: open(2)'s error; ash: "can't create %s: %s" with ENOENT worded
  // "nonexistent directory" (ash.c openredirect, errmsg()).
  if (!existing.ok && existing.error === 'EISDIR') {
    return env.flavour === 'bash' ? `${env.argv0}: ${target}: Is a directory` : `${env.argv0}: can't create ${target}: Is a directory`;
  }
  const err = env.fs.write(path, append && existing.ok ? existing.text : '');
  if (err) {
    return env.flavour === 'bash'
      ? `${env.argv0}: ${target}: No such file or directory`
      : `${env.argv0}: can't create ${target}: nonexistent directory`;
  }
  return new FileSink(env.fs, path);
}

function readInput(target: string, env: RedirectEnv): string | { error: string } {
  if (target === '/dev/null') return '';
  const got = readFile(env.fs, resolvePath(env.cwd, target));
  if (got.ok) return got.text;
  if (got.error === 'EISDIR') return ''; // open(2) succeeds on a directory; reading it fails later
  // ash.c: "can't open %s: %s" with errmsg(ENOENT, "no such file").
  return {
    error: env.flavour === 'bash' ? `${env.argv0}: ${target}: No such file or directory` : `${env.argv0}: can't open ${target}: no such file`,
  };
}
