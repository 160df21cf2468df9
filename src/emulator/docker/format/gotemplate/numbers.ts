/**
 * Number constants in templates, as parse.newNumber reads them with strconv.ParseUint,
 * ParseInt and ParseFloat (base prefixes 0x 0o 0b, leading-0 octal, `_` separators,
 * 'x' character constants). `1e3` is both a float and an int, like in Go.
 */
import type { NumberNode } from './nodes';
import { SyntaxError_, unquoteChar } from './quote';

const MAX_INT64 = (1n << 63n) - 1n;
const MAX_UINT64 = (1n << 64n) - 1n;

/** Returns the node, or the error message Go's parser reports. */
export function newNumber(pos: number, text: string, isChar: boolean, isComplex: boolean): NumberNode | string {
  const n: NumberNode = {
    type: 'number',
    pos,
    text,
    isInt: false,
    isUint: false,
    isFloat: false,
    isComplex: false,
    int: 0,
    float: 0,
    re: 0,
    im: 0,
  };
  if (isChar) return charConstant(n, text);
  if (isComplex) {
    const c = parseComplex(text);
    if (!c) return `expected complex; found ${text}`;
    return simplifyComplex(n, c[0], c[1]);
  }
  // Imaginary constants can only be complex unless they are zero.
  if (text.endsWith('i')) {
    const f = parseFloat64(text.slice(0, -1));
    if (f !== null) return simplifyComplex(n, 0, f);
  }
  const u = parseUint(text);
  const i = parseInt64(text);
  if (u !== null) n.isUint = true;
  if (i !== null) {
    n.isInt = true;
    n.int = Number(i);
    if (i === 0n) n.isUint = true; // in case of -0
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float = n.int;
  } else if (n.isUint) {
    n.isFloat = true;
    n.float = Number(u);
  } else {
    const f = parseFloat64(text);
    if (f !== null) {
      // Parsed as a float but looks like an integer: too large for int64.
      if (!/[.eEpP]/.test(text)) return `integer overflow: ${JSON.stringify(text)}`;
      n.isFloat = true;
      n.float = f;
      if (Number.isInteger(f) && Math.abs(f) <= 2 ** 63) {
        n.isInt = f < 2 ** 63;
        n.int = f;
        n.isUint = f >= 0;
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) return `illegal number syntax: ${JSON.stringify(text)}`;
  return n;
}

function simplifyComplex(n: NumberNode, re: number, im: number): NumberNode {
  n.isComplex = true;
  n.re = re;
  n.im = im;
  n.isFloat = im === 0;
  if (n.isFloat) {
    n.float = re;
    n.isInt = Number.isInteger(re);
    n.int = n.isInt ? re : 0;
    n.isUint = n.isInt && re >= 0;
  }
  return n;
}

/** "1+2i", "1.5e3-2i": the split is the last sign not inside an exponent. */
function parseComplex(text: string): [number, number] | null {
  for (let i = text.length - 2; i > 0; i--) {
    if ((text[i] === '+' || text[i] === '-') && !/[eEpP]/.test(text[i - 1])) {
      const re = parseFloat64(text.slice(0, i));
      const im = parseFloat64(text.slice(i, -1));
      return re === null || im === null ? null : [re, im];
    }
  }
  return null;
}

function charConstant(n: NumberNode, text: string): NumberNode | string {
  try {
    const r = unquoteChar(text, 1, "'");
    if (text.slice(r.next) !== "'") return `malformed character constant: ${text}`;
    n.isInt = n.isUint = n.isFloat = true;
    n.int = n.float = r.cp;
    return n;
  } catch (err) {
    if (err instanceof SyntaxError_) return err.message;
    throw err;
  }
}

/** underscoreOK from strconv: `_` only between digits or after a base prefix. */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1])) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** strconv.ParseUint(s, 0, 64). */
function parseUint(s: string): bigint | null {
  if (s === '' || s[0] === '-' || s[0] === '+') return null;
  if (s.includes('_') && !underscoreOK(s)) return null;
  let body = s.replace(/_/g, '');
  let base = 10;
  if (body[0] === '0') {
    const p = (body[1] ?? '').toLowerCase();
    if (body.length >= 3 && (p === 'b' || p === 'o' || p === 'x')) {
      base = p === 'b' ? 2 : p === 'o' ? 8 : 16;
      body = body.slice(2);
    } else {
      base = 8; // a leading 0 means octal
      body = body.slice(1);
    }
  }
  const digits = '0123456789abcdef'.slice(0, base);
  let v = 0n;
  for (const c of body.toLowerCase()) {
    const d = digits.indexOf(c);
    if (d < 0) return null;
    v = v * BigInt(base) + BigInt(d);
  }
  return v > MAX_UINT64 ? null : v;
}

/** strconv.ParseInt(s, 0, 64). */
function parseInt64(s: string): bigint | null {
  let neg = false;
  let body = s;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    body = s.slice(1);
  }
  const u = parseUint(body);
  if (u === null) return null;
  if (!neg && u > MAX_INT64) return null;
  if (neg && u > MAX_INT64 + 1n) return null;
  return neg ? -u : u;
}

/** strconv.ParseFloat(s, 64) for decimal and hexadecimal (0x1.8p3) forms. */
function parseFloat64(s: string): number | null {
  if (s.includes('_') && !underscoreOK(s)) return null;
  const t = s.replace(/_/g, '');
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  const m = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(t);
  if (!m || (m[2] === '' && m[3] === '')) return null;
  const mant = parseInt(m[2] + m[3] || '0', 16);
  const v = mant * 2 ** (Number(m[4]) - 4 * m[3].length);
  return m[1] === '-' ? -v : v;
}
