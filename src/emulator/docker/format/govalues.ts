/**
 * How emulator data stands for Go values when the docker CLI prints it.
 *
 * docker/cli formats typed Go structs (encoding/json for `inspect`, text/template
 * for `--format`). The emulator keeps its inspect data as plain JS values, read like this:
 *
 * | JS value                        | Go value                                             |
 * |---------------------------------|------------------------------------------------------|
 * | plain object `{A: 1, B: "x"}`   | a struct; fields in insertion order                  |
 * | `Map`                           | a map; printed/ranged in sorted key order            |
 * | array                           | a slice                                              |
 * | string, boolean                 | string, bool                                         |
 * | whole number (int64 range), bigint | int                                               |
 * | other number, `goFloat()`       | float64                                              |
 * | `null`                          | a nil pointer (prints `<nil>`, JSON `null`)          |
 * | `NIL_SLICE` / `NIL_MAP`         | a nil slice / map (prints `[]` / `map[]`, JSON null) |
 * | `undefined` property            | the field does not exist                             |
 * | `goEmbed(struct)` field value   | an embedded struct: fields promoted, JSON inlined    |
 * | `omitEmpty(v)`, `jsonTag(v, …)` | a field with a json tag (omitempty, renamed, "-")     |
 *
 * The wrappers below add the few Go facts a plain JS value cannot carry. All of them
 * are optional; they only matter where the real CLI prints something different.
 */

/** A typed nil slice or map: `%v` prints `[]` / `map[]`, JSON prints `null`. */
export class GoNil {
  constructor(readonly kind: 'slice' | 'map') {
    Object.freeze(this);
  }
}

/** `[]string(nil)`: e.g. `HostConfig.Links` with no links prints `[]` (REFERENCE 5). */
export const NIL_SLICE: GoNil = new GoNil('slice');
/** `map[string]string(nil)`: prints `map[]`, JSON `null`. */
export const NIL_MAP: GoNil = new GoNil('map');

/**
 * A value of a Go type with a String() method, such as `time.Time` or `netip.Addr`:
 * templates print `text`, JSON prints `json`. The network `Created` field is a
 * time.Time, so `{{.Created}}` prints `2025-04-24 21:31:26.089247959 +0000 UTC`
 * while JSON has `"2025-04-24T21:31:26.089247959Z"`.
 */
export class GoStringer {
  constructor(
    readonly text: string,
    readonly json: unknown,
    readonly typeName: string = 'fmt.Stringer',
  ) {
    Object.freeze(this);
  }
}

export function goStringer(text: string, json: unknown, typeName?: string): GoStringer {
  return new GoStringer(text, json, typeName);
}

/** A float64 whose value happens to be whole: `%v` of 1e6 prints `1e+06`, not `1000000`. */
export class GoFloat {
  constructor(readonly value: number) {
    Object.freeze(this);
  }
}

export function goFloat(value: number): GoFloat {
  return new GoFloat(value);
}

/**
 * The literal text of a JSON number, as `json.Decoder.UseNumber()` keeps it. docker/cli
 * decodes raw inspect JSON this way for its second template pass, so such numbers print
 * exactly as the daemon sent them and behave as strings (type `json.Number`).
 */
export class JsonNumber {
  constructor(readonly text: string) {
    Object.freeze(this);
  }
}

/**
 * A value stored in a slot whose Go type is `any` (an interface). Only the template
 * engine sees the difference: errors name the type `interface {}`, and a nil one
 * prints `<no value>` rather than `<nil>`.
 */
export class GoIface {
  constructor(readonly inner: unknown) {
    Object.freeze(this);
  }
}

export function goInterface(value: unknown): GoIface {
  return value instanceof GoIface ? value : new GoIface(value);
}

