/**
 * The second view docker/cli gives a template: the inspect JSON decoded into `any` with
 * json.Decoder.UseNumber() ([src] docker/cli cli/command/inspect/inspector.go
 * tryRawInspectFallback). Objects become map[string]any (so keys range in sorted
 * order and a missing one is "map has no entry"), arrays become []any, numbers become
 * json.Number. Built straight from the data, following the same rules as gojson.
 */
import {
  GoEmbedded,
  GoFloat,
  GoIface,
  GoNil,
  GoTagged,
  GoStringer,
  JsonNumber,
  anyElements,
  isPlainObject,
  jsonFields,
} from '../govalues';
import { formatJsonNumber, isEmptyValue, mapKeyString } from '../gojson';

const MAX_DEPTH = 1000;

export function toRawJson(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return null;
  if (value === null || value === undefined || value instanceof GoNil) return null;
  switch (typeof value) {
    case 'string':
      return value.replace(/[\ud800-\udfff]/gu, '\ufffd');
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? new JsonNumber(formatJsonNumber(value)) : null;
    case 'bigint':
      return new JsonNumber(value.toString());
    case 'object':
      return rawObject(value, depth);
    default:
      return null;
  }
}

function rawObject(value: object, depth: number): unknown {
  if (value instanceof JsonNumber) return value;
  if (value instanceof GoFloat) {
    return Number.isFinite(value.value) ? new JsonNumber(formatJsonNumber(value.value, true)) : null;
  }
  if (value instanceof GoStringer) return toRawJson(value.json, depth + 1);
  if (value instanceof GoIface) return toRawJson(value.inner, depth + 1);
  if (value instanceof GoTagged || value instanceof GoEmbedded) return toRawJson(value.value, depth + 1);
  if (Array.isArray(value)) return anyElements(value.map((v) => toRawJson(v, depth + 1)));
  const out = new Map<string, unknown>();
  if (value instanceof Map) {
    for (const [k, v] of value) out.set(mapKeyString(k), toRawJson(v, depth + 1));
  } else if (isPlainObject(value)) {
    for (const [k, v] of jsonFields(value, isEmptyValue)) out.set(k, toRawJson(v, depth + 1));
  } else return null;
  return anyElements(out);
}
