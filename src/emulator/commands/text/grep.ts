/**
 * `grep [-ivcnEFwxoqlhHs] [-e PATTERN] [-A|-B|-C NUM] PATTERN [FILE]...` (no -r).
 * Status 0 when a line is selected, 1 when none is, 2 on an error (GNU and
 * BusyBox alike). With several files each line is prefixed `file:`.
 *
 *   GNU:     grep: x: No such file or directory
 *            grep: Unmatched ( or \(
 *   BusyBox: grep: x: No such file or directory
 *            grep: bad regex 'a('   (as BusyBox 1.35 prints it)
 */
import type { CommandContext, CommandSpec } from '../types';
import { getopt, handleHelp, optValue, readInputs, splitLines, usageError, type Opts } from './common';
import { literalToJs, posixToJs, regexErrorText } from './grep-regex';
import { contextOf, withContext, type Context } from './grep-context';

const LONG: Record<string, string> = {
  'ignore-case': 'i', 'invert-match': 'v', count: 'c', 'line-number': 'n', 'extended-regexp': 'E',
  'fixed-strings': 'F', 'word-regexp': 'w', 'line-regexp': 'x', 'only-matching': 'o', quiet: 'q', silent: 'q',
  'files-with-matches': 'l', 'no-filename': 'h', 'with-filename': 'H', 'no-messages': 's', regexp: 'e',
  'after-context': 'A', 'before-context': 'B', context: 'C',
};

export const grep: CommandSpec = {
  name: 'grep',
  usage: 'grep [OPTION]... PATTERNS [FILE]...',
  summary: 'Search for PATTERNS in each FILE.',
  run(ctx) {
    if (handleHelp(ctx, grep)) return 0;
    const gnu = ctx.scope.userland === 'gnu';
    const parsed = getopt(ctx.argv, { flags: 'ivcnEFwxoqlhHsyG', withArg: 'eABC', long: LONG, ignoreLong: ['color', 'colour'] }, ctx.scope.userland);
    if (!parsed.ok) return usageError(ctx, grep, parsed.message, 2, true);
    const opts = parsed.opts;
    const patterns = opts.values.get('e') ?? [];
    if (patterns.length === 0) {
      const first = opts.operands.shift();
      if (first === undefined) return usageError(ctx, grep, '', gnu ? 2 : 1, true);
      patterns.push(first);
    }
    const context = contextOf(opts.values);
    if (typeof context === 'string') {
      ctx.stderr(`grep: ${context}\n`);
      return 2;
    }
    const re = compile(ctx, patterns, opts.flags);
    if (!re) return 2;
    return search(ctx, re, opts, context);
  },
};

/** One RegExp for all patterns (a line matches if any pattern does). */
function compile(ctx: CommandContext, patterns: string[], flags: Set<string>): RegExp | undefined {
  const gnu = ctx.scope.userland === 'gnu';
  const sources: string[] = [];
  // A pattern with newlines is several patterns (grep -e $'a\nb').
  for (const p of patterns.flatMap((p) => p.split('\n'))) {
    if (flags.has('F')) {
      sources.push(literalToJs(p));
      continue;
    }
    const r = posixToJs(p, flags.has('E'));
    if (!r.ok) {
      const why = regexErrorText(r.error, gnu);
      ctx.stderr(gnu ? `grep: ${why}\n` : `grep: bad regex '${p}'\n`);
      return undefined;
    }
    sources.push(r.source);
  }
  let source = sources.map((s) => `(?:${s})`).join('|');
  if (flags.has('x')) source = `^(?:${source})$`;
  else if (flags.has('w')) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  try {
    return new RegExp(source, flags.has('i') || flags.has('y') ? 'gi' : 'g');
  } catch {
    ctx.stderr(gnu ? 'grep: Invalid regular expression\n' : `grep: bad regex '${patterns[0]}'\n`);
    return undefined;
  }
}

function matches(re: RegExp, line: string): boolean {
  re.lastIndex = 0;
  return re.test(line);
}

function search(ctx: CommandContext, re: RegExp, opts: Opts, context?: Context): number {
  const f = opts.flags;
  const quietErrors = f.has('s') ? { ...ctx, stderr: () => {} } : ctx; // -s: no messages about files
  const { inputs, failed } = readInputs(quietErrors, opts.operands, { gnu: 'plain', busybox: 'plain' });
  const showName = f.has('H') || (!f.has('h') && opts.operands.length > 1);
  let selected = false;
  let out = '';
  for (const input of inputs) {
    const name = input.name === '-' ? '(standard input)' : input.name;
    const prefix = showName ? name + ':' : '';
    // Context lines (-A/-B/-C) only change how selected lines are printed.
    if (context && !['q', 'l', 'c', 'o'].some((x) => f.has(x))) {
      const lines = splitLines(input.text);
      const picked = lines.map((line) => matches(re, line) !== f.has('v'));
      const lead = (i: number, sep: ':' | '-') => (showName ? name + sep : '') + (f.has('n') ? `${i + 1}${sep}` : '');
      const r = withContext(lines, picked, context, lead, out !== '');
      out += r.text;
      selected ||= picked.some(Boolean);
      continue;
    }
    let count = 0;
    for (const [i, line] of splitLines(input.text).entries()) {
      if (matches(re, line) === f.has('v')) continue;
      count++;
      selected = true;
      if (f.has('q')) return 0;
      if (f.has('l') || f.has('c')) continue;
      const lead = prefix + (f.has('n') ? `${i + 1}:` : '');
      if (f.has('o') && !f.has('v')) {
        re.lastIndex = 0;
        for (const m of line.matchAll(re)) if (m[0] !== '') out += lead + m[0] + '\n';
      } else out += lead + line + '\n';
    }
    if (f.has('l') && count > 0) out += name + '\n';
    else if (f.has('c') && !f.has('l')) out += prefix + count + '\n';
  }
  ctx.stdout(out);
  if (failed) return 2;
  return selected ? 0 : 1;
}
