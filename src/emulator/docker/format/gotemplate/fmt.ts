/**
 * Go's fmt package, for the values of ../govalues.ts: Sprint, Sprintln, Sprintf and the
 * `%v` printing text/template uses for `{{.X}}`. Ported from Go's fmt/print.go and
 * fmt/format.go: verbs b c d e E f F g G o O q s t T U v x X p %, flags # 0 + - space,
 * width/precision (also `*`), argument indexes `%[n]d`, and the `%!d(string=x)`,
 * `%!d(MISSING)`, `%!(EXTRA …)`, `%!(NOVERB)` error forms, and %#v Go syntax (with the
 * type names govalues knows). Not ported: precision on %x of floats, byte-slice specials.
 */
import { GoFloat, GoIface, GoNil, GoTagged, GoStringer, JsonNumber, isGoPointer, isPlainObject, structFields } from '../govalues';
import { runeCount, utf8Encode } from '../utf8';
import { formatFloat } from './floatfmt';
import { canBackquote, isPrint, quote, quoteRune, quoteRuneToASCII, quoteToASCII } from './quote';
import { GoComplex, INVALID, kindOf, sliceElems, sortedEntries, typeName } from './values';

interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
  wid: number;
  widPresent: boolean;
  prec: number;
  precPresent: boolean;
}

function clearFlags(): Flags {
  return {
    plus: false,
    minus: false,
    sharp: false,
    space: false,
    zero: false,
    plusV: false,
    sharpV: false,
    wid: 0,
    widPresent: false,
    prec: 0,
    precPresent: false,
  };
}

/** Gives each pointer-marked struct a stable fake address within one execution. */
export type AddressOf = (obj: object) => string;

let defaultAddresses = new WeakMap<object, string>();
let nextDefault = 0;
const defaultAddressOf: AddressOf = (obj) => {
  let a = defaultAddresses.get(obj);
  if (!a) {
    a = pointerAddress(nextDefault++);
    defaultAddresses.set(obj, a);
  }
  return a;
};

/** Go heap addresses look like 0xc0004a2000 (REFERENCE 5); the values are invented. */
export function pointerAddress(n: number): string {
  return '0x' + (0xc0004a2000 + n * 0x1c0).toString(16);
}

/** Resets the addresses handed out when no per-execution AddressOf is given (tests). */
export function resetDefaultAddresses(): void {
  defaultAddresses = new WeakMap();
  nextDefault = 0;
}

const nilAngle = '<nil>';

class Printer {
  buf = '';
  f: Flags = clearFlags();
  private arg: unknown = INVALID;

  constructor(private readonly addressOf: AddressOf) {}

  /** printArg: a top-level operand. `null` is a nil interface. */
  printArg(arg: unknown, verb: string, derefTop = false): void {
    this.arg = arg;
    if (arg === null || arg === undefined || arg === INVALID) {
      if (verb === 'T' || verb === 'v') this.padString(nilAngle);
      else this.badVerb(verb, null);
      return;
    }
    if (verb === 'T') {
      this.fmtS(typeName(arg));
      return;
    }
    if (verb === 'p') {
      this.fmtPointer(arg, 'p');
      return;
    }
    if (this.handleMethods(arg, verb)) return;
    this.printValue(arg, verb, 0, derefTop);
  }

  /** Stringer/json.Number: for string verbs their String() text is printed. */
  private handleMethods(v: unknown, verb: string): boolean {
    if (this.f.sharpV) return false;
    if (!'vsxXq'.includes(verb)) return false;
    if (v instanceof GoStringer) this.fmtString(v.text, verb);
    else if (v instanceof JsonNumber) this.fmtString(v.text, verb);
    else return false;
    return true;
  }

  /** `deref`: print a pointer-marked struct as the struct itself (it was followed already). */
  printValue(v: unknown, verb: string, depth: number, deref = false): void {
    if (depth > 0 && this.handleMethods(v, verb)) return;
    if (v instanceof GoTagged) v = v.value;
    if (v instanceof GoIface) {
      if (v.inner === null || v.inner === undefined) this.buf += nilAngle;
      else this.printValue(v.inner, verb, depth + 1);
      return;
    }
    if (isGoPointer(v) && !deref) {
      if (depth === 0) {
        this.buf += '&';
        this.printValue(v, verb, depth + 1, true);
      } else this.fmtPointer(v, verb);
      return;
    }
    this.printKind(v, verb, depth);
  }

