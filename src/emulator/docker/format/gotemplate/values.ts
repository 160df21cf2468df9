/**
 * A small stand-in for Go's reflect, over the data model of ../govalues.ts.
 * text/template decides everything (truth, printing, field access, comparison) from
 * a value's kind and type; these functions give the same answers for JS values.
 */
import {
  GoEmbedded,
  GoFloat,
  GoIface,
  GoNil,
  GoTagged,
  GoStringer,
  JsonNumber,
  NIL_MAP,
  NIL_SLICE,
  goTypeNameOf,
  hasAnyElements,
  isGoPointer,
  isPlainObject,
  fieldValue,
  mapKeyTypeOf,
  mapZeroOf,
  structFields,
} from '../govalues';
import { compareGoStrings, utf8Length } from '../utf8';

/** reflect.Value{}: a missing map key, an untyped nil. Prints `<no value>`. */
export const INVALID: unique symbol = Symbol('invalid reflect.Value');

/** A complex128; only template constants like 1i produce one. */
export class GoComplex {
  constructor(
    readonly re: number,
    readonly im: number,
  ) {}
}

export type Kind =
  | 'complex'
  | 'invalid'
  | 'nil'
  | 'iface'
  | 'bool'
  | 'int'
  | 'float'
  | 'string'
  | 'slice'
  | 'map'
  | 'struct'
  | 'opaque';

export function kindOf(v: unknown): Kind {
  if (v === INVALID) return 'invalid';
  if (v === null || v === undefined) return 'nil';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? 'int' : 'float';
    case 'bigint':
      return 'int';
    case 'string':
      return 'string';
    case 'object':
      return objectKind(v);
    default:
      return 'opaque';
  }
}

function objectKind(v: object): Kind {
  if (v instanceof GoIface) return 'iface';
  if (v instanceof GoComplex) return 'complex';
  if (v instanceof GoFloat) return 'float';
  if (v instanceof JsonNumber) return 'string';
  if (v instanceof GoNil) return v.kind;
  if (v instanceof GoStringer) return 'struct';
  if (v instanceof GoTagged || v instanceof GoEmbedded) return kindOf(fieldValue(v));
  if (Array.isArray(v)) return 'slice';
  if (v instanceof Map) return 'map';
  if (isPlainObject(v)) return 'struct';
  return 'opaque';
}

/** The Go type name used in error messages (`string`, `map[string]interface {}`, …). */
export function typeName(v: unknown): string {
  if (v instanceof GoIface) return 'interface {}';
  if (v instanceof JsonNumber) return 'json.Number';
  if (v instanceof GoStringer) return v.typeName;
  if (v instanceof GoTagged) return typeName(v.value);
  switch (kindOf(v)) {
    case 'invalid':
      return '<invalid>';
    case 'nil':
      return 'interface {}';
    case 'bool':
      return 'bool';
    case 'int':
      return 'int';
    case 'float':
      return 'float64';
    case 'complex':
      return 'complex128';
    case 'string':
      return 'string';
    case 'slice':
      return '[]' + elemTypeName(v as unknown[] | GoNil);
    case 'map': {
      const m = v as Map<unknown, unknown> | GoNil;
      return named(m, `map[${mapKeyType(m)}]${elemTypeName(m)}`);
    }
    case 'struct':
      return named(v as object, 'struct');
    default:
      return typeof v;
  }
}

function named(v: object, fallback: string): string {
  const name = goTypeNameOf(v) ?? fallback;
  return isGoPointer(v) ? '*' + name : name;
}

function elemTypeName(c: unknown[] | Map<unknown, unknown> | GoNil): string {
  if (c instanceof GoNil) return c === NIL_MAP ? 'string' : 'interface {}';
  if (hasAnyElements(c)) return 'interface {}';
  const first = Array.isArray(c) ? c[0] : c.values().next().value;
  if (first === undefined) return Array.isArray(c) ? 'interface {}' : 'string';
  return typeName(first);
}

/** reflect's indirectInterface: an interface value gives its content; nil gives INVALID. */
export function indirectInterface(v: unknown): unknown {
  while (v instanceof GoIface) {
    if (v.inner === null || v.inner === undefined) return INVALID;
    v = v.inner;
  }
  return v instanceof GoTagged ? v.value : v;
}

/** text/template's indirect: through interfaces (and pointers) to the value; reports nil. */
export function indirect(v: unknown): { value: unknown; isNil: boolean } {
  while (v instanceof GoIface) {
    if (v.inner === null || v.inner === undefined) return { value: v, isNil: true };
    v = v.inner;
  }
  if (v instanceof GoTagged) v = v.value;
  if (v === null || v === undefined) return { value: null, isNil: true };
  return { value: v, isNil: false };
}

/** The dynamic value of an interface, as `value.Interface()` hands it to a function. */
export function toInterface(v: unknown): unknown {
  if (v === INVALID) return null;
  const inner = indirectInterface(v);
  return inner === INVALID ? null : inner;
}

