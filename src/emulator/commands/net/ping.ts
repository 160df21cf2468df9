/**
 * `ping` — BusyBox's applet in alpine/busybox, iputils on the host and in
 * GNU images. Every echo request really crosses the model (routes, ARP,
 * bridges, netfilter, NAT) and the reply really comes back; times are the
 * model's latencies, one probe per second of virtual time.
 */
import type { CommandContext, CommandSpec } from '../types';
import { labCtx } from '../docker/engine-access';
import { netfmtFlavors } from '../netfmt/types';
import { pingError, pingFirstSeq, pingHeader, pingReply, pingResolveError, pingStatus, pingSummary } from '../netfmt/ping';
import { resolveName } from '../../kernel/resolver';
import { ping as sendPing } from '../../net/transport';
import { hostsFileName, reverseName } from './reverse-name';
import { localMtuExceeded } from '../../net/mtu';

interface PingOpts {
  count?: number;
  intervalMs: number;
  size: number;
  quiet: boolean;
  /** iputils `-M do|want|dont|probe`: path MTU discovery; `do` forbids fragmenting. */
  pmtudisc?: string;
  host?: string;
  error?: string;
}

function parse(argv: string[]): PingOpts {
  const o: PingOpts = { intervalMs: 1000, size: 56, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    // getopt: an option's value may follow in the same word (`-c1`, `-W1`, `-s1400`).
    const attached = /^-([ciswWtM])(.+)$/.exec(a);
    if (attached) a = `-${attached[1]}`;
    const value = () => (attached ? attached[2] : argv[++i]);
    if (a === '-c') o.count = Number(value());
    else if (a === '-i') o.intervalMs = Math.max(200, Number(value()) * 1000);
    else if (a === '-s') o.size = Number(value());
    else if (a === '-W' || a === '-w' || a === '-t') value();
    else if (a === '-q') o.quiet = true;
    else if (a === '-M') o.pmtudisc = value() ?? '';
    else if (a === '-4' || a === '-n') continue;
    else if (a.startsWith('-')) o.error = a;
    else o.host = a;
  }
  if (o.count !== undefined && (!Number.isInteger(o.count) || o.count < 1)) o.error = `-c`;
  return o;
}

async function run(ctx: CommandContext): Promise<number> {
  const o = parse(ctx.argv.slice(1));
  const flavor = netfmtFlavors(ctx.scope.userland).ping;
  if (o.error || !o.host) {
    if (flavor === 'busybox') ctx.stderr(o.host ? `ping: invalid option -- '${(o.error ?? '-?').slice(1)}'\n` : 'BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n');
    else ctx.stderr(o.host ? `ping: invalid option -- '${(o.error ?? '-?').slice(1)}'\n` : 'ping: usage error: Destination address required\n');
    return flavor === 'busybox' ? 1 : 2;
  }
  // BusyBox's applet has no -M; iputils checks its argument before anything else.
  if (o.pmtudisc !== undefined && (flavor === 'busybox' || !['do', 'want', 'dont', 'probe'].includes(o.pmtudisc))) {
    ctx.stderr(flavor === 'busybox' ? "ping: invalid option -- 'M'\n" : `ping: invalid -M argument: ${o.pmtudisc}\n`);
    return flavor === 'busybox' ? 1 : 2;
  }
  const lab = labCtx(ctx);
  const ns = lab.ns(ctx.scope.netnsId);
  const res = resolveName(lab, ns, ctx.scope.fs, o.host);
  if (!res.ok) {
    const e = pingResolveError(flavor, o.host, res.error === 'timeout' ? 'temporary' : 'not-found');
    ctx.stderr(e.stderr);
    return e.status;
  }
  const ip = res.addresses[0];
  ctx.stdout(pingHeader(flavor, o.host, ip, o.size));
  const rtts: number[] = [];
  let sent = 0;
  let errors = 0;
  const started = lab.clock.now();
  const first = pingFirstSeq(flavor);
  const id = lab.rng.int(1, 65535);
  // With DF (-M do/probe) the kernel refuses a packet longer than the route's MTU (EMSGSIZE), reported per probe.
  const mtu = o.pmtudisc === 'do' || o.pmtudisc === 'probe' ? localMtuExceeded(lab.state.net, ns, ip, o.size) : undefined;
  for (let seq = first; o.count === undefined || sent < o.count; seq++) {
    if (ctx.interrupt.aborted) break;
    sent++;
    if (mtu !== undefined) {
      errors++;
      ctx.stderr(`ping: local error: message too long, mtu=${mtu}\n`);
      if (o.count !== undefined && sent >= o.count) break;
      if (!(await ctx.sleep(o.intervalMs))) break;
      continue;
    }
    const rt = sendPing(lab, ns, ip, seq, id, o.size);
    if (rt.drop?.kind === 'no-route' && rt.drop.ns === ns.id) {
      // The kernel refuses at once: there is no route at all (e.g. --network none).
      ctx.stderr(flavor === 'busybox' ? 'ping: sendto: Network unreachable\n' : 'ping: connect: Network is unreachable\n');
      return flavor === 'busybox' ? 1 : 2;
    }
    if (rt.answer) {
      rtts.push(rt.rttMs);
      const fromName = flavor === 'iputils' && ip !== o.host ? (hostsFileName(ctx.scope.fs, ip) ?? reverseName(lab, ctx.scope.host, ip) ?? ip) : undefined;
      if (!o.quiet) ctx.stdout(pingReply(flavor, { bytes: o.size + 8, fromName, fromIp: rt.answer.src, seq, ttl: rt.answer.ttl, timeMs: rt.rttMs }));
    } else if (rt.drop?.kind === 'host-unreachable' && rt.drop.reporter) {
      errors++;
      if (!o.quiet) ctx.stdout(pingError(flavor, { fromIp: rt.drop.reporter, seq, kind: 'host-unreachable' }));
    }
    if (o.count !== undefined && sent >= o.count) break;
    if (!(await ctx.sleep(o.intervalMs))) break;
  }
  const elapsed = lab.clock.now() - started + (rtts.at(-1) ?? 0);
  ctx.stdout(pingSummary(flavor, { host: o.host, transmitted: sent, rttsMs: rtts, errors, elapsedMs: elapsed }));
  return pingStatus(rtts.length);
}

export const ping: CommandSpec = {
  name: 'ping',
  catchesInterrupt: true,
  usage: 'ping [OPTIONS] HOST',
  summary: 'Send ICMP ECHO_REQUEST packets to network hosts',
  help: [
    '',
    'Usage',
    '  ping [options] <destination>',
    '',
    'Options:',
    '  <destination>      DNS name or IP address',
    '  -c <count>         stop after <count> replies',
    '  -i <interval>      seconds between sending each packet',
    '  -M <pmtud opt>     define path MTU discovery, can be one of <do|dont|want|probe>',
    '  -q                 quiet output',
    '  -s <size>          use <size> as number of data bytes to be sent',
    '  -W <timeout>       time to wait for response',
  ].join('\n'),
  run,
};
