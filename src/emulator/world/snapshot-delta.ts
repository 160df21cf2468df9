/**
 * Delta encoding for snapshots. A big lab's state is mostly collections of
 * look-alike records: a thousand container namespaces with the same
 * embedded-DNS rules but for two port numbers, containers with the same
 * defaults, veth pairs that differ in names and addresses. Such a collection
 * is written as its first record, then each next record as its differences
 * from one of the few before it (the most alike: veth ends alternate, host
 * end and container end); restore rebuilds them in order, key order
 * included, so restore(snapshot()) is the same state.
 *
 * A collection is a plain object of at least MIN_RECORDS entries that are all
 * plain objects. It is written `{"$delta": [key1, record1, key2, changes2,
 * ...]}`: a record is an object; changes are an array `[back, change...]`:
 * copy the record `back` places before, then apply each change. A change is
 * `[path, value]` (set; an empty path replaces the record) or, for a string
 * that kept its start and end, `[path, keptStart, middle, keptEnd]`. A path
 * that shares keys with the previous change's path begins with how many
 * (`["nf","nat","chains",2,"rules",0,"target","range","minPort"]` after
 * `...,"maxPort"]` is `[8,"minPort"]`); a record's keys are strings, so a
 * path that begins with a number is such a path.
 */
const MARK = '$delta';
const MIN_RECORDS = 8;
/** How many earlier records are tried as the base of the next one. */
const BASES = 4;

type Path = Array<string | number>;
type Change = [Path, unknown] | [Path, number, string, number];
type Plain = Record<string, unknown>;

const copy = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/** `obj[key] = value` that also works for a key named `__proto__` (a label or file name can be): an own property, as JSON.parse makes it. */
function put(obj: object, key: string | number, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

function sameKeys(a: Plain, b: Plain): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
}

/** What turns `a` into `b`: where both are objects with the same keys in the same order (or arrays of one length), per member; else the whole value. */
function diff(a: unknown, b: unknown, path: Path, out: Change[]): void {
  if (a === b) return;
  if (isPlain(a) && isPlain(b) && sameKeys(a, b)) {
    for (const k of Object.keys(b)) diff(a[k], b[k], [...path, k], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < b.length; i++) diff(a[i], b[i], [...path, i], out);
    return;
  }
  if (typeof a === 'string' && typeof b === 'string') out.push(stringChange(a, b, path));
  else out.push([path, b]);
}

/** A string as the part of it that changed, when the kept start and end are worth it (a line of /etc/hosts). */
function stringChange(a: string, b: string, path: Path): Change {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return start + end > 16 ? [path, start, b.slice(start, b.length - end), end] : [path, b];
}

/** Paths as [keys shared with the previous path, ...the rest] where they share any. */
function sharePrefixes(changes: Change[]): Change[] {
  let prev: Path = [];
  return changes.map((c) => {
    const path = c[0];
    let shared = 0;
    while (shared < path.length - 1 && shared < prev.length && path[shared] === prev[shared]) shared++;
    prev = path;
    return (shared > 0 ? [[shared, ...path.slice(shared)], ...c.slice(1)] : c) as Change;
  });
}

function fullPaths(changes: Change[]): Change[] {
  let prev: Path = [];
  return changes.map((c) => {
    const stored = c[0];
    const path = typeof stored[0] === 'number' ? [...prev.slice(0, stored[0]), ...stored.slice(1)] : stored;
    prev = path;
    return [path, ...c.slice(1)] as Change;
  });
}

function isCollection(v: Plain): boolean {
  const values = Object.values(v);
  return values.length >= MIN_RECORDS && values.every(isPlain) && !(MARK in v);
}

/** The changes from the most alike of the last few records, as `[back, ...changes]`. */
function fromBestBase(earlier: unknown[], record: unknown): unknown[] {
  let best: unknown[] | undefined;
  let bestSize = Infinity;
  for (let back = 1; back <= Math.min(BASES, earlier.length); back++) {
    const changes: Change[] = [];
    diff(earlier[earlier.length - back], record, [], changes);
    const shared = sharePrefixes(changes);
    const size = JSON.stringify(shared).length;
    if (size < bestSize) [best, bestSize] = [[back, ...shared], size];
  }
  return best!;
}

function encodeCollection(collection: Plain): Plain {
  const list: unknown[] = [];
  const earlier: unknown[] = [];
  for (const [key, record] of Object.entries(collection)) {
    list.push(key, earlier.length === 0 ? record : fromBestBase(earlier, record));
    earlier.push(record);
  }
  return { [MARK]: list };
}

/** The state with its collections delta-encoded (the input is left as it is). */
export function encodeDeltas(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(encodeDeltas);
  if (!isPlain(value)) return value;
  if (isCollection(value)) return encodeCollection(value);
  const out: Plain = {};
  for (const [k, v] of Object.entries(value)) put(out, k, encodeDeltas(v));
  return out;
}

/** Applies one change to `record`; returns the record (a new one if the change replaced it). */
function apply(record: unknown, change: Change): unknown {
  const [path] = change;
  const value = (old: unknown): unknown => {
    if (change.length === 2) return copy(change[1]);
    const [, start, middle, end] = change;
    const s = old as string;
    return s.slice(0, start) + middle + s.slice(s.length - end);
  };
  if (path.length === 0) return value(record);
  let node = record as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) node = Object.getOwnPropertyDescriptor(node, path[i])?.value as Record<string | number, unknown>;
  const key = path[path.length - 1];
  put(node, key, value(Object.getOwnPropertyDescriptor(node, key)?.value));
  return record;
}

function decodeCollection(list: unknown[]): Plain {
  const out: Plain = {};
  const earlier: unknown[] = [];
  for (let i = 0; i < list.length; i += 2) {
    const stored = list[i + 1];
    let record: unknown = stored;
    if (Array.isArray(stored)) {
      const [back, ...changes] = stored as [number, ...Change[]];
      // Values are copied too: a record is read again as a later one's base.
      record = copy(earlier[earlier.length - back]);
      for (const change of fullPaths(changes)) record = apply(record, change);
    }
    put(out, String(list[i]), record);
    earlier.push(record);
  }
  return out;
}

/** Undoes encodeDeltas in place where it can; returns the decoded value. */
export function decodeDeltas(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeDeltas);
  if (!isPlain(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === MARK && Array.isArray(value[MARK])) return decodeCollection(value[MARK] as unknown[]);
  for (const k of keys) put(value, k, decodeDeltas(value[k]));
  return value;
}
