/**
 * What a listing (`ip a`, `ip route`, `ip -d link`, `bridge link`) asks of
 * the whole network model once per device: the netnsid of the namespace a
 * veth's peer lives in, whether a bridge has an up port, a port's number on
 * its bridge. Asked device by device, each answer was a scan of every
 * namespace or every device: on a 1,000-container lab `ip a` on the host
 * took half a second. Here each table is built in one pass, when first
 * needed, and kept for the one listing (the model does not change while it
 * is read).
 *
 * The passes read the raw state (peek): they only read, and the journal's
 * proxies write through to the same objects, so the values are the same.
 */
import type { LabCtx } from '../../world/ctx';
import type { DeviceState } from '../../net/state';
import { peek } from '../../core/raw-view';

export class ViewLookups {
  private readonly nsIds = new Map<string, Map<string, number>>();
  private ports?: Map<string, DeviceState[]>;

  constructor(private readonly ctx: LabCtx) {}

  /**
   * netnsid of namespace `other` as seen from a namespace of `machine`: the
   * host numbers the other namespaces of its machine 0, 1, 2… in creation
   * order (its own root namespace is 0 too); a namespace it does not number is 0.
   */
  netnsId(machine: string, other: string): number {
    const root = this.ctx.state.machines[machine]?.rootNs;
    if (other === root) return 0;
    let ids = this.nsIds.get(machine);
    if (!ids) {
      ids = new Map();
      const namespaces = peek(this.ctx.state.net.namespaces);
      for (const id of Object.keys(namespaces)) if (namespaces[id].machine === machine && id !== root) ids.set(id, ids.size);
      this.nsIds.set(machine, ids);
    }
    return ids.get(other) ?? 0;
  }

  /** The devices enslaved to a bridge, in ifindex order (as brctl lists them). Read only: raw objects. */
  portsOf(bridgeId: string): readonly DeviceState[] {
    if (!this.ports) {
      const ports = new Map<string, DeviceState[]>();
      const devices = peek(this.ctx.state.net.devices);
      for (const id of Object.keys(devices)) {
        const master = devices[id].master;
        if (master) (ports.get(master) ?? ports.set(master, []).get(master)!).push(devices[id]);
      }
      for (const list of ports.values()) list.sort((a, b) => a.ifindex - b.ifindex);
      this.ports = ports;
    }
    return this.ports.get(bridgeId) ?? [];
  }

  /** A bridge has carrier when at least one port is up (net/links.ts bridgeHasCarrier). */
  bridgeHasCarrier(bridge: DeviceState): boolean {
    return this.portsOf(bridge.id).some((p) => p.up);
  }

  /** The port's number on its bridge (br_add_if hands out the lowest free one: the ports' order), 0 when not a port. */
  portNumber(bridge: DeviceState, dev: DeviceState): number {
    return this.portsOf(bridge.id).findIndex((p) => p.id === dev.id) + 1;
  }
}
