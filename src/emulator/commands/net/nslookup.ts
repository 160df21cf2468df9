/**
 * `nslookup NAME [SERVER]`: BusyBox ≥1.28 in alpine/busybox, bind9's on the
 * host and in GNU images. Real UDP queries through the model to the first
 * nameserver of the process's /etc/resolv.conf (or SERVER): A then AAAA for
 * a name, PTR for an address, or the `-type=` asked. The search list applies
 * as the resolver applies it; the first candidate that has an answer wins,
 * else the last NXDOMAIN is shown. No answer: BusyBox waits 2 × 5 s, bind9
 * 3 × 5 s, before saying no server could be reached.
 */
import type { CommandContext, CommandSpec } from '../types';
import { netfmtFlavors, nslookup as format, nslookupTimeout, type DnsType, type NslookupReply } from '../netfmt/index';
import { ask, defaultServer, DNS_TRY_MS, reverseZone, searchCandidates, serverAddress, toRecords, type Asked } from './dns-tools';
import { isIp } from '../../net/ipv4';

const TYPES: readonly DnsType[] = ['A', 'AAAA', 'CNAME', 'PTR', 'NS', 'SOA', 'MX', 'TXT', 'SRV'];

interface Opts {
  name?: string;
  server?: string;
  type?: DnsType;
  error?: string;
}

function parse(argv: string[]): Opts {
  const o: Opts = {};
  for (const a of argv) {
    const t = /^-(?:type|query|q|querytype)=(.+)$/i.exec(a);
    if (t) {
      const type = t[1].toUpperCase() as DnsType;
      if (!TYPES.includes(type)) o.error = `unknown query type: ${t[1]}`;
      o.type = type;
    } else if (a === '-debug' || a === '-d' || a.startsWith('-port=') || a.startsWith('-timeout=')) continue;
    else if (a.startsWith('-')) o.error = `invalid option '${a}'`;
    else if (o.name === undefined) o.name = a;
    else o.server ??= a;
  }
  return o;
}

function usage(ctx: CommandContext, busybox: boolean): number {
  if (busybox) {
    ctx.stderr('BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n');
    return 1;
  }
  ctx.stdout('> ');
  return 0;
}

async function timedOut(ctx: CommandContext, busybox: boolean, server: string): Promise<number> {
  if (!(await ctx.sleep(DNS_TRY_MS * (busybox ? 2 : 3)))) return 130;
  const r = nslookupTimeout(busybox ? 'busybox' : 'bind9', server);
  ctx.stdout(r.stdout);
  return r.status;
}

async function run(ctx: CommandContext): Promise<number> {
  const flavor = netfmtFlavors(ctx.scope.userland).nslookup;
  const busybox = flavor === 'busybox';
  const o = parse(ctx.argv.slice(1));
  if (o.error) {
    ctx.stderr(busybox ? `nslookup: ${o.error}\n` : `*** ${o.error}\n`);
    return 1;
  }
  if (!o.name) return usage(ctx, busybox);
  const server = o.server ? serverAddress(ctx, o.server) : defaultServer(ctx);
  if (!server) {
    ctx.stderr(busybox ? `nslookup: bad address '${o.server ?? ''}'\n` : `nslookup: couldn't get address for '${o.server ?? ''}': not found\n`);
    return 1;
  }
  const reverse = isIp(o.name) && !o.type;
  const types: DnsType[] = o.type ? [o.type] : reverse ? ['PTR'] : ['A', 'AAAA'];
  const names = reverse ? [reverseZone(o.name)] : searchCandidates(ctx, o.name);
  let first: Asked | undefined;
  let qname = names[names.length - 1];
  for (const cand of names) {
    first = ask(ctx, server, cand, types[0]);
    if (first.kind !== 'answer') return timedOut(ctx, busybox, server);
    qname = cand;
    if (first.answer.rcode === 'NOERROR') break;
  }
  const replies: NslookupReply[] = [];
  for (const type of types) {
    const got = type === types[0] ? first! : ask(ctx, server, qname, type);
    if (got.kind !== 'answer') return timedOut(ctx, busybox, server);
    replies.push({ qname, qtype: type, rcode: got.answer.rcode, answers: toRecords(qname, type, got.answer) });
  }
  const out = format(flavor, { server, replies, explicitType: !!o.type });
  ctx.stdout(out.stdout);
  return out.status;
}

export const nslookup: CommandSpec = {
  name: 'nslookup',
  usage: 'nslookup [-type=QUERY_TYPE] HOST [DNS_SERVER]',
  summary: 'query Internet name servers',
  run,
};
