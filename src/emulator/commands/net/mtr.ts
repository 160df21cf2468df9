/**
 * `mtr --report [-n] [-c COUNT] HOST` (mtr 0.95, in netshoot): traceroute and
 * ping in one — each cycle (one a second) sends an ICMP echo with TTL 1, 2,
 * 3… through the model (trace-probe.ts) up to the hop that is the
 * destination, and the report gives each hop's loss and round trips. mtr's
 * curses display needs a terminal the lab does not draw, so without -r it
 * prints the same report ("mtr-lite"). Hops are named as traceroute names
 * them (/etc/hosts, Docker's embedded DNS) unless -n. A hop that never
 * answers is `???`; after the last hop that answered, one such line stands
 * for the rest when the destination is never reached.
 */
import type { CommandContext, CommandSpec } from '../types';
import { labCtx } from '../docker/engine-access';
import { resolveName } from '../../kernel/resolver';
import { traceProbe } from './trace-probe';
import { nameOf } from './traceroute';
import { mtrReport, type MtrHop } from '../netfmt/mtr';

interface Opts {
  host?: string;
  numeric: boolean;
  wide: boolean;
  cycles: number;
  maxTtl: number;
  error?: string;
}

function parse(argv: string[]): Opts {
  const o: Opts = { numeric: false, wide: false, cycles: 10, maxTtl: 30 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-r' || a === '--report' || a === '-4' || a === '-t' || a === '--curses') continue;
    else if (a === '-n' || a === '--no-dns') o.numeric = true;
    else if (a === '-w' || a === '--report-wide') o.wide = true;
    else if (/^-(rn|nr|rw|wr|rwn|rnw|nrw)$/.test(a)) (o.numeric ||= a.includes('n'), o.wide ||= a.includes('w'));
    else if (a === '-c' || a === '--report-cycles') o.cycles = Number(argv[++i]);
    else if (a === '-m' || a === '--max-ttl') o.maxTtl = Number(argv[++i]);
    else if (a.startsWith('-')) o.error = `mtr: unrecognized option '${a}'`;
    else o.host ??= a;
  }
  if (!o.error && (!Number.isInteger(o.cycles) || o.cycles < 1)) o.error = 'mtr: Number of cycles must be greater than 0';
  if (!o.error && (!Number.isInteger(o.maxTtl) || o.maxTtl < 1 || o.maxTtl > 255)) o.error = 'mtr: Max TTL must be between 1 and 255';
  return o;
}

/** `2026-01-12T09:00:00+0000` (strftime %Y-%m-%dT%H:%M:%S%z, the hosts run in UTC). */
function startStamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}+0000`;
}

/** One cycle: a probe per TTL until the destination answers; each hop's tally is updated. */
function cycle(ctx: CommandContext, o: Opts, ip: string, hops: MtrHop[], seq: number): void {
  const lab = labCtx(ctx);
  const ns = lab.ns(ctx.scope.netnsId);
  for (let ttl = 1; ttl <= o.maxTtl; ttl++) {
    const hop = (hops[ttl - 1] ??= { sent: 0, rtts: [], last: 0 });
    hop.sent++;
    const r = traceProbe(lab, ns, ip, ttl, seq * 64 + ttl, true);
    if (r.kind !== 'hop') {
      hop.last = 0;
      continue;
    }
    hop.host ??= o.numeric ? r.from : (nameOf(ctx, r.from) ?? r.from);
    hop.rtts.push(r.rttMs);
    hop.last = r.rttMs;
    if (r.reached) {
      hops.length = ttl;
      return;
    }
  }
}

async function run(ctx: CommandContext): Promise<number> {
  const o = parse(ctx.argv.slice(1));
  if (o.error || !o.host) {
    ctx.stderr(`${o.error ?? 'mtr: No destination host given'}\n`);
    return 1;
  }
  const lab = labCtx(ctx);
  const res = resolveName(lab, lab.ns(ctx.scope.netnsId), ctx.scope.fs, o.host);
  if (!res.ok) {
    ctx.stderr(`mtr: Failed to resolve host: ${o.host}: Name does not resolve\n`);
    return 1;
  }
  const start = startStamp(lab.clock.now());
  const hops: MtrHop[] = [];
  for (let i = 0; i < o.cycles; i++) {
    cycle(ctx, o, res.addresses[0], hops, i);
    if (!(await ctx.sleep(1000))) break;
  }
  // Past the last hop that ever answered, one `???` stands for the silent rest.
  const lastAnswered = hops.map((h) => h.rtts.length > 0).lastIndexOf(true);
  const shown = hops.slice(0, Math.min(hops.length, lastAnswered + 2));
  const file = ctx.scope.fs.read('/etc/hostname');
  const hostname = (typeof file === 'string' && !['ENOENT', 'EISDIR', 'ENOTDIR'].includes(file) && file.trim()) || ctx.scope.host;
  ctx.stdout(mtrReport(start, hostname, shown, o.wide));
  return 0;
}

export const mtr: CommandSpec = {
  name: 'mtr',
  usage: 'mtr [-rnw] [-c COUNT] [-m MAXTTL] HOSTNAME',
  summary: 'a network diagnostic tool',
  run,
};