  private printKind(v: unknown, verb: string, depth: number): void {
    switch (kindOf(v)) {
      case 'invalid':
        this.buf += depth === 0 ? '<invalid reflect.Value>' : nilAngle;
        return;
      case 'nil':
        // A nil pointer inside a struct, slice or map.
        if (verb === 'v') this.padString(nilAngle);
        else this.badVerb(verb, v);
        return;
      case 'bool':
        this.fmtBool(v as boolean, verb);
        return;
      case 'int':
        this.fmtInteger(BigInt(v as number | bigint), verb);
        return;
      case 'float':
        this.fmtFloat(v instanceof GoFloat ? v.value : (v as number), verb);
        return;
      case 'complex':
        this.fmtComplex(v as GoComplex, verb);
        return;
      case 'string':
        this.fmtString(v instanceof JsonNumber ? v.text : (v as string), verb);
        return;
      case 'slice':
        this.printSlice(v as unknown[] | GoNil, verb, depth);
        return;
      case 'map':
        this.printMap(v as Map<unknown, unknown> | GoNil, verb, depth);
        return;
      case 'struct':
        this.printStruct(v, verb, depth);
        return;
      default:
        this.buf += '{}';
    }
  }

  private printSlice(v: unknown[] | GoNil, verb: string, depth: number): void {
    this.buf += '[';
    sliceElems(v).forEach((e, i) => {
      if (i > 0) this.buf += ' ';
      this.printValue(e, verb, depth + 1);
    });
    this.buf += ']';
  }

  private printMap(v: Map<unknown, unknown> | GoNil, verb: string, depth: number): void {
    this.buf += 'map[';
    sortedEntries(v).forEach(([k, e], i) => {
      if (i > 0) this.buf += ' ';
      this.printValue(k, verb, depth + 1);
      this.buf += ':';
      this.printValue(e, verb, depth + 1);
    });
    this.buf += ']';
  }

  private printStruct(v: unknown, verb: string, depth: number): void {
    if (v instanceof GoStringer) {
      this.badVerb(verb, v);
      return;
    }
    this.buf += '{';
    const fields = isPlainObject(v) ? structFields(v) : [];
    fields.forEach(([name, e], i) => {
      if (i > 0) this.buf += this.f.sharpV ? ', ' : ' ';
      if (this.f.plusV || this.f.sharpV) this.buf += name + ':';
      this.printValue(e, verb, depth + 1);
    });
    this.buf += '}';
  }

  private fmtPointer(v: unknown, verb: string): void {
    const addr = typeof v === 'object' && v !== null && isGoPointer(v) ? this.addressOf(v) : '';
    if (!addr) {
      this.badVerb(verb, v);
      return;
    }
    if (verb === 'v' || verb === 'p') {
      this.padString(this.f.sharp && verb === 'p' ? addr.slice(2) : addr);
      return;
    }
    if ('bodxX'.includes(verb)) this.fmtInteger(BigInt(addr), verb);
    else this.badVerb(verb, v);
  }

  badVerb(verb: string, v: unknown): void {
    this.buf += '%!' + verb + '(';
    if (v === null || v === undefined || v === INVALID) this.buf += nilAngle;
    else {
      this.buf += typeName(v) + '=';
      this.printArg(v, 'v');
    }
    this.buf += ')';
  }

  fmtBool(b: boolean, verb: string): void {
    if (verb === 't' || verb === 'v') this.padString(b ? 'true' : 'false');
    else this.badVerb(verb, b);
  }

