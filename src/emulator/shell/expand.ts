/**
 * Word expansion (XCU 2.6): tilde, parameters, command substitution,
 * arithmetic, then field splitting of the unquoted results on blanks.
 *
 * Deliberately left out: pathname expansion (globbing). A word containing
 * `*` or `?` stays literal, which is what bash and ash do anyway when no
 * file matches. IFS is always the default (space, tab, newline).
 */
import type { List, ParamOp, Word, WordPart } from './ast';
import { evalArith } from './arith';
import type { ShellState } from './runtime';

/** Raised for `${a b}`, `${X:?}` and bad arithmetic; the message is the shell's whole line. */
export class ExpansionError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

export interface Expander {
  state: ShellState;
  flavour: 'bash' | 'sh';
  argv0: string;
  pid: number;
  /** Runs a command substitution in a subshell; resolves to its stdout. */
  runSub(list: List): Promise<{ out: string; status: number }>;
  /** The status of the last command substitution, for `A=$(false)` → `$?` = 1. */
  subStatus?: number;
}

/** Expands command words into fields (argv). */
export async function expandWords(words: Word[], ex: Expander): Promise<string[]> {
  const fields: string[] = [];
  for (const w of words) await expandInto(w, ex, fields);
  return fields;
}

/** Expands one word to one string, without field splitting (assignments, redirection targets). */
export async function expandWord(word: Word, ex: Expander): Promise<string> {
  let out = '';
  for (const [i, part] of word.parts.entries()) {
    const text = await partText(part, ex);
    out += i === 0 && part.kind === 'lit' && !part.quoted ? tilde(text, ex) : text;
  }
  return out;
}

/** `"$@"` with no positional parameters is no field at all (XCU 2.5.2). */
function isQuotedAt(word: Word): boolean {
  let at = false;
  for (const p of word.parts) {
    if (p.kind === 'param' && p.name === '@' && p.quoted && !p.op) at = true;
    else if (!(p.kind === 'lit' && p.quoted && p.text === '')) return false;
  }
  return at;
}

async function expandInto(word: Word, ex: Expander, fields: string[]): Promise<void> {
  if (isQuotedAt(word)) return;
  let cur = '';
  let hasCur = false;
  for (const [i, part] of word.parts.entries()) {
    let text = await partText(part, ex);
    if (part.kind === 'lit' || part.quoted) {
      if (i === 0 && part.kind === 'lit' && !part.quoted) text = tilde(text, ex);
      cur += text;
      if (part.quoted || text !== '') hasCur = true;
      continue;
    }
    // An unquoted expansion result is split on blanks; its pieces join the
    // text around it at either end (`a$X` with X=" b c" gives a, b, c).
    const pieces = text.split(/[ \t\n]+/);
    for (const [j, piece] of pieces.entries()) {
      if (j > 0) {
        if (hasCur) fields.push(cur);
        cur = '';
        hasCur = false;
      }
      cur += piece;
      if (piece !== '') hasCur = true;
    }
  }
  if (hasCur) fields.push(cur);
}

/** `~` and `~/x` at the start of a word become $HOME (`/root` here). */
function tilde(text: string, ex: Expander): string {
  if (text[0] !== '~') return text;
  const home = ex.state.vars.HOME ?? '/root';
  if (text === '~' || text[1] === '/') return home + text.slice(1);
  if (text === '~root' || text.startsWith('~root/')) return '/root' + text.slice(5);
  return text;
}

async function partText(part: WordPart, ex: Expander): Promise<string> {
  switch (part.kind) {
    case 'lit':
      return part.text;
    case 'param':
      return part.op ? withOp(part.name, part.op, ex) : paramValue(part.name, ex) ?? '';
    case 'cmdsub': {
      const { out, status } = await ex.runSub(part.list);
      ex.subStatus = status;
      return out.replace(/\n+$/, ''); // trailing newlines are removed (XCU 2.6.3)
    }
    case 'arith':
      return arith(part.expr, ex);
    case 'badsub':
      throw new ExpansionError(
        ex.flavour === 'bash' ? `${ex.argv0}: ${part.text}: bad substitution` : `${ex.argv0}: syntax error: bad substitution`,
        ex.flavour === 'bash' ? 1 : 2,
      );
  }
}

