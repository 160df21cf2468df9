/**
 * Go's fmt.Sprint, Sprintln and Sprintf (fmt/print.go doPrint, doPrintln, doPrintf) over
 * printer.ts, plus the `%v` printing text/template uses for `{{.X}}`. Sprintf handles
 * flags, width and precision (also `*`), argument indexes `%[n]d`, and the
 * `%!d(MISSING)`, `%!d(BADINDEX)`, `%!(BADWIDTH)`, `%!(EXTRA …)`, `%!(NOVERB)` forms.
 */
import { JsonNumber } from '../govalues';
import { type AddressOf, Printer, clearFlags, defaultAddressOf } from './printer';
import { kindOf, typeName } from './values';

export { type AddressOf, pointerAddress, resetDefaultAddresses } from './printer';

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

/** Where doPrintf is in the format and the arguments. */
interface PrintfState {
  chars: string[];
  i: number;
  argNum: number;
  reordered: boolean;
  goodArgNum: boolean;
  afterIndex: boolean;
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: unknown[], addressOf: AddressOf = defaultAddressOf): string {
  const p = new Printer(addressOf);
  const st: PrintfState = { chars: [...format], i: 0, argNum: 0, reordered: false, goodArgNum: true, afterIndex: false };
  const end = st.chars.length;
  while (st.i < end) {
    st.goodArgNum = true;
    const start = st.i;
    while (st.i < end && st.chars[st.i] !== '%') st.i++;
    p.buf += st.chars.slice(start, st.i).join('');
    if (st.i >= end) break;
    st.i++;
    p.f = clearFlags();
    parseDirective(p, st, args);
    if (st.i >= end) {
      p.buf += '%!(NOVERB)';
      break;
    }
    formatVerb(p, st, st.chars[st.i++], args);
  }
  if (!st.reordered && st.argNum < args.length) writeExtra(p, args.slice(st.argNum));
  return p.buf;
}

/** Flags, argument index, width and precision of one `%` directive. */
function parseDirective(p: Printer, st: PrintfState, args: unknown[]): void {
  st.i = parseFlags(p, st.chars, st.i);
  argNumber(st, args.length);
  parseWidth(p, st, args);
  parsePrecision(p, st, args);
  if (!st.afterIndex) argNumber(st, args.length);
}

function parseWidth(p: Printer, st: PrintfState, args: unknown[]): void {
  if (st.i < st.chars.length && st.chars[st.i] === '*') {
    st.i++;
    const w = intFromArg(args, st);
    p.f.wid = w.num;
    p.f.widPresent = w.isInt;
    if (!w.isInt) p.buf += '%!(BADWIDTH)';
    // A negative width means left-justified.
    if (p.f.wid < 0) {
      p.f.wid = -p.f.wid;
      p.f.minus = true;
      p.f.zero = false;
    }
    st.afterIndex = false;
    return;
  }
  const n = parseNum(st.chars, st.i, st.chars.length);
  p.f.wid = n.num;
  p.f.widPresent = n.isNum;
  st.i = n.next;
  if (st.afterIndex && p.f.widPresent) st.goodArgNum = false; // "%[3]2d"
}

function parsePrecision(p: Printer, st: PrintfState, args: unknown[]): void {
  if (!(st.i + 1 < st.chars.length && st.chars[st.i] === '.')) return;
  st.i++;
  if (st.afterIndex) st.goodArgNum = false; // "%[3].2d"
  argNumber(st, args.length);
  if (st.i < st.chars.length && st.chars[st.i] === '*') {
    st.i++;
    const pr = intFromArg(args, st);
    p.f.prec = pr.num;
    p.f.precPresent = pr.isInt;
    // Negative precision arguments don't make sense.
    if (p.f.prec < 0) {
      p.f.prec = 0;
      p.f.precPresent = false;
    }
    if (!p.f.precPresent) p.buf += '%!(BADPREC)';
    st.afterIndex = false;
    return;
  }
  const n = parseNum(st.chars, st.i, st.chars.length);
  p.f.prec = n.isNum ? n.num : 0;
  p.f.precPresent = true;
  st.i = n.next;
}

function writeExtra(p: Printer, extra: unknown[]): void {
  p.f = clearFlags();
  p.buf += '%!(EXTRA ';
  extra.forEach((arg, k) => {
    if (k > 0) p.buf += ', ';
    if (arg === null || arg === undefined) p.buf += '<nil>';
    else {
      p.buf += typeName(arg) + '=';
      p.printArg(arg, 'v');
    }
  });
  p.buf += ')';
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

function formatVerb(p: Printer, st: PrintfState, verb: string, args: unknown[]): void {
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

/** An explicit argument index `[n]` at st.i (1-based in the format). */
function argNumber(st: PrintfState, numArgs: number): void {
  st.afterIndex = false;
  const { chars, i } = st;
  if (chars.length <= i || chars[i] !== '[') return;
  st.reordered = true;
  const close = chars.indexOf(']', i + 1);
  if (chars.length - i < 3 || close < 0) {
    st.goodArgNum = false;
    st.i = i + 1;
    return;
  }
  const n = parseNum(chars, i + 1, close);
  st.i = close + 1;
  if (!n.isNum || n.next !== close) {
    st.goodArgNum = false;
    return;
  }
  st.afterIndex = true;
  if (n.num - 1 >= 0 && n.num - 1 < numArgs) st.argNum = n.num - 1;
  else st.goodArgNum = false;
}

function intFromArg(args: unknown[], st: PrintfState): { num: number; isInt: boolean } {
  if (st.argNum >= args.length) return { num: 0, isInt: false };
  const a = args[st.argNum++];
  const isInt = kindOf(a) === 'int';
  const num = isInt ? Number(a) : 0;
  if (!isInt || Math.abs(num) > TOO_LARGE) return { num: 0, isInt: false };
  return { num, isInt: true };
}
