/**
 * `drill [-x] [-V LEVEL] NAME [@server] [TYPE]` (ldns, in netshoot): one real
 * UDP query through the model, printed by ldns' packet printer
 * (netfmt/drill.ts). No reply: drill gives up with a network error after its
 * retries (NOT VERIFIED: we wait 3 × 5 s). drill exits 0 on NXDOMAIN, like
 * dig. With -V 5 (the netshoot README's `drill -V 5 perf-test-b`) it first
 * prints the query packet it sends: id 0, flags `rd`, no SERVER line and
 * `MSG SIZE  rcvd: 0`. Options that take a value (-V, -p, -k, -o, -r, -c,
 * -b, -y, -f, -i, -w, -s) consume it, so it is not mistaken for the name.
 */
import type { CommandContext, CommandSpec } from '../types';
import { drill as formatDrill, drillNetworkError, type DnsType } from '../netfmt/index';
import { answerOrigin, ask, defaultServer, DNS_TRY_MS, reverseZone, serverAddress, toRecords } from './dns-tools';
import { labCtx } from '../docker/engine-access';

const TYPES = ['A', 'AAAA', 'CNAME', 'PTR', 'NS', 'SOA', 'MX', 'TXT', 'SRV', 'ANY'];
/** drill.c's getopt string: these options take an argument. */
const WITH_VALUE = new Set(['-V', '-p', '-k', '-o', '-r', '-c', '-b', '-y', '-f', '-i', '-w', '-s']);

async function run(ctx: CommandContext): Promise<number> {
  let name: string | undefined;
  let server: string | undefined;
  let type: DnsType | undefined;
  let reverse = false;
  let verbosity = 0;
  const argv = ctx.argv.slice(1);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('@')) server = a.slice(1);
    else if (a === '-x') reverse = true;
    else if (WITH_VALUE.has(a)) {
      const v = argv[++i];
      if (a === '-V') verbosity = Number(v) || 0;
    } else if (a.startsWith('-')) continue;
    else if (name !== undefined && TYPES.includes(a.toUpperCase())) type = a.toUpperCase() as DnsType;
    else name ??= a;
  }
  if (!name) {
    ctx.stderr('Usage: drill [ OPTIONS ] name [@<server>] [type] [class]\n');
    return 1;
  }
  const addr = server ? serverAddress(ctx, server) : defaultServer(ctx);
  if (!addr) {
    ctx.stderr(`Error: error sending query: Could not send or receive, because of network error\n`);
    return 1;
  }
  const qtype: DnsType = reverse ? 'PTR' : (type ?? 'A');
  const qname = reverse ? reverseZone(name) : name;
  const lab = labCtx(ctx);
  if (verbosity >= 5) {
    ctx.stdout(formatDrill({
      id: 0, rcode: 'NOERROR', flags: { rd: true }, question: { name: qname, type: qtype }, queryTimeMs: 0, whenMs: lab.clock.now(), msgSize: 0,
    }));
  }
  const got = ask(ctx, addr, qname, qtype);
  if (got.kind !== 'answer') {
    if (got.kind === 'timeout' && !(await ctx.sleep(DNS_TRY_MS * 3))) return 130;
    const e = drillNetworkError();
    ctx.stderr(e.stderr);
    return e.status;
  }
  const own = addr === '127.0.0.11' && got.answer.rcode === 'NOERROR' && answerOrigin(qname) === 'docker';
  ctx.stdout(formatDrill({
    server: addr, id: lab.rng.int(1, 65535), rcode: got.answer.rcode, question: { name: qname, type: qtype },
    answer: toRecords(qname, qtype, got.answer), queryTimeMs: got.rttMs, whenMs: lab.clock.now(), compress: !own,
  }));
  return 0;
}

export const drill: CommandSpec = {
  name: 'drill',
  usage: 'drill [ OPTIONS ] name [@<server>] [type] [class]',
  summary: 'get (debug) information out of DNS(SEC)',
  run,
};