/** A parameter's value, or undefined when it is unset. */
function paramValue(name: string, ex: Expander): string | undefined {
  switch (name) {
    case '?': return String(ex.state.lastStatus);
    case '$': return String(ex.pid);
    case '#': return '0';
    case '0': return ex.argv0;
    case '@': case '*': case '!': return '';
    // NOT FOUND: the exact flags of an interactive shell; bash's usual value and ash's plausible one.
    case '-': return ex.flavour === 'bash' ? 'himBH' : 'smi';
    default:
      if (name >= '1' && name <= '9') return undefined;
      return ex.state.vars[name];
  }
}

async function withOp(name: string, op: ParamOp, ex: Expander): Promise<string> {
  const value = paramValue(name, ex);
  const operand = () => (op.word ? expandWord(op.word, ex) : Promise.resolve(''));
  const isSet = value !== undefined;
  const nonEmpty = isSet && value !== '';
  switch (op.op) {
    case 'len': return String((value ?? '').length);
    case 'substr': return substring(value ?? '', op.offset ?? '', op.length, ex);
    case ':-': return nonEmpty ? value : operand();
    case '-': return isSet ? value : operand();
    case ':+': return nonEmpty ? operand() : '';
    case '+': return isSet ? operand() : '';
    case ':=': case '=': {
      if (op.op === ':=' ? nonEmpty : isSet) return value ?? '';
      const v = await operand();
      ex.state.vars[name] = v;
      return v;
    }
    case ':?': case '?': {
      if (op.op === ':?' ? nonEmpty : isSet) return value ?? '';
      const msg = (await operand()) || (ex.flavour === 'bash' ? 'parameter null or not set' : 'parameter not set');
      throw new ExpansionError(`${ex.argv0}: ${name}: ${msg}`, 1);
    }
    default:
      return trimPattern(value ?? '', op.op, await operand());
  }
}

/** `${X:offset}`, `${X:offset:length}`; negative values count from the end, as in bash. */
function substring(value: string, offsetExpr: string, lengthExpr: string | undefined, ex: Expander): string {
  let start = Number(arith(offsetExpr, ex));
  if (start < 0) start = Math.max(0, value.length + start);
  if (lengthExpr === undefined) return value.slice(start);
  const len = Number(arith(lengthExpr, ex));
  return len < 0 ? value.slice(start, Math.max(start, value.length + len)) : value.slice(start, start + len);
}

/** `${X#pat}` `${X##pat}` `${X%pat}` `${X%%pat}` with `*` and `?` as the only wildcards. */
function trimPattern(value: string, op: '#' | '##' | '%' | '%%', pattern: string): string {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  const re = new RegExp(`^(?:${body})$`, 's');
  const lengths = [...Array(value.length + 1).keys()];
  if (op === '##' || op === '%%') lengths.reverse();
  for (const n of lengths) {
    if (op[0] === '#' && re.test(value.slice(0, n))) return value.slice(n);
    if (op[0] === '%' && re.test(value.slice(value.length - n))) return value.slice(0, value.length - n);
  }
  return value;
}

function arith(expr: string, ex: Expander): string {
  const r = evalArith(expr, (name) => ex.state.vars[name] ?? '');
  if (r.ok) return String(r.value);
  // ash (shell/math.c): "divide by zero" or "arithmetic syntax error".
  const ash = r.divzero ? 'divide by zero' : 'arithmetic syntax error';
  const text = ex.flavour === 'bash' ? `${ex.argv0}: ${expr.trimStart()}: ${r.message}` : `${ex.argv0}: ${ash}`;
  throw new ExpansionError(text, 1);
}
