/**
 * `iftop -t [-s N] [-i IF] [-n] [-N] [-P] [-B]` (netshoot's iftop 1.0pre4),
 * the text mode only ("iftop-lite"): the terminal here has no curses, so
 * without -t it prints the same text block every 2 seconds, as -t does.
 *
 * It opens a capture on the interface (net/capture/registry.ts, the first
 * interface that is up unless -i) and counts the IP length of every frame
 * that really crosses it while it runs — the pings, DNS queries and HTTP
 * exchanges other terminals (or a lab's background loop) cause — per host
 * pair, as sent (`=>`) by this side or received (`<=`). Rates are averaged
 * over what has elapsed of each window (2, 10, 40 s). Throughput that the
 * model computes without sending frames (iperf's bulk data) is not seen.
 * Names are never looked up (as with -n); -P keys pairs by port too.
 */
import type { CommandContext, CommandSpec } from '../types';
import type { CapturedFrame } from '../../net/capture/registry';
import type { DeviceState } from '../../net/state';
import { labCtx } from '../docker/engine-access';
import { devicesOf } from '../../net/netns';
import { ipBytes } from '../../net/capture/wire';
import { waitForActivity } from '../follow/wait';
import { iftopText, type IftopPair, type IftopTotals } from '../netfmt/iftop';

interface Opts {
  text: boolean;
  seconds?: number;
  iface?: string;
  ports: boolean;
}

interface Sample {
  t: number;
  key: string;
  local: string;
  remote: string;
  sent: boolean;
  bytes: number;
}

function parse(argv: string[]): Opts | string {
  const o: Opts = { text: false, ports: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-t') o.text = true;
    else if (a === '-n' || a === '-N') continue;
    else if (a === '-P') o.ports = true;
    else if (a === '-s' || a === '-i') {
      const v = argv[++i];
      if (v === undefined) return `iftop: option requires an argument -- '${a[1]}'`;
      if (a === '-i') o.iface = v;
      else if (!/^\d+$/.test(v) || Number(v) < 1) return 'Invalid duration, must be positive integer';
      else o.seconds = Number(v);
    } else return `iftop: invalid option -- '${a.replace(/^-+/, '')[0] ?? a}'`;
  }
  return o;
}

function pickDevice(devices: DeviceState[], name?: string): DeviceState | undefined {
  if (name !== undefined) return devices.find((d) => d.name === name);
  return devices.filter((d) => d.up && d.kind !== 'loopback').sort((a, b) => a.ifindex - b.ifindex)[0];
}

function sampleOf(rec: CapturedFrame, locals: Set<string>, ports: boolean): Sample | undefined {
  const pkt = rec.frame.packet;
  if (rec.frame.ethertype !== 'ipv4' || !pkt) return undefined;
  const sent = locals.has(pkt.src) || !locals.has(pkt.dst);
  const [l, r, lp, rp] = sent ? [pkt.src, pkt.dst, pkt.sport, pkt.dport] : [pkt.dst, pkt.src, pkt.dport, pkt.sport];
  const hasPorts = ports && (pkt.proto === 'tcp' || pkt.proto === 'udp');
  const local = hasPorts ? `${l}:${lp}` : l;
  const remote = hasPorts ? `${r}:${rp}` : r;
  return { t: rec.timeMs, key: `${local}|${remote}`, local, remote, sent, bytes: ipBytes(pkt, rec.mtu).length };
}

/** Bits per second over the part of each window that has elapsed. */
function rates(samples: Sample[], now: number, elapsed: number, sent: boolean): [number, number, number] {
  return [2, 10, 40].map((w) => {
    const span = Math.max(2, Math.min(w, elapsed / 1000));
    const bytes = samples.filter((s) => s.sent === sent && s.t > now - w * 1000).reduce((n, s) => n + s.bytes, 0);
    return (bytes * 8) / span;
  }) as [number, number, number];
}

type Peaks = { sent: number; received: number; total: number };

