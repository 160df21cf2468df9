/**
 * The `-o parent` link of a macvlan or ipvlan network, as libnetwork's
 * drivers/{macvlan,ipvlan}/*_setup.go handle it: an interface that exists on
 * the host is used as it is; a missing one named like `eth0.10` is created as
 * an 802.1Q sub-interface of eth0 (and brought up); with no parent at all the
 * driver makes a dummy link, `dm-<12 hex of the network ID>` for macvlan and
 * `di-…` for ipvlan, which leaves the network internal. Error texts are
 * Docker 28's (createVlanLink, parseVlan).
 */
import type { LabCtx } from '../../world/ctx';
import type { DockerState, NetworkState } from '../state';
import type { DeviceState } from '../../net/state';
import { daemonError, type DaemonError } from '../errors';
import { deviceByName } from '../../net/netns';
import { createDummy } from '../../net/links';
import { createVlan, VLAN_ID_MAX, VLAN_ID_MIN } from '../../net/vlan';
import { deleteWithUppers, uppersOf } from '../../net/stacked';
import { randomMac } from '../../net/ipv4';

export type LanDriver = 'macvlan' | 'ipvlan';

/** getDummyName(): the driver's prefix and the first 12 characters of the network ID. */
export function dummyName(driver: LanDriver, netId: string): string {
  return (driver === 'macvlan' ? 'dm-' : 'di-') + netId.slice(0, 12);
}

/** The parent interface the network uses: `-o parent`, or the driver's dummy. */
export function parentName(net: NetworkState): string {
  return net.options.parent || dummyName(net.driver as LanDriver, net.id);
}

/** True when the network has no real parent (Docker then treats it as internal). */
export function hasNoParent(net: NetworkState): boolean {
  return !net.options.parent;
}

export function lanNetworks(docker: DockerState, driver: LanDriver): NetworkState[] {
  return Object.values(docker.networks).filter((n) => n.driver === driver);
}

/** Looks the parent up in the host's namespace, creating the sub-interface or dummy when Docker would. */
export function ensureParentLink(ctx: LabCtx, machine: string, net: NetworkState): { created: boolean } | DaemonError {
  const host = ctx.rootNs(machine);
  const name = parentName(net);
  if (deviceByName(ctx.state.net, host, name)) return { created: false };
  if (hasNoParent(net)) {
    const dummy = createDummy(ctx.state.net, host, name, randomMac(ctx.rng.hex(12)));
    dummy.up = true;
    dummy.txqlen = 0;
    return { created: true };
  }
  return createVlanLink(ctx, machine, name);
}

/** createVlanLink() + parseVlan(): `eth0.10` → VLAN 10 on eth0. */
function createVlanLink(ctx: LabCtx, machine: string, name: string): { created: boolean } | DaemonError {
  if (!name.includes('.')) return daemonError(`invalid subinterface vlan name ${name}, example formatting is eth0.10`);
  const parts = name.split('.');
  if (parts.length !== 2) {
    return daemonError(`required interface name format is: name.vlan_id, ex. eth0.10 for vlan 10, instead received ${name}`);
  }
  const [lowerName, vidText] = parts;
  // strconv.Atoi: optional sign, decimal digits, within int64.
  const vid = /^[+-]?\d{1,18}$/.test(vidText) ? Number(vidText) : NaN;
  if (Number.isNaN(vid)) return daemonError(`unable to parse a valid vlan id from: ${vidText} (ex. eth0.10 for vlan 10)`);
  const host = ctx.rootNs(machine);
  const lower = deviceByName(ctx.state.net, host, lowerName);
  if (!lower) return daemonError(`-o parent interface was not found on the host: ${lowerName}`);
  if (vid > VLAN_ID_MAX || vid < VLAN_ID_MIN) return daemonError(`vlan id must be between ${VLAN_ID_MIN}-${VLAN_ID_MAX}, received: ${vid}`);
  // The kernel refuses a second sub-interface for the same VID on one device (EEXIST).
  if (uppersOf(ctx.state.net, lower).some((u) => u.kind === 'vlan' && u.vlanId === vid)) {
    return daemonError(`failed to create ${name} vlan link: file exists`);
  }
  const sub = createVlan(ctx.state.net, host, lower, name, vid);
  sub.up = true;
  sub.txqlen = 0; // netlink.Vlan{LinkAttrs{…}} sends IFLA_TXQLEN 0 (see DeviceState.txqlen)
  return { created: true };
}

/**
 * DeleteNetwork(): the link goes only when the driver created it and this is
 * the last network of the driver on it — and, for a sub-interface, only when
 * its name still parses as iface.vlan_id (delVlanLink).
 */
export function releaseParentLink(ctx: LabCtx, machine: string, net: NetworkState): void {
  if (!net.createdParentLink) return;
  const name = parentName(net);
  const users = lanNetworks(ctx.docker(machine), net.driver as LanDriver).filter((n) => parentName(n) === name);
  if (users.length > 1) return;
  const link = deviceByName(ctx.state.net, ctx.rootNs(machine), name);
  if (!link) return;
  const isVlanName = /^[^.]+\.[+-]?\d+$/.test(name) && link.parent !== undefined;
  if (hasNoParent(net) || isVlanName) deleteWithUppers(ctx.state.net, link);
}

/** The parent device at container start, or Docker's error when it has gone. */
export function parentForJoin(ctx: LabCtx, machine: string, net: NetworkState): DeviceState | DaemonError {
  const name = parentName(net);
  const dev = deviceByName(ctx.state.net, ctx.rootNs(machine), name);
  return dev ?? daemonError(`the requested parent interface ${name} was not found on the Docker host`);
}
