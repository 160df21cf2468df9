/**
 * The function table: Go's text/template builtins (src/text/template/funcs.go) with
 * their signatures, because the executor checks argument counts and types against
 * them exactly as reflect would (`wrong number of args for len: want 1 got 0`).
 * Only functions in a table can ever be called by a template.
 */
import { GoNil, GoStringer, anyElements, hasAnyElements, isGoPointer, isPlainObject, structFields } from '../govalues';
import { utf8Decode, utf8Encode, compareGoStrings } from '../utf8';
import { type AddressOf, sprint, sprintf, sprintln } from './fmt';
import {
  GoComplex,
  INVALID,
  floatValue,
  indirect,
  indirectInterface,
  isTrue,
  kindOf,
  lengthOf,
  mapGet,
  mapKeyType,
  mapZero,
  sliceElems,
  stringValue,
  typeName,
} from './values';
import { isPrint } from './quote';

/**
 * Parameter types: 'value' is reflect.Value (the raw value, even a missing one),
 * 'any' is interface{}, 'strings' is []string.
 */
export type ParamType = 'value' | 'any' | 'string' | 'int' | 'strings';

export interface FuncContext {
  addressOf: AddressOf;
  /** Claims room for a result of n characters; throws when the budget is spent. */
  reserve(n: number): void;
}

export interface GoFunc {
  params: ParamType[];
  /** Element type of a final variadic parameter. */
  variadic?: ParamType;
  fn(args: unknown[], ctx: FuncContext): unknown;
}

export type FuncTable = ReadonlyMap<string, GoFunc>;

/** An error returned (or a panic recovered) by a function: `error calling len: …`. */
export class FuncError extends Error {}

const fail = (message: string): never => {
  throw new FuncError(message);
};

// ---- comparison (funcs.go eq, lt, …) ---------------------------------------------

type BasicKind = 'bool' | 'int' | 'float' | 'complex' | 'string' | 'invalid';

function basicKind(v: unknown): BasicKind {
  const k = kindOf(v);
  return k === 'bool' || k === 'int' || k === 'float' || k === 'complex' || k === 'string' ? k : 'invalid';
}

function isNilValue(v: unknown): boolean {
  const k = kindOf(v);
  return k === 'invalid' || k === 'nil' || v instanceof GoNil;
}

function basicEqual(k: BasicKind, a: unknown, b: unknown): boolean {
  if (k === 'string') return stringValue(a) === stringValue(b);
  if (k === 'int') return BigInt(a as number | bigint) === BigInt(b as number | bigint);
  if (k === 'float') return floatValue(a) === floatValue(b);
  if (k === 'complex') return (a as GoComplex).re === (b as GoComplex).re && (a as GoComplex).im === (b as GoComplex).im;
  return a === b;
}

/** Go's Type.Comparable: slices, maps and structs holding them cannot be compared with ==. */
function comparable(v: unknown): boolean {
  const k = kindOf(v);
  if (k === 'slice' || k === 'map' || k === 'opaque') return false;
  if (isPlainObject(v) && !isGoPointer(v)) return structFields(v).every(([, f]) => comparable(f));
  return true;
}

/** `==` on comparable values: pointers by identity, structs field by field. */
function goEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isGoPointer(a) || isGoPointer(b)) return false;
  if (a instanceof GoStringer || b instanceof GoStringer) {
    return a instanceof GoStringer && b instanceof GoStringer && a.text === b.text && a.typeName === b.typeName;
  }
  const k = basicKind(a);
  if (k !== 'invalid') return basicKind(b) === k && basicEqual(k, a, b);
  if (!isPlainObject(a) || !isPlainObject(b)) return isNilValue(a) && isNilValue(b);
  const fa = structFields(a);
  const fb = structFields(b);
  return fa.length === fb.length && fa.every(([key, v], i) => key === fb[i][0] && goEqual(v, fb[i][1]));
}

