/**
 * Reads one shell word from the source: quotes, backslashes, `$NAME`,
 * `${...}`, `$(...)`, `$((...))` and backquotes (XCU 2.2, 2.3 and 2.6).
 * The word keeps which pieces were quoted, because only unquoted expansion
 * results are split into fields later.
 */
import type { List, ParamOp, Word, WordPart } from './ast';
import { ParseFailure } from './syntax-error';
import { findArithEnd, findBraceEnd, findParenEnd } from './source-scan';

export interface Cursor {
  src: string;
  pos: number;
  /** Parses the text of a command substitution (the parser, passed in to avoid an import cycle). */
  parseSub(src: string): List;
}

/** Characters that end an unquoted word (XCU 2.2 metacharacters). */
export function isMeta(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === ';' || ch === '&' || ch === '|' ||
    ch === '<' || ch === '>' || ch === '(' || ch === ')';
}

function pushLit(parts: WordPart[], text: string, quoted: boolean): void {
  const last = parts[parts.length - 1];
  if (last && last.kind === 'lit' && last.quoted === quoted) last.text += text;
  else parts.push({ kind: 'lit', text, quoted });
}

/**
 * Reads a word starting at `c.pos`. With `stopAtMeta` false (the operand of
 * `${X:-a b}`) blanks and operators are ordinary characters.
 */
export function readWord(c: Cursor, stopAtMeta = true): Word {
  const parts: WordPart[] = [];
  const src = c.src;
  while (c.pos < src.length) {
    const ch = src[c.pos];
    if (stopAtMeta && isMeta(ch)) break;
    if (ch === "'") readSingle(c, parts);
    else if (ch === '"') readDouble(c, parts);
    else if (ch === '\\') {
      const next = src[c.pos + 1];
      c.pos += 2;
      if (next === undefined) pushLit(parts, '\\', false); // a trailing backslash stays literal
      else if (next !== '\n') pushLit(parts, next, true); // `\` + newline is a line continuation
    } else if (ch === '$') readDollar(c, parts, false);
    else if (ch === '`') readBackquote(c, parts, false);
    else {
      let end = c.pos + 1;
      while (end < src.length && isPlain(src[end], stopAtMeta)) end++;
      pushLit(parts, src.slice(c.pos, end), false);
      c.pos = end;
    }
  }
  return { parts };
}

function isPlain(ch: string, stopAtMeta: boolean): boolean {
  if (ch === "'" || ch === '"' || ch === '\\' || ch === '$' || ch === '`') return false;
  return !(stopAtMeta && isMeta(ch));
}

function readSingle(c: Cursor, parts: WordPart[]): void {
  const end = c.src.indexOf("'", c.pos + 1);
  if (end < 0) throw new ParseFailure({ kind: 'unterminated', closer: "'" });
  pushLit(parts, c.src.slice(c.pos + 1, end), true);
  c.pos = end + 1;
}

function readDouble(c: Cursor, parts: WordPart[]): void {
  const src = c.src;
  c.pos++;
  pushLit(parts, '', true); // `""` is still one (empty) field
  while (c.pos < src.length) {
    const ch = src[c.pos];
    if (ch === '"') {
      c.pos++;
      return;
    }
    if (ch === '\\') {
      // Inside double quotes a backslash only escapes $ ` " \ and newline (XCU 2.2.3).
      const next = src[c.pos + 1];
      if (next === '$' || next === '`' || next === '"' || next === '\\') pushLit(parts, next, true);
      else if (next !== '\n') pushLit(parts, '\\' + (next ?? ''), true);
      c.pos += 2;
    } else if (ch === '$') readDollar(c, parts, true);
    else if (ch === '`') readBackquote(c, parts, true);
    else {
      pushLit(parts, ch, true);
      c.pos++;
    }
  }
  throw new ParseFailure({ kind: 'unterminated', closer: '"' });
}

const SPECIAL_PARAMS = '?$#!@*-0123456789';

function isNameStart(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_');
}

function isNameChar(ch: string | undefined): boolean {
  return isNameStart(ch) || (ch !== undefined && ch >= '0' && ch <= '9');
}

function readDollar(c: Cursor, parts: WordPart[], quoted: boolean): void {
  const src = c.src;
  const next = src[c.pos + 1];
  if (next === '{') return readBrace(c, parts, quoted);
  if (next === '(') {
    if (src[c.pos + 2] === '(' && readArith(c, parts, quoted)) return;
    const end = findParenEnd(src, c.pos + 2);
    if (end < 0) throw new ParseFailure({ kind: 'unterminated', closer: ')' });
    parts.push({ kind: 'cmdsub', list: parseNested(c, src.slice(c.pos + 2, end)), quoted });
    c.pos = end + 1;
    return;
  }
  if (next === "'" && !quoted) return readAnsiC(c, parts);
  if (isNameStart(next)) {
    let end = c.pos + 2;
    while (isNameChar(src[end])) end++;
    parts.push({ kind: 'param', name: src.slice(c.pos + 1, end), quoted });
    c.pos = end;
    return;
  }
  if (next !== undefined && SPECIAL_PARAMS.includes(next)) {
    parts.push({ kind: 'param', name: next, quoted });
    c.pos += 2;
    return;
  }
  pushLit(parts, '$', quoted); // `$` before a blank, a quote or the end is literal
  c.pos++;
}