/**
 * A struct field with a json tag. Templates use the JS key (the Go field name) and see
 * the value; encoding/json writes the key `jsonName` instead (`HostIP` is written
 * "HostIp": [src] go-connections nat.PortBinding), skips the field for "-", and with
 * omitempty leaves it out when empty (false, 0, "", nil, empty slice or map), as for
 * IPAM Config `Gateway`/`IPRange` (REFERENCE 1.7).
 */
export class GoTagged {
  constructor(
    readonly value: unknown,
    readonly jsonName?: string,
    readonly omitEmpty = false,
  ) {
    Object.freeze(this);
  }
}

/** `json:",omitempty"`. */
export function omitEmpty(value: unknown): GoTagged {
  return new GoTagged(value, undefined, true);
}

/** `json:"name"` / `json:"name,omitempty"` / `json:"-"`. */
export function jsonTag(value: unknown, jsonName: string, options: { omitempty?: boolean } = {}): GoTagged {
  return new GoTagged(value, jsonName, options.omitempty ?? false);
}


/**
 * An embedded (anonymous) struct field, as in 28.x `NetworkSettings { NetworkSettingsBase;
 * DefaultNetworkSettings; Networks … }`: `.IPAddress` finds the promoted field, JSON
 * inlines the fields, and `%v` prints the embedded struct as a nested `{…}`. The key
 * holding it is the field (type) name. `null` inside is a nil embedded pointer.
 */
export class GoEmbedded {
  constructor(readonly value: Record<string, unknown> | null) {
    Object.freeze(this);
  }
}

export function goEmbed(value: Record<string, unknown> | null): GoEmbedded {
  return new GoEmbedded(value);
}

const pointers = new WeakSet<object>();
const typeNames = new WeakMap<object, string>();
const anyElementContainers = new WeakSet<object>();
const mapZeroValues = new WeakMap<object, unknown>();
const mapMarshalled = new WeakSet<object>();
const mapKeyTypes = new WeakMap<object, string>();

/**
 * Marks a struct as held through a pointer (`*EndpointSettings`). fmt then prints it
 * as an address when nested, e.g. `{{.NetworkSettings.Networks}}` gives
 * `map[bridge:0xc0004a2000]` (REFERENCE 5). JSON and field access are unchanged.
 */
export function goPointer<T extends object>(value: T): T {
  pointers.add(value);
  return value;
}

export function isGoPointer(value: unknown): boolean {
  return typeof value === 'object' && value !== null && pointers.has(value);
}

/** Names the Go type of a struct or map for error messages, e.g. `network.EndpointSettings`. */
export function withGoType<T extends object>(value: T, typeName: string): T {
  typeNames.set(value, typeName);
  return value;
}

export function goTypeNameOf(value: object): string | undefined {
  return typeNames.get(value);
}

/** Marks a Map or array as `map[string]any` / `[]any`: its elements are interface values. */
export function anyElements<T extends Map<unknown, unknown> | unknown[]>(container: T): T {
  anyElementContainers.add(container);
  return container;
}

export function hasAnyElements(container: object): boolean {
  return anyElementContainers.has(container);
}

/**
 * Sets the zero value of a Map's element type, returned by `index` for a missing key
 * (and by missingkey=zero). Without it the zero is guessed from the map's values;
 * an empty map is taken as map[string]string, which is what Labels and Options are.
 */
export function withMapZero<M extends Map<unknown, unknown>>(map: M, zero: unknown): M {
  mapZeroValues.set(map, zero);
  return map;
}

export function mapZeroOf(map: Map<unknown, unknown>): { found: boolean; zero: unknown } {
  if (mapZeroValues.has(map)) return { found: true, zero: mapZeroValues.get(map) };
  return { found: false, zero: undefined };
}

/**
 * Names a map's key type when it is a named string type, like nat.PortMap's `nat.Port`.
 * A plain string is not assignable to it, so in the typed pass `index .Ports "80/tcp"`
 * fails (`value has type string; should be nat.Port`) and `.Key` lookups do not apply;
 * docker then falls back to the raw JSON, where the keys are plain strings.
 */