  fmtString(s: string, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV) this.fmtQ(s);
        else this.fmtS(s);
        return;
      case 's':
        this.fmtS(s);
        return;
      case 'x':
      case 'X':
        this.fmtSx(s, verb === 'X');
        return;
      case 'q':
        this.fmtQ(s);
        return;
      default:
        this.badVerb(verb, s);
    }
  }

  private truncate(s: string): string {
    if (!this.f.precPresent) return s;
    return [...s].slice(0, this.f.prec).join('');
  }

  fmtS(s: string): void {
    this.padString(this.truncate(s));
  }

  fmtQ(s: string): void {
    s = this.truncate(s);
    if (this.f.sharp && canBackquote(s)) this.padString('`' + s + '`');
    else this.padString(this.f.plus ? quoteToASCII(s) : quote(s));
  }

  private fmtSx(s: string, upper: boolean): void {
    const digits = upper ? '0123456789ABCDEF' : '0123456789abcdef';
    let bytes = utf8Encode(s);
    if (this.f.precPresent && this.f.prec < bytes.length) bytes = bytes.slice(0, this.f.prec);
    let width = 2 * bytes.length;
    if (width === 0) {
      if (this.f.widPresent) this.writePadding(this.f.wid);
      return;
    }
    if (this.f.space) {
      if (this.f.sharp) width *= 2;
      width += bytes.length - 1;
    } else if (this.f.sharp) width += 2;
    if (this.f.widPresent && this.f.wid > width && !this.f.minus) this.writePadding(this.f.wid - width);
    const prefix = upper ? '0X' : '0x';
    let out = this.f.sharp ? prefix : '';
    bytes.forEach((b, i) => {
      if (this.f.space && i > 0) out += ' ' + (this.f.sharp ? prefix : '');
      out += digits[b >> 4] + digits[b & 15];
    });
    this.buf += out;
    if (this.f.widPresent && this.f.wid > width && this.f.minus) this.writePadding(this.f.wid - width);
  }

  fmtInteger(v: bigint, verb: string): void {
    switch (verb) {
      case 'v':
      case 'd':
        this.fmtIntegerBase(v, 10, verb, false);
        return;
      case 'b':
        this.fmtIntegerBase(v, 2, verb, false);
        return;
      case 'o':
      case 'O':
        this.fmtIntegerBase(v, 8, verb, false);
        return;
      case 'x':
      case 'X':
        this.fmtIntegerBase(v, 16, verb, verb === 'X');
        return;
      case 'c':
        this.padString(String.fromCodePoint(validRune(v)));
        return;
      case 'q':
        this.fmtQc(v);
        return;
      case 'U':
        this.fmtUnicode(v);
        return;
      default:
        this.badVerb(verb, v);
    }
  }

  /** fmt.fmtInteger: precision or zero flag give leading zeros; then prefix and sign. */
  private fmtIntegerBase(v: bigint, base: number, verb: string, upper: boolean): void {
    const negative = v < 0n;
    const u = negative ? -v : v;
    let prec = 0;
    if (this.f.precPresent) {
      prec = this.f.prec;
      if (prec === 0 && u === 0n) {
        const oldZero = this.f.zero;
        this.f.zero = false;
        this.writePadding(this.f.wid);
        this.f.zero = oldZero;
        return;
      }
    } else if (this.f.zero && !this.f.minus && this.f.widPresent) {
      prec = this.f.wid;
      if (negative || this.f.plus || this.f.space) prec--;
    }
    let digits = u.toString(base);
    if (upper) digits = digits.toUpperCase();
    if (digits.length < prec) digits = '0'.repeat(prec - digits.length) + digits;
    if (this.f.sharp) {
      if (base === 2) digits = '0b' + digits;
      else if (base === 8 && digits[0] !== '0') digits = '0' + digits;
      else if (base === 16) digits = (upper ? '0X' : '0x') + digits;
    }
    if (verb === 'O') digits = '0o' + digits;
    if (negative) digits = '-' + digits;
    else if (this.f.plus) digits = '+' + digits;
    else if (this.f.space) digits = ' ' + digits;
    const oldZero = this.f.zero;
    this.f.zero = false;
    this.padString(digits);
    this.f.zero = oldZero;
  }

  private fmtQc(v: bigint): void {
    const r = validRune(v);
    if (this.f.sharp && canBackquote(String.fromCodePoint(r))) this.padString('`' + String.fromCodePoint(r) + '`');
    else this.padString(this.f.plus ? quoteRuneToASCII(r) : quoteRune(r));
  }

  private fmtUnicode(v: bigint): void {
    let s = 'U+' + (v < 0n ? (v & 0xffffffffffffffffn) : v).toString(16).toUpperCase();
    const prec = this.f.precPresent && this.f.prec > 4 ? this.f.prec : 4;
    s = 'U+' + s.slice(2).padStart(prec, '0');
    if (this.f.sharp && v >= 0n && v <= 0x10ffffn && isPrint(Number(v))) {
      s += " '" + String.fromCodePoint(Number(v)) + "'";
    }
    const oldZero = this.f.zero;
    this.f.zero = false;
    this.padString(s);
    this.f.zero = oldZero;
  }

  /** Complex numbers print as (re+imi), the imaginary part always signed. */
  private fmtComplex(v: GoComplex, verb: string): void {
    if (!'vbgGxXfFeE'.includes(verb)) {
      this.badVerb(verb, v);
      return;
    }
    const oldPlus = this.f.plus;
    this.buf += '(';
    this.fmtFloat(v.re, verb);
    this.f.plus = true;
    this.fmtFloat(v.im, verb);
    this.buf += 'i)';
    this.f.plus = oldPlus;
  }

  fmtFloat(v: number, verb: string): void {
    let conv: 'e' | 'E' | 'f' | 'g' | 'G' | 'x' | 'X' | 'b';
    let prec: number;
    switch (verb) {
      case 'v':
        conv = 'g';
        prec = -1;
        break;
      case 'g':
      case 'G':
      case 'x':
      case 'X':
      case 'b':
        conv = verb;
        prec = -1;
        break;
      case 'e':
      case 'E':
        conv = verb;
        prec = 6;
        break;
      case 'f':
      case 'F':
        conv = 'f';
        prec = 6;
        break;
      default:
        this.badVerb(verb, new GoFloat(v));
        return;
    }
    if (this.f.precPresent && conv !== 'x' && conv !== 'X' && conv !== 'b') prec = this.f.prec;
    let num = formatFloat(v, conv, prec);
    if (num[0] !== '-' && num[0] !== '+') num = '+' + num;
    if (this.f.space && num[0] === '+' && !this.f.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      const oldZero = this.f.zero;
      this.f.zero = false;
      if (num[1] === 'N' && !this.f.space && !this.f.plus) num = num.slice(1);
      this.padString(num);
      this.f.zero = oldZero;
      return;
    }
    if (this.f.sharp && conv !== 'b') num = sharpFloat(num, conv, prec);
    if (this.f.plus || num[0] !== '+') {
      if (this.f.zero && !this.f.minus && this.f.widPresent && this.f.wid > num.length) {
        this.buf += num[0];
        this.writePadding(this.f.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.padString(num);
      return;
    }
    this.padString(num.slice(1));
  }

  writePadding(n: number): void {
    if (n <= 0) return;
    this.buf += (this.f.zero ? '0' : ' ').repeat(n);
  }

  /** fmt.padString: width counts runes; `-` pads right with spaces. */
  padString(s: string): void {
    if (!this.f.widPresent || this.f.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.f.wid - runeCount(s);
    if (!this.f.minus) {
      this.writePadding(width);
      this.buf += s;
    } else {
      this.buf += s;
      this.writePadding(width);
    }
  }
}

/**
 * The `#` flag on floats: always a decimal point, and for %g/%x the trailing zeros kept
 * up to the precision (6 when unset), as fmt/format.go does.
 */
function sharpFloat(num: string, verb: string, prec: number): string {
  let digits = 0;
  if (verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x') digits = prec === -1 ? 6 : prec;
  let tail = '';
  let hasDecimalPoint = false;
  let sawNonzeroDigit = false;
  for (let i = 1; i < num.length; i++) {
    const c = num[i];
    if (c === '.') hasDecimalPoint = true;
    else if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X')) {
      tail = num.slice(i);
      num = num.slice(0, i);
      break;
    } else {
      if (c !== '0') sawNonzeroDigit = true;
      if (sawNonzeroDigit) digits--;
    }
  }
  if (!hasDecimalPoint) {
    if (num.length === 2 && num[1] === '0') digits--;
    num += '.';
  }
  if (digits > 0) num += '0'.repeat(digits);
  return num + tail;
}

function validRune(v: bigint): number {
  if (v < 0n || v > 0x10ffffn) return 0xfffd;
  const n = Number(v);
  return n >= 0xd800 && n <= 0xdfff ? 0xfffd : n;
}


function isStringArg(arg: unknown): boolean {
  return typeof arg === 'string' || arg instanceof JsonNumber;
}

/** fmt.Sprint: a space between operands when neither side is a string. */
export function sprint(args: unknown[], addressOf: AddressOf = defaultAddressOf): string {
  const p = new Printer(addressOf);
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = isStringArg(arg);
    if (i > 0 && !isString && !prevString) p.buf += ' ';
    p.printArg(arg, 'v');
    prevString = isString;
  });
  return p.buf;
}