/** Parses a command substitution; an incomplete body means its `)` came too soon. */
function parseNested(c: Cursor, text: string): List {
  try {
    return c.parseSub(text);
  } catch (e) {
    if (e instanceof ParseFailure && e.info.kind === 'eof') {
      throw new ParseFailure({ kind: 'token', text: ')', ash: '")"' });
    }
    throw e;
  }
}

function readArith(c: Cursor, parts: WordPart[], quoted: boolean): boolean {
  const end = findArithEnd(c.src, c.pos + 3);
  if (end < 0) return false; // `$( (a) )`: a subshell inside a command substitution
  parts.push({ kind: 'arith', expr: c.src.slice(c.pos + 3, end), quoted });
  c.pos = end + 2;
  return true;
}

const BRACE_OPS = [':-', ':=', ':+', ':?', '##', '%%', '-', '=', '+', '?', '#', '%'] as const;

function readBrace(c: Cursor, parts: WordPart[], quoted: boolean): void {
  const end = findBraceEnd(c.src, c.pos + 2);
  if (end < 0) throw new ParseFailure({ kind: 'unterminated', closer: '}' });
  const inner = c.src.slice(c.pos + 2, end);
  c.pos = end + 1;
  parts.push(braceParam(c, inner, quoted));
}

function braceParam(c: Cursor, inner: string, quoted: boolean): WordPart {
  const bad: WordPart = { kind: 'badsub', text: '${' + inner + '}', quoted };
  if (inner.length > 1 && inner[0] === '#' && isParamName(inner.slice(1))) {
    return { kind: 'param', name: inner.slice(1), quoted, op: { op: 'len' } };
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#!@*-])/.exec(inner);
  if (!m) return bad;
  const name = m[1];
  const rest = inner.slice(name.length);
  if (rest === '') return { kind: 'param', name, quoted };
  if (rest[0] === ':' && !'-=+?'.includes(rest[1] ?? '-')) {
    const [offset, length] = rest.slice(1).split(/:(.*)/s, 2);
    return { kind: 'param', name, quoted, op: { op: 'substr', offset, length } };
  }
  const op = BRACE_OPS.find((o) => rest.startsWith(o));
  if (!op) return bad;
  const operand: Cursor = { src: rest.slice(op.length), pos: 0, parseSub: c.parseSub };
  const word = readWord(operand, false);
  const paramOp: ParamOp = { op, word };
  return { kind: 'param', name, quoted, op: paramOp };
}

function isParamName(s: string): boolean {
  return /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#!@*-])$/.test(s);
}

const ANSI_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v',
  '\\': '\\', "'": "'", '"': '"', '?': '?',
};

/** bash's `$'...'` (ANSI-C quoting); BusyBox ash accepts it too (ENABLE_ASH_BASH_COMPAT). */
function readAnsiC(c: Cursor, parts: WordPart[]): void {
  const src = c.src;
  let out = '';
  let i = c.pos + 2;
  for (; i < src.length && src[i] !== "'"; i++) {
    if (src[i] !== '\\') {
      out += src[i];
      continue;
    }
    const e = src[++i];
    if (e === 'x') {
      const hex = /^[0-9a-fA-F]{1,2}/.exec(src.slice(i + 1))?.[0] ?? '';
      out += hex ? String.fromCharCode(parseInt(hex, 16)) : '\\x';
      i += hex.length;
    } else if (e !== undefined && e >= '0' && e <= '7') {
      const oct = /^[0-7]{1,3}/.exec(src.slice(i))![0];
      out += String.fromCharCode(parseInt(oct, 8));
      i += oct.length - 1;
    } else out += e !== undefined && e in ANSI_ESCAPES ? ANSI_ESCAPES[e] : '\\' + (e ?? '');
  }
  if (i >= src.length) throw new ParseFailure({ kind: 'unterminated', closer: "'" });
  pushLit(parts, out, true);
  c.pos = i + 1;
}

/** `` `cmd` ``: inside, a backslash only escapes $ ` \ (and " within double quotes). */
function readBackquote(c: Cursor, parts: WordPart[], quoted: boolean): void {
  const src = c.src;
  let body = '';
  let i = c.pos + 1;
  for (; i < src.length && src[i] !== '`'; i++) {
    const next = src[i + 1];
    if (src[i] === '\\' && next !== undefined && ('$`\\'.includes(next) || (quoted && next === '"'))) {
      body += next;
      i++;
    } else body += src[i];
  }
  if (i >= src.length) throw new ParseFailure({ kind: 'unterminated', closer: '`' });
  parts.push({ kind: 'cmdsub', list: parseNested(c, body), quoted });
  c.pos = i + 1;
}
