/**
 * Hands an interface the driver made in the host's namespace to a container:
 * libnetwork moves it into the sandbox, renames it (eth0, eth1 …), brings it
 * up and gives it the endpoint's address. It keeps its ifindex, so a macvlan
 * whose lower device stays behind prints as `eth0@if2` inside (2 = the host's eth0).
 */
import type { LabCtx } from '../../world/ctx';
import type { EndpointState } from '../state';
import type { DeviceState, Route } from '../../net/state';
import { addAddress, deleteDevice, deviceByName, moveDevice } from '../../net/netns';

export function plumbIntoSandbox(ctx: LabCtx, dev: DeviceState, ep: EndpointState, sandboxNsId: string, defaultRoute?: Omit<Route, 'dev'>): void {
  const sandbox = ctx.ns(sandboxNsId);
  moveDevice(ctx.state.net, dev, sandbox);
  dev.name = ep.ifname;
  dev.txqlen = 0; // created through vishvananda/netlink with TxQLen 0 (see DeviceState.txqlen)
  dev.up = true;
  addAddress(sandbox, dev, { ip: ep.ip, prefix: ep.prefix });
  if (defaultRoute) sandbox.routes.push({ ...defaultRoute, dev: dev.id });
}

/** Leave: the container's interface is deleted (the parent stays). */
export function unplugFromSandbox(ctx: LabCtx, ep: EndpointState, sandboxNsId: string): void {
  const sandbox = ctx.state.net.namespaces[sandboxNsId];
  const inside = sandbox ? deviceByName(ctx.state.net, sandbox, ep.ifname) : undefined;
  if (inside) deleteDevice(ctx.state.net, inside);
}