/** text/template isTrue: [truth, ok]. Structs are always true; nil is false. */
export function isTrue(v: unknown): [boolean, boolean] {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return [false, true];
    case 'bool':
      return [v as boolean, true];
    case 'int':
      return [typeof v === 'bigint' ? v !== 0n : v !== 0, true];
    case 'float':
      return [floatValue(v) !== 0, true];
    case 'complex':
      return [(v as GoComplex).re !== 0 || (v as GoComplex).im !== 0, true];
    case 'string':
    case 'slice':
    case 'map':
      return [lengthOf(v) > 0, true];
    case 'iface':
      return [(v as GoIface).inner !== null && (v as GoIface).inner !== undefined, true];
    case 'struct':
      return [true, true];
    default:
      return [false, false];
  }
}

export function floatValue(v: unknown): number {
  if (v instanceof GoFloat) return v.value;
  if (typeof v === 'bigint') return Number(v);
  return v as number;
}

/** Length of a string (UTF-8 bytes), slice or map. */
export function lengthOf(v: unknown): number {
  if (typeof v === 'string') return utf8Length(v);
  if (v instanceof JsonNumber) return utf8Length(v.text);
  if (Array.isArray(v)) return v.length;
  if (v instanceof Map) return v.size;
  return 0;
}

/** The string content of a string-kinded value (string or json.Number). */
export function stringValue(v: unknown): string {
  return v instanceof JsonNumber ? v.text : (v as string);
}

/** Elements of a slice, wrapped as interface values when the slice is []any. */
export function sliceElems(v: unknown[] | GoNil): unknown[] {
  if (v instanceof GoNil) return [];
  return hasAnyElements(v) ? v.map((e) => goIfaceOf(e)) : v.map((e) => (e === undefined ? null : e));
}

export function goIfaceOf(v: unknown): GoIface {
  return v instanceof GoIface ? v : new GoIface(v === undefined ? null : v);
}

/** Map lookup by key; `found` false when absent. Elements of map[string]any become interfaces. */
export function mapGet(m: Map<unknown, unknown> | GoNil, key: unknown): { found: boolean; value: unknown } {
  if (m instanceof GoNil) return { found: false, value: undefined };
  if (!Map.prototype.has.call(m, key)) return { found: false, value: undefined };
  const value = Map.prototype.get.call(m, key);
  return { found: true, value: hasAnyElements(m) ? goIfaceOf(value) : value };
}

/** Map entries sorted as fmtsort sorts keys: numbers numerically, strings byte-wise. */
export function sortedEntries(m: Map<unknown, unknown> | GoNil): [unknown, unknown][] {
  if (m instanceof GoNil) return [];
  const any = hasAnyElements(m);
  const entries: [unknown, unknown][] = [];
  for (const [k, v] of m) entries.push([k, any ? goIfaceOf(v) : v]);
  return entries.sort((a, b) => compareKeys(a[0], b[0]));
}

function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return compareGoStrings(a, b);
  return compareGoStrings(String(a), String(b));
}

/** The Go type of a map's keys: `string`, `int`, or a named type set with withMapKeyType. */
export function mapKeyType(m: Map<unknown, unknown> | GoNil): string {
  if (m instanceof GoNil) return 'string';
  const named = mapKeyTypeOf(m);
  if (named) return named;
  const first = m.keys().next();
  return first.done === true || typeof first.value === 'string' ? 'string' : 'int';
}

/** Does this map take plain string keys (so `.Name` can look up "Name")? */
export function mapHasStringKeys(m: Map<unknown, unknown> | GoNil): boolean {
  return mapKeyType(m) === 'string';
}

/**
 * The zero value of a map's element type: set with withMapZero, else guessed from a
 * value in the map, else "" (an empty map is most likely Labels/Options, map[string]string).
 */
export function mapZero(m: Map<unknown, unknown> | GoNil): unknown {
  if (m instanceof GoNil) return '';
  if (hasAnyElements(m)) return new GoIface(null);
  const set = mapZeroOf(m);
  if (set.found) return set.zero;
  const first = m.values().next();
  return first.done ? '' : zeroLike(first.value);
}

/** The zero value of the type of `v`: "", 0, false, nil slice/map, a zeroed struct. */
export function zeroLike(v: unknown): unknown {
  if (v instanceof GoIface) return new GoIface(null);
  if (v instanceof GoFloat) return new GoFloat(0);
  if (v instanceof JsonNumber) return new JsonNumber('');
  if (v instanceof GoStringer || isGoPointer(v)) return null;
  switch (kindOf(v)) {
    case 'bool':
      return false;
    case 'int':
      return 0;
    case 'float':
      return new GoFloat(0);
    case 'string':
      return '';
    case 'slice':
      return NIL_SLICE;
    case 'map':
      return NIL_MAP;
    case 'struct': {
      const out: Record<string, unknown> = {};
      // defineProperty: a field named "__proto__" must stay a field, not set the prototype.
      for (const [k, f] of structFields(v as Record<string, unknown>)) {
        Object.defineProperty(out, k, { value: zeroLike(f), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    default:
      return null;
  }
}
