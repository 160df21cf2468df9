/**
 * `$(( ))` arithmetic (XCU 2.6.4), integers only: + - * / % ( ), unary
 * - + ! ~, comparisons, == !=, && ||, and `?:`. Variables may be written
 * `x`, `$x` or `${x}`; unset or empty ones are 0. Enough for `i=$((i+1))`
 * in a loop; assignments inside the expression (`i++`) are not supported.
 */

/** On failure, `message` is bash's text after `expr: `; `divzero` tells ash's `divide by zero` apart. */
export type ArithResult = { ok: true; value: number } | { ok: false; message: string; divzero: boolean };

type Tok = ({ t: 'num'; v: number } | { t: 'op'; v: string }) & { /** Where it starts in the expression. */ at: number };

const OPS = ['&&', '||', '==', '!=', '<=', '>=', '<<', '>>', '+', '-', '*', '/', '%', '(', ')', '<', '>', '!', '~', '?', ':', '&', '|', '^'];

function tokenize(expr: string, lookup: (name: string) => string): Tok[] | string {
  const out: Tok[] = [];
  let i = 0;
  while (i < expr.length) {
    const ch = expr[i];
    if (ch === ' ' || ch === '\t' || ch === '\n') { i++; continue; }
    const num = /^(0x[0-9a-fA-F]+|[0-9]+)/.exec(expr.slice(i));
    if (num) {
      out.push({ t: 'num', v: Number(num[1].startsWith('0x') ? num[1] : parseInt(num[1], num[1].length > 1 && num[1][0] === '0' ? 8 : 10)), at: i });
      i += num[1].length;
      continue;
    }
    const name = /^\$?\{?([A-Za-z_][A-Za-z0-9_]*)\}?/.exec(expr.slice(i));
    if (name) {
      const value = lookup(name[1]).trim();
      const n = value === '' ? 0 : Number(value);
      if (!Number.isInteger(n)) return value;
      out.push({ t: 'num', v: n, at: i });
      i += name[0].length;
      continue;
    }
    const op = OPS.find((o) => expr.startsWith(o, i));
    if (!op) return expr.slice(i);
    out.push({ t: 'op', v: op, at: i });
    i += op.length;
  }
  return out;
}

/** Binary operators by precedence, lowest first (C's table, as the shell uses). */
const LEVELS: string[][] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '<=', '>', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];

class ArithError extends Error {
  constructor(message: string, readonly at: number, readonly divzero = false) {
    super(message);
  }
}

function apply(op: string, a: number, b: number): number {
  switch (op) {
    case '||': return a || b ? 1 : 0;
    case '&&': return a && b ? 1 : 0;
    case '|': return a | b;
    case '^': return a ^ b;
    case '&': return a & b;
    case '==': return a === b ? 1 : 0;
    case '!=': return a !== b ? 1 : 0;
    case '<': return a < b ? 1 : 0;
    case '<=': return a <= b ? 1 : 0;
    case '>': return a > b ? 1 : 0;
    case '>=': return a >= b ? 1 : 0;
    case '<<': return a << b;
    case '>>': return a >> b;
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    default:
      return op === '/' ? Math.trunc(a / b) : a % b;
  }
}

class ArithParser {
  private i = 0;
  constructor(private readonly toks: Tok[], private readonly expr: string) {}

  parse(): number {
    const v = this.ternary();
    if (this.i < this.toks.length) throw new ArithError('syntax error in expression', this.toks[this.i].at);
    return v;
  }

  private peekOp(): string | undefined {
    const t = this.toks[this.i];
    return t && t.t === 'op' ? t.v : undefined;
  }

  private ternary(): number {
    const cond = this.binary(0);
    if (this.peekOp() !== '?') return cond;
    this.i++;
    const a = this.ternary();
    if (this.peekOp() !== ':') throw new ArithError("`:' expected for conditional expression", this.here());
    this.i++;
    const b = this.ternary();
    return cond ? a : b;
  }

  private binary(level: number): number {
    if (level >= LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (let op = this.peekOp(); op && LEVELS[level].includes(op); op = this.peekOp()) {
      this.i++;
      const at = this.toks[this.i]?.at ?? this.expr.length;
      const right = this.binary(level + 1);
      if ((op === '/' || op === '%') && right === 0) throw new ArithError('division by 0', at, true);
      left = apply(op, left, right);
    }
    return left;
  }

  private unary(): number {
    const t = this.toks[this.i++];
    if (!t) throw new ArithError('syntax error: operand expected', this.toks[this.i - 2]?.at ?? 0);
    if (t.t === 'num') return t.v;
    if (t.v === '-') return -this.unary();
    if (t.v === '+') return this.unary();
    if (t.v === '!') return this.unary() ? 0 : 1;
    if (t.v === '~') return ~this.unary();
    if (t.v === '(') {
      const v = this.ternary();
      if (this.peekOp() !== ')') throw new ArithError("missing `)'", this.here());
      this.i++;
      return v;
    }
    throw new ArithError('syntax error: operand expected', t.at);
  }

  private here(): number {
    return this.toks[this.i]?.at ?? this.expr.length;
  }
}

/** Evaluates an arithmetic expression; the message is bash's text after `expr: `. */
export function evalArith(expr: string, lookup: (name: string) => string): ArithResult {
  const toks = tokenize(expr, lookup);
  if (typeof toks === 'string') return { ok: false, message: `syntax error: invalid arithmetic operator (error token is "${toks}")`, divzero: false };
  if (toks.length === 0) return { ok: true, value: 0 };
  try {
    return { ok: true, value: new ArithParser(toks, expr).parse() };
  } catch (e) {
    // bash names the rest of the expression from where it failed: (error token is "0").
    if (e instanceof ArithError) return { ok: false, message: `${e.message} (error token is "${expr.slice(e.at)}")`, divzero: e.divzero };
    throw e;
  }
}