/** iftop keeps the highest 2-second rates it has seen: they are noted at every wake-up. */
function notePeaks(samples: Sample[], now: number, started: number, peaks: Peaks): void {
  const sent = rates(samples, now, now - started, true)[0];
  const received = rates(samples, now, now - started, false)[0];
  peaks.sent = Math.max(peaks.sent, sent);
  peaks.received = Math.max(peaks.received, received);
  peaks.total = Math.max(peaks.total, sent + received);
}

function report(samples: Sample[], now: number, started: number, peaks: Peaks): string {
  const elapsed = now - started;
  const groups = new Map<string, Sample[]>();
  for (const s of samples) groups.set(s.key, [...(groups.get(s.key) ?? []), s]);
  const pairs: IftopPair[] = [...groups.values()].map((g) => ({
    local: g[0].local, remote: g[0].remote,
    sent: rates(g, now, elapsed, true), received: rates(g, now, elapsed, false),
    sentBytes: g.filter((s) => s.sent).reduce((n, s) => n + s.bytes, 0),
    receivedBytes: g.filter((s) => !s.sent).reduce((n, s) => n + s.bytes, 0),
  }));
  // Sorted by the 2-second column, busiest first (iftop's default sort); ties keep first-seen order.
  pairs.sort((a, b) => b.sent[0] + b.received[0] - (a.sent[0] + a.received[0]));
  const sent = rates(samples, now, elapsed, true);
  const received = rates(samples, now, elapsed, false);
  notePeaks(samples, now, started, peaks);
  const totals: IftopTotals = {
    sent, received, peakSent: peaks.sent, peakReceived: peaks.received, peakTotal: peaks.total,
    sentBytes: pairs.reduce((n, p) => n + p.sentBytes, 0), receivedBytes: pairs.reduce((n, p) => n + p.receivedBytes, 0),
  };
  return iftopText(pairs, totals);
}

/**
 * Counts until -s seconds have passed (one report), or until Ctrl-C with a
 * report every 2 s; iftop's SIGINT handler exits cleanly (status 0).
 */
async function measure(ctx: CommandContext, o: Opts, samples: Sample[]): Promise<number> {
  const started = labCtx(ctx).clock.now();
  const peaks: Peaks = { sent: 0, received: 0, total: 0 };
  let printedAt = started;
  for (;;) {
    const r = await waitForActivity(ctx); // its own capture's frames wake it too
    const now = labCtx(ctx).clock.now();
    notePeaks(samples, now, started, peaks);
    if (o.seconds !== undefined && now - started >= o.seconds * 1000) {
      ctx.stdout(report(samples, now, started, peaks));
      return 0;
    }
    if (o.seconds === undefined && now - printedAt >= 2000) {
      printedAt = now;
      ctx.stdout(report(samples, now, started, peaks));
    }
    if (r === 'stopped') return 0;
  }
}

async function run(ctx: CommandContext): Promise<number> {
  const o = parse(ctx.argv.slice(1));
  if (typeof o === 'string') {
    ctx.stderr(`${o}\n`);
    return 1;
  }
  const lab = labCtx(ctx);
  const ns = lab.ns(ctx.scope.netnsId);
  const dev = pickDevice(devicesOf(lab.state.net, ns), o.iface);
  const name = o.iface ?? 'eth0';
  if (!dev) {
    ctx.stderr(`interface: ${name}\npcap_open_live(${name}): ${name}: No such device exists (SIOCGIFHWADDR: No such device)\n`);
    return 1;
  }
  const v4 = dev.addrs[0];
  ctx.stderr(`interface: ${dev.name}\n${v4 ? `IP address is: ${v4.ip}\n` : ''}MAC address is: ${dev.mac}\nListening on ${dev.name}\n`);
  const locals = new Set(dev.addrs.map((a) => a.ip));
  const samples: Sample[] = [];
  const handle = lab.captures!.open({ ns: ns.id, device: dev.id, promisc: true, deliver: (rec) => {
    const s = sampleOf(rec, locals, o.ports);
    if (s) samples.push(s);
  } });
  try {
    return await measure(ctx, o, samples);
  } finally {
    lab.captures!.close(handle);
  }
}

export const iftop: CommandSpec = {
  name: 'iftop',
  usage: 'iftop -t [-nNP] [-i interface] [-s seconds]',
  summary: 'display bandwidth usage on an interface by host',
  run,
};