/** fmt.Sprintln: spaces between all operands, then a newline. */
export function sprintln(args: unknown[], addressOf: AddressOf = defaultAddressOf): string {
  const p = new Printer(addressOf);
  args.forEach((arg, i) => {
    if (i > 0) p.buf += ' ';
    p.printArg(arg, 'v');
  });
  return p.buf + '\n';
}

/**
 * How text/template prints an action's value: fmt.Fprint of the value, after
 * printableValue has followed a top-level pointer (so a *struct prints as {…}, not &{…}).
 */
export function printTop(value: unknown, addressOf: AddressOf = defaultAddressOf): string {
  const p = new Printer(addressOf);
  p.printArg(value, 'v', true);
  return p.buf;
}

/** Values above this are refused as widths/precisions, as fmt's tooLarge does. */
const TOO_LARGE = 1e6;

/** fmt.Sprintf. */
export function sprintf(format: string, args: unknown[], addressOf: AddressOf = defaultAddressOf): string {
  const p = new Printer(addressOf);
  const st = { argNum: 0, reordered: false, goodArgNum: true };
  const chars = [...format];
  const end = chars.length;
  let i = 0;
  while (i < end) {
    st.goodArgNum = true;
    const lasti = i;
    while (i < end && chars[i] !== '%') i++;
    if (i > lasti) p.buf += chars.slice(lasti, i).join('');
    if (i >= end) break;
    i++;
    p.f = clearFlags();
    i = parseFlags(p, chars, i);
    let afterIndex: boolean;
    ({ i, afterIndex } = argNumber(st, chars, i, args.length));
    if (i < end && chars[i] === '*') {
      i++;
      const w = intFromArg(args, st);
      p.f.wid = w.num;
      p.f.widPresent = w.isInt;
      if (!w.isInt) p.buf += '%!(BADWIDTH)';
      if (p.f.wid < 0) {
        p.f.wid = -p.f.wid;
        p.f.minus = true;
        p.f.zero = false;
      }
      afterIndex = false;
    } else {
      const n = parseNum(chars, i, end);
      p.f.wid = n.num;
      p.f.widPresent = n.isNum;
      i = n.next;
      if (afterIndex && p.f.widPresent) st.goodArgNum = false;
    }
    if (i + 1 < end && chars[i] === '.') {
      i++;
      if (afterIndex) st.goodArgNum = false;
      ({ i, afterIndex } = argNumber(st, chars, i, args.length));
      if (i < end && chars[i] === '*') {
        i++;
        const pr = intFromArg(args, st);
        p.f.prec = pr.num;
        p.f.precPresent = pr.isInt;
        // Negative precision arguments don't make sense.
        if (p.f.prec < 0) {
          p.f.prec = 0;
          p.f.precPresent = false;
        }
        if (!p.f.precPresent) p.buf += '%!(BADPREC)';
        afterIndex = false;
      } else {
        const n = parseNum(chars, i, end);
        p.f.prec = n.isNum ? n.num : 0;
        p.f.precPresent = true;
        i = n.next;
      }
    }
    if (!afterIndex) ({ i, afterIndex } = argNumber(st, chars, i, args.length));
    if (i >= end) {
      p.buf += '%!(NOVERB)';
      break;
    }
    const verb = chars[i++];
    formatVerb(p, st, verb, args);
  }
  if (!st.reordered && st.argNum < args.length) {
    p.f = clearFlags();
    p.buf += '%!(EXTRA ';
    args.slice(st.argNum).forEach((arg, k) => {
      if (k > 0) p.buf += ', ';
      if (arg === null || arg === undefined) p.buf += nilAngle;
      else {
        p.buf += typeName(arg) + '=';
        p.printArg(arg, 'v');
      }
    });
    p.buf += ')';
  }
  return p.buf;
}

