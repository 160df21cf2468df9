/**
 * `tcpdump` (4.99 with libpcap 1.10, as on Debian 12 and in
 * nicolaka/netshoot). It opens a capture point in the namespace it runs in
 * (net/capture/registry.ts), compiles the filter, and prints every frame
 * that really crosses the interface while it runs — the packets caused by
 * commands typed meanwhile in another terminal tab included — until Ctrl-C
 * or `-c N`, then the closing counters.
 */
import type { CommandContext, CommandSpec } from '../../types';
import type { CapturedFrame } from '../../../net/capture/registry';
import type { DeviceState } from '../../../net/state';
import { labCtx, labOf } from '../../docker/engine-access';
import { devicesOf } from '../../../net/netns';
import { compileFilter } from '../../../net/capture/filter-match';
import { resolveName } from '../../../kernel/resolver';
import { parseTcpdumpArgs, type TcpdumpOptions } from './options';
import { emptyMemory, printCaptured } from './print-frame';
import { captureNames, type PtrLookup } from './names';
import { reverseName } from '../reverse-name';
import { IDLE_CAP_SECONDS, waitForFrames } from './wait';
import { listDevices } from './list-devices';

type Target = { ok: true; device: DeviceState | 'any' } | { ok: false; error: string };

/**
 * -i, or pcap_findalldevs' first device: interfaces that are up come
 * first and loopback last, so a host picks eth0 and a container its eth0.
 */
function pickInterface(devices: DeviceState[], name: string | undefined): Target {
  if (name === 'any') return { ok: true, device: 'any' };
  if (name === undefined) {
    const ranked = [...devices].sort((a, b) => rank(a) - rank(b) || a.ifindex - b.ifindex);
    return ranked[0] ? { ok: true, device: ranked[0] } : { ok: false, error: 'tcpdump: no suitable device found\n' };
  }
  const dev = devices.find((d) => d.name === name);
  // tcpdump.c: error("%s: %s\n(%s)", device, pcap_statustostr(status), cp); libpcap's pcap-linux.c
  // fills cp from the ioctl that failed, as users report it (libpcap issue #121, netmap issue #458).
  if (!dev) return { ok: false, error: `tcpdump: ${name}: No such device exists\n(SIOCGIFHWADDR: No such device)\n` };
  if (!dev.up) return { ok: false, error: `tcpdump: ${name}: That device is not up\n` };
  return { ok: true, device: dev };
}

function rank(d: DeviceState): number {
  return (d.up ? 0 : 2) + (d.kind === 'loopback' ? 1 : 0);
}

/** "listening on ..." follows the -v hint on stderr (tcpdump.c, before pcap_loop). */
function banner(o: TcpdumpOptions, device: DeviceState | 'any'): string {
  const hint = o.verbose === 0 ? 'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n' : 'tcpdump: ';
  const link = device === 'any' ? 'LINUX_SLL2 (Linux cooked v2)' : 'EN10MB (Ethernet)';
  return `${hint}listening on ${device === 'any' ? 'any' : device.name}, link-type ${link}, snapshot length 262144 bytes\n`;
}

/** pcap's stats, as tcpdump's info() prints them (singular for one). */
function counters(captured: number, received: number): string {
  const n = (k: number, what: string) => `${k} packet${k === 1 ? '' : 's'} ${what}\n`;
  return n(captured, 'captured') + n(received, 'received by filter') + n(0, 'dropped by kernel');
}

async function run(ctx: CommandContext): Promise<number> {
  const parsed = parseTcpdumpArgs(ctx.argv.slice(1));
  if (!parsed.ok) {
    (parsed.status === 0 ? ctx.stdout : ctx.stderr)(parsed.stderr);
    return parsed.status;
  }
  const o = parsed.options;
  const lab = labCtx(ctx);
  const ns = lab.ns(ctx.scope.netnsId);
  if (o.listDevices) {
    ctx.stdout(listDevices(lab.state.net, devicesOf(lab.state.net, ns)));
    return 0;
  }
  const target = pickInterface(devicesOf(lab.state.net, ns), o.iface);
  if (!target.ok) {
    ctx.stderr(target.error);
    return 1;
  }
  // libpcap resolves names in the filter when it compiles it (getaddrinfo: /etc/hosts, then DNS).
  const filter = compileFilter(o.filter, (name) => {
    const r = resolveName(lab, ns, ctx.scope.fs, name);
    return r.ok ? r.addresses[0] : undefined;
  });
  if (!filter.ok) {
    ctx.stderr(`tcpdump: ${filter.error}\n`);
    return 1;
  }
  ctx.stderr(banner(o, target.device));
  return capture(ctx, o, target.device, filter.match);
}

