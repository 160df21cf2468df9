/**
 * The object behind a view proxy, for read-only scans of large maps.
 *
 * While a line runs, the lab state is seen through the undo journal's
 * proxies (world/undo-journal.ts), which cost a little on every read. The
 * packet path scans every device of the lab on some frames (the ports of a
 * bridge, devices stacked on a NIC): on a 500-task swarm, reading those scans
 * through the proxies cost more than the rest of the service converging.
 * A view proxy answers VIEW_TARGET with its target; `peek` asks.
 * Never write through what peek returns: the write would escape the journal.
 */
export const VIEW_TARGET: unique symbol = Symbol('view target');

/** The target of a view proxy, or the value itself (a plain object has no VIEW_TARGET). */
export function peek<V extends object>(value: V): V {
  return ((value as { [VIEW_TARGET]?: V })[VIEW_TARGET]) ?? value;
}

/**
 * The entries of `map` that `test` accepts, tested on the raw objects (a scan
 * of a thousand containers costs no proxies) and returned as read through
 * `map`, so writes to them are still journaled.
 */
export function entriesWhere<V extends object>(map: Record<string, V>, test: (raw: V) => boolean): V[] {
  const raw = peek(map);
  const out: V[] = [];
  for (const key of Object.keys(raw)) if (test(raw[key])) out.push(map[key]);
  return out;
}

const builtRaw = new WeakSet<object>();

/**
 * Declares that `obj` was built only from raw objects (read with peek), so it
 * holds no view proxies: the undo journal then need not search it when the
 * run ends. iptables' new copy of a table is one (hundreds of rules, shared).
 */
export function markBuiltRaw<T extends object>(obj: T): T {
  builtRaw.add(obj);
  return obj;
}

export function isBuiltRaw(obj: object): boolean {
  return builtRaw.has(obj);
}
