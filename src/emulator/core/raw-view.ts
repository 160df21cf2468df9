/**
 * The object behind a view proxy, for read-only scans of large maps.
 *
 * While a line runs, the lab state is seen through the undo journal's
 * proxies (world/undo-journal.ts), which cost a little on every read. The
 * packet path scans every device of the lab on some frames (the ports of a
 * bridge, devices stacked on a NIC): on a 500-task swarm, reading those scans
 * through the proxies cost more than the rest of the service converging.
 * A proxy maker registers each proxy here; `peek` hands back its target.
 * Never write through what peek returns: the write would escape the journal.
 */
const targets = new WeakMap<object, object>();

/** Called by whoever makes a view proxy over `target`. */
export function registerView(proxy: object, target: object): void {
  targets.set(proxy, target);
}

/** The target of a registered view proxy, or the value itself. */
export function peek<V extends object>(value: V): V {
  return (targets.get(value) as V | undefined) ?? value;
}