function parseFlags(p: Printer, chars: string[], i: number): number {
  for (; i < chars.length; i++) {
    switch (chars[i]) {
      case '#':
        p.f.sharp = true;
        break;
      case '0':
        p.f.zero = !p.f.minus; // Only allow zero padding to the left.
        break;
      case '+':
        p.f.plus = true;
        break;
      case '-':
        p.f.minus = true;
        p.f.zero = false;
        break;
      case ' ':
        p.f.space = true;
        break;
      default:
        return i;
    }
  }
  return i;
}

interface ArgState {
  argNum: number;
  reordered: boolean;
  goodArgNum: boolean;
}

function formatVerb(p: Printer, st: ArgState, verb: string, args: unknown[]): void {
  if (verb === '%') {
    p.buf += '%';
    return;
  }
  if (!st.goodArgNum) {
    p.buf += '%!' + verb + '(BADINDEX)';
    return;
  }
  if (st.argNum >= args.length) {
    p.buf += '%!' + verb + '(MISSING)';
    return;
  }
  if (verb === 'v') {
    // Go syntax, then struct-field syntax.
    p.f.sharpV = p.f.sharp;
    p.f.sharp = false;
    p.f.plusV = p.f.plus;
    p.f.plus = false;
  }
  if (verb === 'w') verb = 'v';
  p.printArg(args[st.argNum], verb);
  st.argNum++;
}

