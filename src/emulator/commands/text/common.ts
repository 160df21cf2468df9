/**
 * What the text tools share: option parsing in GNU or BusyBox style, the
 * usage-error and `--help` texts, reading operands (files or stdin) with the
 * error lines each userland prints, and line splitting.
 */
import type { CommandContext, CommandSpec, Userland } from '../types';
import { resolvePath } from '../../kernel/fs';
import { readFile, strerror } from '../../shell/files';

/**
 * The banner BusyBox prints above an applet's usage. Alpine 3.20 ships
 * BusyBox 1.36.1; the build date in the real banner is NOT FOUND, so it is
 * left out here.
 */
export const BUSYBOX_BANNER = 'BusyBox v1.36.1 multi-call binary.';

export interface OptSpec {
  /** Letters that take no argument, e.g. `ivcn`. */
  flags: string;
  /** Letters that take an argument, e.g. `e` for `-e PATTERN`. */
  withArg?: string;
  /** GNU long options and the letter each stands for (`--count` → `c`). */
  long?: Record<string, string>;
  /** Long options to accept and ignore, e.g. `color`. */
  ignoreLong?: string[];
  /** `-5` means `-<letter> 5` (head, tail). */
  numericShort?: string;
}

export interface Opts {
  flags: Set<string>;
  /** Values of options with arguments, in order. */
  values: Map<string, string[]>;
  operands: string[];
}

export type OptResult = { ok: true; opts: Opts } | { ok: false; message: string };

/**
 * getopt(3). GNU getopt permutes, so options may follow operands
 * (`grep foo -i`); musl's (Alpine) stops at the first operand, as POSIX says.
 * Messages are glibc's (`invalid option -- 'z'`) or musl's (`unrecognized option: z`).
 */
export function getopt(argv: string[], spec: OptSpec, userland: Userland): OptResult {
  const opts: Opts = { flags: new Set(), values: new Map(), operands: [] };
  const gnu = userland === 'gnu';
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      opts.operands.push(...argv.slice(i + 1));
      break;
    }
    if (a.length < 2 || a[0] !== '-') {
      if (!gnu) {
        opts.operands.push(...argv.slice(i));
        break;
      }
      opts.operands.push(a);
      continue;
    }
    const used = a.startsWith('--') ? longOption(argv, i, spec, opts, gnu) : shortOptions(argv, i, spec, opts, gnu);
    if (typeof used === 'string') return { ok: false, message: used };
    i += used;
  }
  return { ok: true, opts };
}

function addValue(opts: Opts, letter: string, value: string): void {
  opts.values.set(letter, [...(opts.values.get(letter) ?? []), value]);
}

/** `--name` or `--name=value`; returns how many extra words it took, or the error. */
function longOption(argv: string[], i: number, spec: OptSpec, opts: Opts, gnu: boolean): number | string {
  const a = argv[i];
  const [name, value] = a.slice(2).split(/=(.*)/s, 2);
  if (spec.ignoreLong?.includes(name)) return 0;
  const letter = spec.long?.[name];
  if (!letter || !gnu) return gnu ? `unrecognized option '${a}'` : `unrecognized option: ${a.slice(2)}`;
  if (!spec.withArg?.includes(letter)) {
    opts.flags.add(letter);
    return 0;
  }
  const v = value ?? argv[i + 1];
  if (v === undefined) return `option '--${name}' requires an argument`;
  addValue(opts, letter, v);
  return value === undefined ? 1 : 0;
}

/** `-abc`, `-nVALUE`, `-n VALUE`, `-5`; returns how many extra words it took, or the error. */
function shortOptions(argv: string[], i: number, spec: OptSpec, opts: Opts, gnu: boolean): number | string {
  const a = argv[i];
  if (spec.numericShort && /^-[0-9]+$/.test(a)) {
    addValue(opts, spec.numericShort, a.slice(1));
    return 0;
  }
  for (let j = 1; j < a.length; j++) {
    const c = a[j];
    if (spec.withArg?.includes(c)) {
      const inline = j + 1 < a.length;
      const v = inline ? a.slice(j + 1) : argv[i + 1];
      if (v === undefined) return gnu ? `option requires an argument -- '${c}'` : `option requires an argument: ${c}`;
      addValue(opts, c, v);
      return inline ? 0 : 1;
    }
    if (!spec.flags.includes(c)) return gnu ? `invalid option -- '${c}'` : `unrecognized option: ${c}`;
    opts.flags.add(c);
  }
  return 0;
}

/** The last value of an option with an argument. */
export function optValue(opts: Opts, letter: string): string | undefined {
  const v = opts.values.get(letter);
  return v ? v[v.length - 1] : undefined;
}