export function eq(arg1: unknown, ...rest: unknown[]): boolean {
  arg1 = indirectInterface(arg1);
  if (rest.length === 0) fail('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (let arg of rest) {
    arg = indirectInterface(arg);
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      if (arg1 !== INVALID && arg !== INVALID) fail('incompatible types for comparison');
    } else if (k1 !== 'invalid') {
      truth = basicEqual(k1, arg1, arg);
    } else {
      const same = kindOf(arg1) === kindOf(arg) || arg1 === INVALID || arg === INVALID;
      if (!same) {
        fail(`non-comparable types ${sprint([arg1])}: ${typeName(arg1)}, ${typeName(arg)}: ${sprint([arg])}`);
      }
      if (isNilValue(arg1) || isNilValue(arg)) truth = isNilValue(arg) === isNilValue(arg1);
      else if (!comparable(arg)) fail(`non-comparable type ${sprint([arg])}: ${typeName(arg)}`);
      else truth = goEqual(arg1, arg);
    }
    if (truth) return true;
  }
  return false;
}

export function lt(arg1: unknown, arg2: unknown): boolean {
  arg1 = indirectInterface(arg1);
  arg2 = indirectInterface(arg2);
  const k1 = basicKind(arg1);
  const k2 = basicKind(arg2);
  if (k1 === 'invalid' || k2 === 'invalid') fail('invalid type for comparison');
  if (k1 !== k2) fail('incompatible types for comparison');
  switch (k1) {
    case 'bool':
    case 'complex':
      return fail('invalid type for comparison');
    case 'string':
      return compareGoStrings(stringValue(arg1), stringValue(arg2)) < 0;
    case 'int':
      return BigInt(arg1 as number | bigint) < BigInt(arg2 as number | bigint);
    default:
      return floatValue(arg1) < floatValue(arg2);
  }
}

const le = (a: unknown, b: unknown): boolean => lt(a, b) || eq(a, b);

// ---- index, slice, len ------------------------------------------------------------

function indexArg(index: unknown, cap: number): number {
  const k = kindOf(index);
  if (k === 'invalid' || k === 'nil') fail('cannot index slice/array with nil');
  if (k !== 'int') fail(`cannot index slice/array with type ${typeName(index)}`);
  const x = Number(index);
  if (x < 0 || x > cap) fail(`index out of range: ${x}`);
  return x;
}

function index(item: unknown, ...indexes: unknown[]): unknown {
  item = indirectInterface(item);
  if (item === INVALID) fail('index of untyped nil');
  for (let ix of indexes) {
    ix = indirectInterface(ix);
    const ind = indirect(item);
    if (ind.isNil) fail('index of nil pointer');
    item = ind.value;
    const k = kindOf(item);
    if (k === 'slice' || k === 'string') {
      const len = lengthOf(item);
      const x = indexArg(ix, len);
      if (x === len) fail(`reflect: ${k === 'string' ? 'string' : 'slice'} index out of range`);
      item = k === 'string' ? utf8Encode(stringValue(item))[x] : sliceElems(item as unknown[])[x];
    } else if (k === 'map') {
      item = mapIndex(item as Map<unknown, unknown> | GoNil, ix);
    } else {
      fail(`can't index item of type ${typeName(item)}`);
    }
  }
  return item;
}

/** prepareArg: the key must be assignable to the map's key type. */
function mapIndex(m: Map<unknown, unknown> | GoNil, key: unknown): unknown {
  const keyType = mapKeyType(m);
  if (key === INVALID) fail(`value is nil; should be of type ${keyType}`);
  const keyOk = keyType === 'string' ? typeof key === 'string' : keyType === 'int' && kindOf(key) === 'int';
  if (!keyOk) fail(`value has type ${typeName(key)}; should be ${keyType}`);
  const got = mapGet(m, typeof key === 'bigint' ? Number(key) : key);
  return got.found ? got.value : mapZero(m);
}