function parseNum(chars: string[], start: number, end: number): { num: number; isNum: boolean; next: number } {
  let num = 0;
  let isNum = false;
  let i = start;
  for (; i < end && chars[i] >= '0' && chars[i] <= '9'; i++) {
    if (num > TOO_LARGE) return { num: 0, isNum: false, next: end };
    num = num * 10 + Number(chars[i]);
    isNum = true;
  }
  return { num, isNum, next: i };
}

function argNumber(
  st: ArgState,
  chars: string[],
  i: number,
  numArgs: number,
): { i: number; afterIndex: boolean } {
  if (chars.length <= i || chars[i] !== '[') return { i, afterIndex: false };
  st.reordered = true;
  let close = -1;
  for (let k = i + 1; k < chars.length; k++) {
    if (chars[k] === ']') {
      close = k;
      break;
    }
  }
  if (chars.length - i < 3 || close < 0) {
    st.goodArgNum = false;
    return { i: i + 1, afterIndex: false };
  }
  const n = parseNum(chars, i + 1, close);
  if (!n.isNum || n.next !== close) {
    st.goodArgNum = false;
    return { i: close + 1, afterIndex: false };
  }
  const index = n.num - 1;
  if (index >= 0 && index < numArgs) {
    st.argNum = index;
    return { i: close + 1, afterIndex: true };
  }
  st.goodArgNum = false;
  return { i: close + 1, afterIndex: true };
}

function intFromArg(args: unknown[], st: ArgState): { num: number; isInt: boolean } {
  if (st.argNum >= args.length) return { num: 0, isInt: false };
  const a = args[st.argNum++];
  const isInt = kindOf(a) === 'int';
  const num = isInt ? Number(a) : 0;
  if (!isInt || Math.abs(num) > TOO_LARGE) return { num: 0, isInt: false };
  return { num, isInt: true };
}
