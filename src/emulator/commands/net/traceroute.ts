/**
 * `traceroute HOST`: BusyBox's applet (header on stderr, 46-byte packets) or
 * Debian's traceroute 2.1 (header on stdout, 60-byte packets). Hops are
 * found with real TTL-limited probes (trace-probe.ts): TTL 1, 2, 3… until
 * the destination answers or `-m` (30) hops. Each unanswered probe costs
 * the wait time (`-w`, 5 s) of virtual time — Ctrl-C stops the trace.
 * Names come from /etc/hosts and, for a process that asks Docker's embedded
 * DNS, its `<name>.<network>` convention — unless -n. Debian's traceroute
 * sends its probes in parallel; here they go one after the other, which
 * only changes how long a row of `*` takes.
 */
import type { CommandContext, CommandSpec } from '../types';
import { labCtx } from '../docker/engine-access';
import { tracerouteBadAddress, tracerouteHeader, tracerouteHop, type TraceProbe } from '../netfmt/index';
import { readResolvConf, resolveName } from '../../kernel/resolver';
import { traceProbe } from './trace-probe';
import { hostsFileName, reverseName } from './reverse-name';

interface Opts {
  host?: string;
  numeric: boolean;
  icmp: boolean;
  maxHops: number;
  queries: number;
  waitS: number;
  error?: string;
}

function parse(argv: string[]): Opts {
  const o: Opts = { numeric: false, icmp: false, maxHops: 30, queries: 3, waitS: 5 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => Number(argv[++i]);
    if (a === '-n') o.numeric = true;
    else if (a === '-I') o.icmp = true;
    else if (a === '-m') o.maxHops = num();
    else if (a === '-q') o.queries = num();
    else if (a === '-w') o.waitS = num();
    else if (a === '-4') continue;
    else if (a.startsWith('-')) o.error = a;
    else if (o.host === undefined) o.host = a;
  }
  if (!(o.maxHops >= 1 && o.maxHops <= 255) || !(o.queries >= 1 && o.queries <= 10) || !(o.waitS >= 0)) o.error ??= '-m';
  return o;
}

/** /etc/hosts first; Docker's embedded DNS answers PTR for containers only to processes that ask it. */
export function nameOf(ctx: CommandContext, ip: string): string | undefined {
  const embedded = readResolvConf(ctx.scope.fs).nameservers[0] === '127.0.0.11';
  return hostsFileName(ctx.scope.fs, ip) ?? (embedded ? reverseName(labCtx(ctx), ctx.scope.host, ip) : undefined);
}

/** Debian's traceroute prints ` *` per lost probe where BusyBox prints `  *`. */
function hopLine(busybox: boolean, ttl: number, probes: TraceProbe[], numeric: boolean): string {
  const line = tracerouteHop(ttl, probes, { numeric });
  return busybox ? line : line.replace(/ {2}\*/g, ' *').replace(/^(\s?\d+) \*/, '$1  *');
}

async function run(ctx: CommandContext): Promise<number> {
  const busybox = ctx.scope.userland === 'busybox';
  const o = parse(ctx.argv.slice(1));
  if (o.error || !o.host) {
    ctx.stderr(busybox
      ? 'BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.\n\nUsage: traceroute [-46IFlnrv] [-f 1ST_TTL] [-m MAXTTL] [-q PROBES] [-p PORT]\n\t[-t TOS] [-w WAIT_SEC] [-s SRC_IP] [-i IFACE]\n\t[-z PAUSE_MSEC] HOST [BYTES]\n'
      : 'Usage:\n  traceroute [ -46dFITnreAUDV ] [ -f first_ttl ] [ -g gate,... ] [ -i device ] [ -m max_ttl ] [ -N squeries ] [ -p port ] [ -t tos ] [ -l flow_label ] [ -w MAX,HERE,NEAR ] [ -q nqueries ] [ -s src_addr ] [ -z sendwait ] [ --fwmark=num ] host [ packetlen ]\n');
    return busybox ? 1 : 2;
  }
  const lab = labCtx(ctx);
  const ns = lab.ns(ctx.scope.netnsId);
  const res = resolveName(lab, ns, ctx.scope.fs, o.host);
  if (!res.ok) {
    ctx.stderr(busybox ? tracerouteBadAddress(o.host) : `${o.host}: Name or service not known\nCannot handle "host" cmdline arg \`${o.host}' on position 1 (argc 1)\n`);
    return busybox ? 1 : 2;
  }
  const ip = res.addresses[0];
  const header = tracerouteHeader({ host: o.host, ip, maxHops: o.maxHops, packetSize: busybox ? (o.icmp ? 84 : 46) : 60 });
  if (busybox) ctx.stderr(header);
  else ctx.stdout(header);
  return trace(ctx, o, ip, busybox);
}

/** TTL 1, 2, 3…: one line per hop, until the destination answers. */
async function trace(ctx: CommandContext, o: Opts, ip: string, busybox: boolean): Promise<number> {
  const lab = labCtx(ctx);
  const ns = lab.ns(ctx.scope.netnsId);
  let seq = 0;
  for (let ttl = 1; ttl <= o.maxHops; ttl++) {
    const probes: TraceProbe[] = [];
    let reached = false;
    for (let q = 0; q < o.queries; q++) {
      const r = traceProbe(lab, ns, ip, ttl, seq++, o.icmp);
      if (r.kind === 'no-route') {
        ctx.stderr(busybox ? 'traceroute: sendto: Network unreachable\n' : 'send: Network is unreachable\n');
        return 1;
      }
      if (r.kind === 'lost') {
        probes.push(null);
        if (!(await ctx.sleep(o.waitS * 1000))) return 130;
        continue;
      }
      reached ||= r.reached;
      probes.push({ ip: r.from, name: o.numeric ? undefined : nameOf(ctx, r.from), ms: r.rttMs });
    }
    ctx.stdout(hopLine(busybox, ttl, probes, o.numeric));
    if (reached) return 0;
  }
  return 0;
}

export const traceroute: CommandSpec = {
  name: 'traceroute',
  usage: 'traceroute [-46IFlnrv] [-m MAXTTL] [-q PROBES] [-w WAIT_SEC] HOST',
  summary: 'print the route packets trace to network host',
  run,
};