function slice(item: unknown, ...indexes: unknown[]): unknown {
  item = indirectInterface(item);
  if (item === INVALID) fail('slice of untyped nil');
  if (indexes.length > 3) fail(`too many slice indexes: ${indexes.length}`);
  const k = kindOf(item);
  if (k === 'string' && indexes.length === 3) fail('cannot 3-index slice a string');
  if (k !== 'string' && k !== 'slice') fail(`can't slice item of type ${typeName(item)}`);
  const len = lengthOf(item);
  const idx = [0, len, len];
  indexes.forEach((ix, i) => (idx[i] = indexArg(indirectInterface(ix), len)));
  if (idx[0] > idx[1]) fail(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) fail(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (k === 'string') return utf8Decode(utf8Encode(stringValue(item)).slice(idx[0], idx[1]));
  if (item instanceof GoNil) return item;
  const out = (item as unknown[]).slice(idx[0], idx[1]);
  return hasAnyElements(item as unknown[]) ? anyElements(out) : out;
}

function length(item: unknown): number {
  const ind = indirect(item);
  if (ind.isNil) fail('len of nil pointer');
  const k = kindOf(ind.value);
  if (k === 'string' || k === 'slice' || k === 'map') return lengthOf(ind.value);
  // A missing value has no type: Go's reflect panics inside len, and the panic is the error.
  if (k === 'invalid') fail('reflect: call of reflect.Value.Type on zero Value');
  return fail(`len of type ${typeName(ind.value)}`);
}

// ---- escapers -----------------------------------------------------------------------

/** evalArgs: one string argument is used as is, otherwise fmt.Sprint of all. */
function evalArgs(args: unknown[], ctx: FuncContext): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args, ctx.addressOf);
}

function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) =>
    c === '\0' ? '\ufffd' : ({ '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string,
  );
}

function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    const special: Record<string, string> = {
      '\\': '\\\\', "'": "\\'", '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D',
    };
    if (Object.hasOwn(special, ch)) out += special[ch];
    else if (cp < 0x20) out += '\\u00' + cp.toString(16).toUpperCase().padStart(2, '0');
    else if (cp >= 0x80 && !isPrint(cp)) out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
    else out += ch;
  }
  return out;
}

function queryEscape(s: string): string {
  let out = '';
  for (const b of utf8Encode(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function truth(v: unknown): boolean {
  return isTrue(indirectInterface(v))[0];
}

/** The builtins, minus `and`/`or`/`call`, whose evaluation the executor special-cases. */
export const BUILTINS: FuncTable = new Map<string, GoFunc>([
  ['and', { params: ['value'], variadic: 'value', fn: () => null }],
  ['or', { params: ['value'], variadic: 'value', fn: () => null }],
  ['call', { params: ['value'], variadic: 'value', fn: () => null }],
  ['not', { params: ['value'], fn: ([a]) => !truth(a) }],
  ['len', { params: ['value'], fn: ([a]) => length(a) }],
  ['index', { params: ['value'], variadic: 'value', fn: ([item, ...ix]) => index(item, ...ix) }],
  ['slice', { params: ['value'], variadic: 'value', fn: ([item, ...ix]) => slice(item, ...ix) }],
  ['eq', { params: ['value'], variadic: 'value', fn: ([a, ...b]) => eq(a, ...b) }],
  ['ne', { params: ['value', 'value'], fn: ([a, b]) => !eq(a, b) }],
  ['lt', { params: ['value', 'value'], fn: ([a, b]) => lt(a, b) }],
  ['le', { params: ['value', 'value'], fn: ([a, b]) => le(a, b) }],
  ['gt', { params: ['value', 'value'], fn: ([a, b]) => !le(a, b) }],
  ['ge', { params: ['value', 'value'], fn: ([a, b]) => !lt(a, b) }],
  ['print', { params: [], variadic: 'any', fn: (a, ctx) => sprint(a, ctx.addressOf) }],
  ['println', { params: [], variadic: 'any', fn: (a, ctx) => sprintln(a, ctx.addressOf) }],
  [
    'printf',
    { params: ['string'], variadic: 'any', fn: ([f, ...a], ctx) => sprintf(f as string, a, ctx.addressOf) },
  ],
  ['html', { params: [], variadic: 'any', fn: (a, ctx) => htmlEscape(evalArgs(a, ctx)) }],
  ['js', { params: [], variadic: 'any', fn: (a, ctx) => jsEscape(evalArgs(a, ctx)) }],
  ['urlquery', { params: [], variadic: 'any', fn: (a, ctx) => queryEscape(evalArgs(a, ctx)) }],
]);
