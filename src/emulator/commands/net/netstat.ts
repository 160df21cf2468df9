/**
 * `netstat` (BusyBox in alpine/busybox, net-tools on the host and in GNU
 * images): `-tulpn`, `-tlnp`, `-an`, `-rn`, and `-i` (net-tools only), read
 * from the namespace's sockets, routes and devices. Only listening sockets
 * exist in the model (connections are not kept after a command ends), so the
 * default listing "w/o servers" is empty. `-a` without `-t`/`-u` adds the
 * UNIX socket section: on a Docker host that is dockerd's and containerd's
 * API sockets; a container has none. Names are never resolved (as with -n).
 */
import type { CommandContext, CommandSpec } from '../types';
import { labCtx } from '../docker/engine-access';
import { netfmtFlavors, netstatInet, netstatRoutes, netstatUnix, type UnixSocketView } from '../netfmt/index';
import { isContainerNs, linkViews, routeViews, socketViewsIn } from './views';
import type { DeviceState } from '../../net/state';

interface Opts {
  tcp: boolean;
  udp: boolean;
  listening: boolean;
  all: boolean;
  programs: boolean;
  routes: boolean;
  interfaces: boolean;
  bad?: string;
}

function parse(argv: string[]): Opts {
  const o: Opts = { tcp: false, udp: false, listening: false, all: false, programs: false, routes: false, interfaces: false };
  const longs: Record<string, keyof Opts> = { tcp: 'tcp', udp: 'udp', listening: 'listening', all: 'all', programs: 'programs', route: 'routes', interfaces: 'interfaces' };
  for (const a of argv) {
    if (a === '--numeric' || a === '--wide') continue;
    if (a.startsWith('--')) {
      const k = longs[a.slice(2)];
      if (k) (o[k] as boolean) = true;
      else o.bad = a;
      continue;
    }
    if (!a.startsWith('-')) {
      o.bad = a;
      continue;
    }
    for (const ch of a.slice(1)) {
      if (ch === 't') o.tcp = true;
      else if (ch === 'u') o.udp = true;
      else if (ch === 'l') o.listening = true;
      else if (ch === 'a') o.all = true;
      else if (ch === 'p') o.programs = true;
      else if (ch === 'r') o.routes = true;
      else if (ch === 'i') o.interfaces = true;
      else if (!'neWw46'.includes(ch)) o.bad = `-${ch}`;
    }
  }
  return o;
}

/** The API sockets of a Docker host (`netstat -a` / `-ax`). */
function hostUnixSockets(): UnixSocketView[] {
  return [
    { refcnt: 2, flags: ['ACC'], type: 'STREAM', state: 'LISTENING', inode: 21544, path: '/run/containerd/containerd.sock.ttrpc', process: { pid: 611, name: 'containerd' } },
    { refcnt: 2, flags: ['ACC'], type: 'STREAM', state: 'LISTENING', inode: 21546, path: '/run/containerd/containerd.sock', process: { pid: 611, name: 'containerd' } },
    { refcnt: 2, flags: ['ACC'], type: 'STREAM', state: 'LISTENING', inode: 20311, path: '/run/docker.sock', process: { pid: 1, name: 'init' } },
    { refcnt: 2, flags: ['ACC'], type: 'STREAM', state: 'LISTENING', inode: 22871, path: '/var/run/docker/metrics.sock', process: { pid: 688, name: 'dockerd' } },
  ];
}

/** net-tools `netstat -i` (2.10): the kernel interface table with packet counters. */
function interfaceTable(ctx: CommandContext): string {
  const lab = labCtx(ctx);
  const ns = lab.ns(ctx.scope.netnsId);
  let s = 'Kernel Interface table\nIface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n';
  const devs = linkViews(lab, ns).filter((l) => l.up).sort((a, b) => (a.name < b.name ? -1 : 1));
  // Each name's (first) device, found in one pass: not a search of the namespace per row.
  const byName = new Map<string, DeviceState>();
  for (const id of ns.devices) {
    const dev = lab.state.net.devices[id];
    if (!byName.has(dev.name)) byName.set(dev.name, dev);
  }
  for (const l of devs) {
    const dev = byName.get(l.name)!;
    const flags = (l.kind === 'loopback' ? 'L' : 'BM') + (l.carrier ? 'RU' : 'U');
    s += `${l.name.padEnd(15)} ${String(l.mtu).padStart(5)} ${String(dev.rxPackets).padStart(8)}      0      0 0      ${String(dev.txPackets).padStart(8)}      0      0      0 ${flags}\n`;
  }
  return s;
}

function run(ctx: CommandContext): number {
  const flavor = netfmtFlavors(ctx.scope.userland).netTools;
  const o = parse(ctx.argv.slice(1));
  if (o.bad || (o.interfaces && flavor === 'busybox')) {
    const opt = o.bad ?? '-i';
    ctx.stderr(flavor === 'busybox' ? `netstat: invalid option -- '${opt.replace(/^-+/, '')}'\nBusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.\n\nUsage: netstat [-ral] [-tuwx] [-enWp]\n` : `netstat: invalid option -- '${opt.replace(/^-+/, '')}'\nusage: netstat [-vWeenNcCF] [<Af>] -r         netstat {-V|--version|-h|--help}\n`);
    return 1;
  }
  const lab = labCtx(ctx);
  const ns = lab.ns(ctx.scope.netnsId);
  if (o.routes) {
    ctx.stdout(netstatRoutes(routeViews(lab, ns)));
    return 0;
  }
  if (o.interfaces) {
    ctx.stdout(interfaceTable(ctx));
    return 0;
  }
  const both = !o.tcp && !o.udp;
  const opts = { flavor, tcp: o.tcp || both, udp: o.udp || both, listening: o.listening, all: o.all, programs: o.programs };
  let out = netstatInet(socketViewsIn(lab, ns), opts);
  if (both && (o.all || o.listening)) out += netstatUnix(isContainerNs(lab, ns) ? [] : hostUnixSockets(), opts);
  ctx.stdout(out);
  return 0;
}

export const netstat: CommandSpec = {
  name: 'netstat',
  usage: 'netstat [-ral] [-tuwx] [-enWp]',
  summary: 'Print network connections, routing tables, interface statistics',
  run,
};
