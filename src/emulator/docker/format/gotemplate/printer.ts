/**
 * The value printer of Go's fmt package (fmt/print.go printArg/printValue and
 * fmt/format.go), for the values of ../govalues.ts: verbs b c d e E f F g G o O q s t T
 * U v x X p with flags # 0 + - space, width and precision, `%!d(string=x)` for a verb
 * that does not fit, and %#v Go syntax with the type names govalues knows.
 * Not ported: precision on %x of floats, byte-slice specials. fmt.ts drives it.
 */
import { GoFloat, GoIface, GoNil, GoTagged, GoStringer, JsonNumber, isGoPointer, isPlainObject, structFields } from '../govalues';
import { runeCount, utf8Encode } from '../utf8';
import { formatFloat } from './floatfmt';
import { canBackquote, isPrint, quote, quoteRune, quoteRuneToASCII, quoteToASCII } from './quote';
import { GoComplex, INVALID, kindOf, sliceElems, sortedEntries, typeName } from './values';

export interface Flags {
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

export function clearFlags(): Flags {
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
export const defaultAddressOf: AddressOf = (obj) => {
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

export class Printer {
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
      if (v.inner !== null && v.inner !== undefined) this.printValue(v.inner, verb, depth + 1);
      else this.buf += this.f.sharpV ? 'interface {}(nil)' : nilAngle;
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
        // A nil pointer (or interface) inside a struct, slice or map.
        if (verb === 'v') this.padString(this.f.sharpV ? 'interface {}(nil)' : nilAngle);
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

  /** %#v of a nil slice or map: `[]string(nil)`. */
  private sharpNil(v: unknown): boolean {
    if (!this.f.sharpV || !(v instanceof GoNil)) return false;
    this.buf += typeName(v) + '(nil)';
    return true;
  }

  private printSlice(v: unknown[] | GoNil, verb: string, depth: number): void {
    if (this.sharpNil(v)) return;
    this.buf += this.f.sharpV ? typeName(v) + '{' : '[';
    sliceElems(v).forEach((e, i) => {
      if (i > 0) this.buf += this.f.sharpV ? ', ' : ' ';
      this.printValue(e, verb, depth + 1);
    });
    this.buf += this.f.sharpV ? '}' : ']';
  }

  private printMap(v: Map<unknown, unknown> | GoNil, verb: string, depth: number): void {
    if (this.sharpNil(v)) return;
    this.buf += this.f.sharpV ? typeName(v) + '{' : 'map[';
    sortedEntries(v).forEach(([k, e], i) => {
      if (i > 0) this.buf += this.f.sharpV ? ', ' : ' ';
      this.printValue(k, verb, depth + 1);
      this.buf += ':';
      this.printValue(e, verb, depth + 1);
    });
    this.buf += this.f.sharpV ? '}' : ']';
  }

  private printStruct(v: unknown, verb: string, depth: number): void {
    if (v instanceof GoStringer) {
      if (this.f.sharpV) this.fmtQ(v.text);
      else this.badVerb(verb, v);
      return;
    }
    if (this.f.sharpV) this.buf += typeName(v).replace(/^\*/, '');
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
    if (verb === 'v' && this.f.sharpV) {
      this.buf += `(${typeName(v)})(${addr})`;
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
    const c = floatConversion(verb);
    if (!c) {
      this.badVerb(verb, new GoFloat(v));
      return;
    }
    const { conv } = c;
    let { prec } = c;
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

/** The strconv format and default precision fmt uses for a float verb. */
function floatConversion(verb: string): { conv: 'e' | 'E' | 'f' | 'g' | 'G' | 'x' | 'X' | 'b'; prec: number } | null {
  switch (verb) {
    case 'v':
      return { conv: 'g', prec: -1 };
    case 'g':
    case 'G':
    case 'x':
    case 'X':
    case 'b':
      return { conv: verb, prec: -1 };
    case 'e':
    case 'E':
      return { conv: verb, prec: 6 };
    case 'f':
    case 'F':
      return { conv: 'f', prec: 6 };
    default:
      return null;
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