/**
 * A usage error: GNU prints the message and `Try 'x --help' ...`; BusyBox
 * prints the message, its banner and the usage line.
 */
export function usageError(ctx: CommandContext, spec: CommandSpec, message: string, status = 1, gnuUsageLine = false): number {
  const cmd = spec.name;
  if (ctx.scope.userland === 'gnu') {
    const usage = gnuUsageLine ? `Usage: ${spec.usage}\n` : '';
    ctx.stderr(`${message ? `${cmd}: ${message}\n` : ''}${usage}Try '${cmd} --help' for more information.\n`);
  } else {
    ctx.stderr(`${message ? `${cmd}: ${message}\n` : ''}${BUSYBOX_BANNER}\n\nUsage: ${spec.usage}\n`);
  }
  return status;
}

/** `rm` with no operand: GNU says `missing operand`; BusyBox shows its usage. */
export function missingOperand(ctx: CommandContext, spec: CommandSpec): number {
  return usageError(ctx, spec, ctx.scope.userland === 'gnu' ? 'missing operand' : '');
}

/** Handles `--help` (true when it did). */
export function handleHelp(ctx: CommandContext, spec: CommandSpec): boolean {
  const end = ctx.argv.indexOf('--');
  if (!ctx.argv.slice(1, end < 0 ? undefined : end).includes('--help')) return false;
  const text = spec.help ?? `Usage: ${spec.usage}\n${spec.summary}\n`;
  if (ctx.scope.userland === 'gnu') ctx.stdout(text);
  else ctx.stderr(`${BUSYBOX_BANNER}\n\n${text}`); // BusyBox prints usage on stderr
  return true;
}

/**
 * How a tool words a file it cannot read:
 * - `plain`: `cat: x: No such file or directory` (GNU cat, grep, wc, cut, uniq; BusyBox grep, head, wc, cut)
 * - `for-reading`: `head: cannot open 'x' for reading: ...` (GNU head, tail)
 * - `cannot-read`: `sort: cannot read: x: ...` (GNU sort)
 * - `cant-open`: `cat: can't open 'x': ...` (BusyBox open_or_warn: cat, tail, sort, uniq)
 */
export type OpenErrorStyle = 'plain' | 'for-reading' | 'cannot-read' | 'cant-open';

export function openErrorLine(cmd: string, path: string, err: 'ENOENT' | 'EISDIR' | 'ENOTDIR', style: OpenErrorStyle): string {
  const why = strerror(err);
  if (err === 'EISDIR') {
    if (style === 'for-reading') return `${cmd}: error reading '${path}': ${why}`;
    if (style === 'cannot-read') return `${cmd}: read failed: ${path}: ${why}`;
    if (style === 'cant-open') return `${cmd}: read error: ${why}`;
    return `${cmd}: ${path}: ${why}`;
  }
  switch (style) {
    case 'for-reading': return `${cmd}: cannot open '${path}' for reading: ${why}`;
    case 'cannot-read': return `${cmd}: cannot read: ${path}: ${why}`;
    case 'cant-open': return `${cmd}: can't open '${path}': ${why}`;
    default: return `${cmd}: ${path}: ${why}`;
  }
}

export interface Input {
  /** The operand as typed, or `-` for stdin. */
  name: string;
  text: string;
}

/**
 * Reads the operands (stdin when there are none, or for `-`), printing an
 * error line for each one that cannot be read.
 */
export function readInputs(
  ctx: CommandContext, operands: string[], styles: { gnu: OpenErrorStyle; busybox: OpenErrorStyle },
): { inputs: Input[]; failed: boolean } {
  const names = operands.length === 0 ? ['-'] : operands;
  const inputs: Input[] = [];
  let failed = false;
  const style = ctx.scope.userland === 'gnu' ? styles.gnu : styles.busybox;
  for (const name of names) {
    if (name === '-') {
      inputs.push({ name, text: ctx.stdin });
      continue;
    }
    const r = readFile(ctx.scope.fs, resolvePath(ctx.scope.cwd, name));
    if (r.ok) inputs.push({ name, text: r.text });
    else {
      ctx.stderr(openErrorLine(ctx.argv[0], name, r.error, style) + '\n');
      failed = true;
    }
  }
  return { inputs, failed };
}

/** Lines without their newlines; a final line without `\n` is kept. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

export function joinLines(lines: string[]): string {
  let out = '';
  for (const l of lines) out += l + '\n';
  return out;
}

/** Bytes in UTF-8, as `wc -c` and `ls -l` count them. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
