/**
 * Running one simple command (XCU 2.9.1): expand the words, apply the
 * redirections, find the command (builtin first, then the namespace's
 * programs), run it, and turn a thrown error into one line on stderr.
 */
import type { CommandSpec } from '../commands/types';
import { resolvePath } from '../kernel/fs';
import type { SimpleCommand } from './ast';
import type { Executor, Frame } from './exec-types';
import { ExpansionError, expandWord, expandWords } from './expand';
import { readFile } from './files';
import { PROGRAM_DIRS } from './paths';
import { applyRedirects, nullSink, remaining, type Fds, type InputStream } from './redirect';
import { environmentOf, type ShellContext, type ShellRuntime } from './runtime';

export async function runSimple(cmd: SimpleCommand, frame: Frame, x: Executor): Promise<number> {
  const ex = x.expander(frame);
  let argv: string[];
  const assigns: [string, string][] = [];
  try {
    argv = await expandWords(cmd.words, ex);
    for (const a of cmd.assigns) assigns.push([a.name, await expandWord(a.value, ex)]);
  } catch (e) {
    if (!(e instanceof ExpansionError)) throw e;
    errSink(frame.fds).write(e.message + '\n');
    return e.status;
  }
  const redirected = await applyRedirects(cmd.redirs, frame.fds, {
    fs: frame.scope.fs, cwd: frame.scope.cwd, flavour: x.flavour, argv0: x.argv0, ex,
  }).catch((e: unknown) => {
    if (e instanceof ExpansionError) return { ok: false as const, message: e.message };
    throw e;
  });
  if (!redirected.ok) {
    errSink(frame.fds).write(redirected.message + '\n');
    return 1;
  }
  if (argv.length === 0) {
    // `A=1` alone sets a shell variable; its status is that of the last `$(...)` in it.
    for (const [name, value] of assigns) frame.state.vars[name] = value;
    return ex.subStatus ?? 0;
  }
  const fds = redirected.fds;
  const found = findCommand(argv[0], frame, x);
  if (typeof found === 'string' || typeof found === 'number') {
    return reportNotFound(argv[0], found, fds, x);
  }
  return runSpec(found, argv, assigns, frame, fds, x);
}

/** A builtin, a program, or why not: 'missing' | 'isdir' | 'noexec'. */
function findCommand(name: string, frame: Frame, x: Executor): CommandSpec | 'missing' | 'isdir' | 'noexec' {
  if (!name.includes('/')) return x.findBuiltin(name) ?? x.rt.lookup(name) ?? 'missing';
  const path = resolvePath(frame.scope.cwd, name);
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dir = path.slice(0, path.lastIndexOf('/')) || '/';
  if (PROGRAM_DIRS.has(dir)) {
    const spec = x.rt.lookup(base) ?? x.findBuiltin(base);
    if (spec) return spec;
  }
  if (frame.scope.fs.isDir(path)) return 'isdir';
  // A file in the virtual fs has no execute bit: running it is EACCES.
  return readFile(frame.scope.fs, path).ok ? 'noexec' : 'missing';
}

/**
 * bash: `bash: foo: command not found` (127), or for a path
 * `bash: ./x: No such file or directory` (127), `Is a directory` and
 * `Permission denied` (126). ash: `sh: foo: not found` for both forms (127),
 * and `Permission denied` for a directory or a plain file (126).
 */
function reportNotFound(name: string, why: 'missing' | 'isdir' | 'noexec', fds: Fds, x: Executor): number {
  const a = x.argv0;
  let line: string;
  if (why === 'missing') {
    if (x.flavour === 'sh') line = `${a}: ${name}: not found`;
    else line = name.includes('/') ? `${a}: ${name}: No such file or directory` : `${a}: ${name}: command not found`;
  } else if (why === 'isdir' && x.flavour === 'bash') line = `${a}: ${name}: Is a directory`;
  else line = `${a}: ${name}: Permission denied`;
  errSink(fds).write(line + '\n');
  return why === 'missing' ? 127 : 126;
}

async function runSpec(
  spec: CommandSpec, argv: string[], assigns: [string, string][], frame: Frame, fds: Fds, x: Executor,
): Promise<number> {
  const env = environmentOf(frame.state);
  for (const [name, value] of assigns) env[name] = value; // `A=1 cmd`: for cmd only
  const out = fds.sinks[1] ?? nullSink;
  const err = errSink(fds);
  const rt = x.rt;
  const ctx: ShellContext = {
    argv,
    env,
    stdin: remaining(fds.stdin),
    stdout: (t) => out.write(t),
    stderr: (t) => err.write(t),
    interrupt: rt.interrupt,
    sleep: (ms) => rt.sleep(ms),
    readLine: () => rt.readLine(),
    scope: frame.scope,
    lab: rt.lab,
    session: rt.session,
    shell: frame.state,
    runtime: rt,
    stdoutIsTerminal: out.terminal === true,
    findBuiltin: (n) => x.findBuiltin(n),
    readInputLine: () => readInputLine(fds.stdin, rt),
  };
  try {
    x.caughtInterrupt = undefined;
    const status = exitStatus(await spec.run(ctx));
    if (spec.catchesInterrupt && rt.interrupt.aborted) x.caughtInterrupt = status;
    return status;
  } catch (e) {
    // Commands should never throw. The lab may take over (it rolls the whole
    // line back); otherwise say so in one line and go on.
    rt.onInternalError?.(argv[0], e);
    err.write(`${argv[0]}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

/** One line of stdin for `read`: from the stream (consuming it) or typed at the terminal. */
async function readInputLine(stdin: InputStream | null, rt: ShellRuntime): Promise<{ line: string; newline: boolean } | null> {
  if (!stdin) {
    const typed = await rt.readLine();
    return typed === null ? null : { line: typed, newline: true };
  }
  if (stdin.pos >= stdin.text.length) return null;
  const nl = stdin.text.indexOf('\n', stdin.pos);
  const end = nl < 0 ? stdin.text.length : nl;
  const line = stdin.text.slice(stdin.pos, end);
  stdin.pos = nl < 0 ? end : end + 1;
  return { line, newline: nl >= 0 };
}

/** Exit statuses are 0-255 (`exit 256` is 0). */
function exitStatus(s: number): number {
  return Number.isInteger(s) ? ((s % 256) + 256) % 256 : 1;
}

function errSink(fds: Fds) {
  return fds.sinks[2] ?? nullSink;
}
