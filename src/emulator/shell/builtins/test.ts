/**
 * `test EXPR` and `[ EXPR ]` (XCU test): string, integer and file tests,
 * `!`, `-a`, `-o` and parentheses. Files are the virtual fs's: everything is
 * readable and writable by root, nothing is a link, socket or device.
 *
 *   bash: bash: [: abc: integer expression expected   bash: [: missing `]'  (2)
 *   BusyBox (test.c getn(), and its `]` check): sh: abc: bad number, sh: missing ]  (2)
 */
import type { CommandContext, CommandSpec } from '../../commands/types';
import { resolvePath } from '../../kernel/fs';
import { readFile } from '../files';
import { shellArgv0, shellOf } from '../runtime';

const UNARY = new Set(['-n', '-z', '-e', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h', '-b', '-c', '-p', '-S', '-t']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

class TestError extends Error {}

class TestEval {
  private i = 0;
  constructor(private readonly args: string[], private readonly ctx: CommandContext, private readonly bash: boolean, private readonly name: string) {}

  run(): boolean {
    const v = this.or();
    if (this.i < this.args.length) throw new TestError(this.bash ? `${this.name}: ${this.args[this.i]}: binary operator expected` : `${this.args[this.i]}: unknown operand`);
    return v;
  }

  private or(): boolean {
    let v = this.and();
    while (this.args[this.i] === '-o') {
      this.i++;
      v = this.and() || v;
    }
    return v;
  }

  private and(): boolean {
    let v = this.not();
    while (this.args[this.i] === '-a') {
      this.i++;
      v = this.not() && v;
    }
    return v;
  }

  private not(): boolean {
    if (this.args[this.i] === '!' && this.i + 1 < this.args.length) {
      this.i++;
      return !this.not();
    }
    return this.primary();
  }

  private primary(): boolean {
    const a = this.args;
    const t = a[this.i];
    if (t === '(' && this.i + 2 < a.length) {
      this.i++;
      const v = this.or();
      if (a[this.i] !== ')') throw new TestError(this.bash ? `${this.name}: \`)' expected` : 'closing paren expected');
      this.i++;
      return v;
    }
    if (BINARY.has(a[this.i + 1]) && this.i + 2 < a.length) {
      this.i += 3;
      return this.binary(t, a[this.i - 2], a[this.i - 1]);
    }
    if (UNARY.has(t) && this.i + 1 < a.length) {
      this.i += 2;
      return this.unary(t, a[this.i - 1]);
    }
    this.i++;
    return t !== '';
  }

  private unary(op: string, arg: string): boolean {
    const fs = this.ctx.scope.fs;
    const path = resolvePath(this.ctx.scope.cwd, arg);
    const file = readFile(fs, path);
    switch (op) {
      case '-n': return arg !== '';
      case '-z': return arg === '';
      case '-e': case '-r': case '-w': return file.ok || fs.isDir(path);
      case '-f': return file.ok;
      case '-d': return fs.isDir(path);
      case '-s': return file.ok ? file.text.length > 0 : fs.isDir(path);
      case '-x': return fs.isDir(path);
      default: return false;
    }
  }

  private binary(left: string, op: string, right: string): boolean {
    switch (op) {
      case '=': case '==': return left === right;
      case '!=': return left !== right;
      case '<': return left < right;
      case '>': return left > right;
      case '-nt': case '-ot': case '-ef': return false;
    }
    const l = this.int(left);
    const r = this.int(right);
    switch (op) {
      case '-eq': return l === r;
      case '-ne': return l !== r;
      case '-lt': return l < r;
      case '-le': return l <= r;
      case '-gt': return l > r;
      default: return l >= r;
    }
  }

  private int(s: string): number {
    if (/^\s*[+-]?[0-9]+\s*$/.test(s)) return Number(s);
    throw new TestError(this.bash ? `${this.name}: ${s}: integer expression expected` : `${s}: bad number`);
  }
}

function runTest(ctx: CommandContext): number {
  const sh = shellOf(ctx);
  const bash = sh?.runtime.shellName === 'bash';
  const prefix = sh ? (bash ? shellArgv0(sh.runtime) : 'sh') : ctx.argv[0];
  const name = ctx.argv[0];
  let args = ctx.argv.slice(1);
  if (name === '[') {
    if (args[args.length - 1] !== ']') {
      ctx.stderr(bash ? `${prefix}: [: missing \`]'\n` : `${prefix}: missing ]\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return new TestEval(args, ctx, bash, name).run() ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    ctx.stderr(`${prefix}: ${e.message}\n`);
    return 2;
  }
}

export const test: CommandSpec = {
  name: 'test',
  usage: 'test [expr]',
  summary: 'Evaluate conditional expression.',
  builtin: true,
  run: runTest,
};

export const bracket: CommandSpec = {
  name: '[',
  usage: '[ arg... ]',
  summary: 'Evaluate conditional expression.',
  builtin: true,
  run: runTest,
};
