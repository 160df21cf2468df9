/**
 * `ethtool DEV`, `ethtool -i DEV` (driver), `ethtool -S DEV` (statistics;
 * for a veth, `peer_ifindex` names the other end: the `@ifN` of `ip a`):
 * read-only views of the namespace's devices (netfmt/ethtool.ts says what
 * each driver reports). Reading needs no capability, so it works in any
 * container that ships ethtool (netshoot). Changing settings (-s, -K) is not
 * modelled and says so.
 */
import type { CommandContext, CommandSpec } from '../types';
import type { DeviceState, NetState } from '../../net/state';
import { labCtx } from '../docker/engine-access';
import { deviceByName } from '../../net/netns';
import { bridgeHasCarrier, bridgePorts } from '../../net/links';
import { ethtoolDriver, ethtoolNoDevice, ethtoolSettings, ethtoolStats, type EthDriver, type EthLink } from '../netfmt/ethtool';

const DRIVERS: Record<DeviceState['kind'], EthDriver> = {
  veth: 'veth', bridge: 'bridge', ether: 'e1000', macvlan: 'macvlan', ipvlan: 'ipvlan', vlan: '8021q', vxlan: 'vxlan', dummy: 'dummy', loopback: 'loopback',
};

/** veth: 10 Gb/s; the NIC: 1 Gb/s; a bridge: its fastest port; stacked devices: their parent's. */
function speedOf(net: NetState, dev: DeviceState, depth = 0): number | undefined {
  if (depth > 4) return undefined;
  if (dev.kind === 'veth') return 10000;
  if (dev.kind === 'ether') return 1000;
  if (dev.kind === 'bridge') {
    const speeds = bridgePorts(net, dev).filter((p) => p.up).map((p) => speedOf(net, p, depth + 1) ?? 0);
    return speeds.length && Math.max(...speeds) > 0 ? Math.max(...speeds) : undefined;
  }
  const parent = dev.parent ? net.devices[dev.parent] : undefined;
  return parent ? speedOf(net, parent, depth + 1) : undefined;
}

function carrierOf(net: NetState, dev: DeviceState): boolean {
  if (!dev.up) return false;
  if (dev.kind === 'veth') return !!dev.peer && !!net.devices[dev.peer]?.up;
  if (dev.kind === 'bridge') return bridgeHasCarrier(net, dev);
  return true;
}

export function ethLink(net: NetState, dev: DeviceState): EthLink {
  const peer = dev.peer ? net.devices[dev.peer] : undefined;
  return {
    name: dev.name, driver: DRIVERS[dev.kind], speed: speedOf(net, dev), carrier: carrierOf(net, dev),
    peerIfindex: peer?.ifindex, rxPackets: dev.rxPackets, txPackets: dev.txPackets, rxBytes: dev.rxBytes ?? 0, txBytes: dev.txBytes ?? 0,
  };
}

const USAGE = 'ethtool: bad command line argument(s)\nFor more information run ethtool -h\n';

function show(ctx: CommandContext, mode: string, l: EthLink): number {
  if (mode === '-i' || mode === '--driver') {
    const text = ethtoolDriver(l);
    if (text === undefined) {
      ctx.stderr('Cannot get driver information: Operation not supported\n');
      return 71;
    }
    ctx.stdout(text);
    return 0;
  }
  if (mode === '-S' || mode === '--statistics') {
    const text = ethtoolStats(l);
    if (text === undefined) {
      ctx.stderr('no stats available\n');
      return 94;
    }
    ctx.stdout(text);
    return 0;
  }
  ctx.stdout(ethtoolSettings(l));
  return 0;
}

function run(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  if (args[0] === '--version') {
    ctx.stdout('ethtool version 6.14\n');
    return 0;
  }
  const mode = args.length === 2 ? args[0] : '';
  const name = args[args.length - 1];
  if (!name || args.length > 2 || (mode && !['-i', '--driver', '-S', '--statistics'].includes(mode))) {
    if (mode.startsWith('-') && args.length === 2) ctx.stderr(`ethtool: ${mode} is not modelled here (read-only views: ethtool DEV, -i DEV, -S DEV)\n`);
    else ctx.stderr(USAGE);
    return 1;
  }
  const lab = labCtx(ctx);
  const dev = deviceByName(lab.state.net, lab.ns(ctx.scope.netnsId), name);
  if (!dev) {
    if (mode === '-i' || mode === '--driver') ctx.stderr('Cannot get driver information: No such device\n');
    else if (mode) ctx.stderr('Cannot get stats strings information: No such device\n');
    else ctx.stderr(ethtoolNoDevice());
    return mode ? 71 : 75;
  }
  return show(ctx, mode, ethLink(lab.state.net, dev));
}

export const ethtool: CommandSpec = {
  name: 'ethtool',
  usage: 'ethtool [ -i | -S ] DEVNAME',
  summary: 'query network driver and hardware settings',
  run,
};