export function withMapKeyType<M extends Map<unknown, unknown>>(map: M, keyType: string): M {
  mapKeyTypes.set(map, keyType);
  return map;
}

export function mapKeyTypeOf(map: object): string | undefined {
  return mapKeyTypes.get(map);
}

/**
 * Marks a struct whose MarshalJSON builds a map and calls json.Marshal, as docker/cli's
 * list contexts do (formatter.MarshalJSON): JSON keys come out sorted and `<>&` are
 * HTML-escaped. `docker network ls --format json` prints rows this way.
 */
export function marshalsAsMap<T extends object>(value: T): T {
  mapMarshalled.add(value);
  return value;
}

export function isMarshalledAsMap(value: object): boolean {
  return mapMarshalled.has(value);
}

/** True for `{...}` objects: the only JS objects read as Go structs. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The Go value a struct field holds, without the omitempty / embedding annotations. */
export function fieldValue(raw: unknown): unknown {
  if (raw instanceof GoTagged) return raw.value;
  if (raw instanceof GoEmbedded) return raw.value;
  return raw;
}

/**
 * The fields of a struct in order, as fmt and reflect see them (embedded structs stay
 * nested). Only own enumerable data properties count: accessors are skipped so a
 * getter is never run, and `undefined` means "no such field".
 */
export function structFields(value: Record<string, unknown>): [string, unknown][] {
  return rawFields(value).map(([k, v]) => [k, fieldValue(v)]);
}

function rawFields(value: Record<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const key of Object.keys(value)) {
    const field = ownField(value, key);
    if (field.found) out.push([key, field.value]);
  }
  return out;
}

function ownField(value: Record<string, unknown>, name: string): { found: boolean; value: unknown } {
  if (!Object.hasOwn(value, name)) return { found: false, value: undefined };
  const desc = Object.getOwnPropertyDescriptor(value, name);
  if (!desc || !desc.enumerable || !('value' in desc) || desc.value === undefined) {
    return { found: false, value: undefined };
  }
  return { found: true, value: desc.value };
}

/**
 * reflect's FieldByName: a field of the struct itself, else one promoted from an
 * embedded struct (shallowest first), read without touching prototypes or getters.
 */
export function structField(value: Record<string, unknown>, name: string): { found: boolean; value: unknown } {
  let level: Record<string, unknown>[] = [value];
  for (let depth = 0; level.length > 0 && depth < 32; depth++) {
    const next: Record<string, unknown>[] = [];
    for (const s of level) {
      const f = ownField(s, name);
      if (f.found) return { found: true, value: fieldValue(f.value) };
      for (const [, v] of rawFields(s)) {
        if (v instanceof GoEmbedded && v.value && isPlainObject(v.value)) next.push(v.value);
      }
    }
    level = next;
  }
  return { found: false, value: undefined };
}

/**
 * The fields encoding/json writes, in order: embedded structs inlined where they sit
 * (an outer field wins over a promoted one of the same name), omitempty fields dropped
 * when `isEmpty` says so.
 */
export function jsonFields(
  value: Record<string, unknown>,
  isEmpty: (v: unknown) => boolean,
  depth = 0,
): [string, unknown][] {
  const fields = rawFields(value);
  const outer = new Set(fields.filter(([, v]) => !(v instanceof GoEmbedded)).map(([k]) => k));
  const out: [string, unknown][] = [];
  for (const [key, v] of fields) {
    if (v instanceof GoEmbedded) {
      if (!v.value || !isPlainObject(v.value) || depth >= 32) continue;
      for (const [k, inner] of jsonFields(v.value, isEmpty, depth + 1)) if (!outer.has(k)) out.push([k, inner]);
    } else if (v instanceof GoTagged) {
      if (v.jsonName === '-' || (v.omitEmpty && isEmpty(v.value))) continue;
      out.push([v.jsonName || key, v.value]);
    } else out.push([key, v]);
  }
  return out;
}