async function capture(ctx: CommandContext, o: TcpdumpOptions, device: DeviceState | 'any', match: (f: CapturedFrame['frame']) => boolean): Promise<number> {
  const lab = labCtx(ctx);
  const registry = lab.captures!;
  const names = captureNames(ctx.scope.fs, o.numeric, embeddedDnsPtr(ctx));
  const memory = emptyMemory();
  const frameOpts = { verbose: o.verbose, quick: o.quick, ether: o.ether, hex: o.hex, dump: o.dump, tstamp: o.tstamp, nano: o.nano, absoluteSeq: o.absoluteSeq, cooked: device === 'any' };
  let received = 0;
  let captured = 0;
  // Each frame is printed as it is delivered (in the middle of the journey of the packet that another
  // command sends), so a live terminal shows it at once, interleaved with that command's own output.
  const handle = registry.open({
    ns: ctx.scope.netnsId,
    device: device === 'any' ? 'any' : device.id,
    promisc: !o.noPromisc,
    deliver: (rec) => {
      if (o.count !== undefined && received >= o.count) return;
      // -Q: PACKET_OUTGOING is "out", everything else "in" (pcap_setdirection).
      if (o.direction && o.direction !== 'inout' && (rec.pkttype === 'outgoing') !== (o.direction === 'out')) return;
      if (!match(rec.frame)) return;
      received++;
      captured++;
      // --number: print.c's "%5u  " before the time stamp.
      ctx.stdout((o.number ? `${String(captured).padStart(5)}  ` : '') + printCaptured(rec, frameOpts, names, memory));
    },
  });
  let interrupted = false;
  let lost: string | undefined;
  try {
    for (let idle = 0; o.count === undefined || captured < o.count; ) {
      const r = await waitForFrames(ctx, labOf(ctx), registry);
      // A stop signal comes before the teardown: `docker stop` on a capture in its own namespace
      // ends it cleanly (cleanup(), exit 0) before Docker removes its eth0.
      lost = r === 'stopped' ? undefined : linkLost(ctx, device);
      if (lost) break;
      if (r === 'stopped' || (r === 'tick' && !labOf(ctx).realtime && ++idle >= IDLE_CAP_SECONDS)) {
        interrupted = true;
        break;
      }
    }
  } finally {
    registry.close(handle);
  }
  // tcpdump.c cleanup(): "perhaps we didn't manage to finish a line we were printing" — a newline first.
  if (interrupted) ctx.stdout('\n');
  // tcpdump.c: pcap_loop() returned -1; the error, the counters, exit status 1.
  if (lost) ctx.stderr(`tcpdump: pcap_loop: ${lost}\n`);
  ctx.stderr(counters(captured, received));
  return lost ? 1 : 0;
}

/** Docker's embedded DNS answers PTR queries for containers (only a process that uses it as its resolver asks it). */
function embeddedDnsPtr(ctx: CommandContext): PtrLookup | undefined {
  const conf = ctx.scope.fs.read('/etc/resolv.conf');
  if (typeof conf !== 'string' || !/^nameserver 127\.0\.0\.11$/m.test(conf)) return undefined;
  return (ip) => reverseName(labCtx(ctx), ctx.scope.host, ip);
}

/**
 * libpcap's pcap-linux.c reports a capture device removed under it (a veth
 * deleted by `docker network disconnect`, a stopped container) as POLLHUP,
 * "The interface disappeared", and one set down as ENETDOWN.
 */
function linkLost(ctx: CommandContext, device: DeviceState | 'any'): string | undefined {
  if (device === 'any') return undefined;
  const now = labCtx(ctx).state.net.devices[device.id];
  if (!now) return 'The interface disappeared';
  return now.up ? undefined : 'The interface went down';
}

export const tcpdump: CommandSpec = {
  name: 'tcpdump',
  catchesInterrupt: true,
  usage: 'tcpdump [-enqlpvX] [-c count] [-i interface] [expression]',
  summary: 'Dump traffic on a network',
  run,
};
