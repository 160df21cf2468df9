/**
 * `dig [@server] [name] [type] [+short] [+noall +answer] [-x addr]` (bind9
 * 9.18, the host and netshoot). One real UDP query through the model to the
 * first nameserver of /etc/resolv.conf or `@server`. dig does not apply the
 * search list unless `+search`. Docker's embedded resolver answers its own
 * names without EDNS and without compression; replies relayed from the
 * upstream resolvers carry an OPT record (dnsmasq's 1232-byte limit) and are
 * compressed. No reply: `+tries` (3) × `+time` (5 s) of waiting, then
 * `;; no servers could be reached`, exit 9. An NXDOMAIN reply here has no
 * SOA in its authority section (the model's servers send none).
 */
import type { CommandContext, CommandSpec } from '../types';
import { dig as formatDig, digNoServers, digRecord, digShort, type DnsType } from '../netfmt/index';
import { answerOrigin, ask, defaultServer, reverseZone, searchCandidates, serverAddress, toRecords } from './dns-tools';
import { labCtx } from '../docker/engine-access';

const TYPES: readonly string[] = ['A', 'AAAA', 'CNAME', 'PTR', 'NS', 'SOA', 'MX', 'TXT', 'SRV', 'ANY'];

interface Opts {
  server?: string;
  name?: string;
  type?: DnsType;
  short: boolean;
  noall: boolean;
  answer: boolean;
  search: boolean;
  timeS: number;
  tries: number;
  reverse: boolean;
}

function parse(argv: string[]): Opts | string {
  const o: Opts = { short: false, noall: false, answer: false, search: false, timeS: 5, tries: 3, reverse: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('@')) o.server = a.slice(1);
    else if (a === '+short') o.short = true;
    else if (a === '+noall') o.noall = true;
    else if (a === '+answer') o.answer = true;
    else if (a === '+search') o.search = true;
    else if (a.startsWith('+time=')) o.timeS = Number(a.slice(6)) || 5;
    else if (a.startsWith('+tries=')) o.tries = Number(a.slice(7)) || 3;
    else if (a.startsWith('+retry=')) o.tries = (Number(a.slice(7)) || 2) + 1;
    else if (a.startsWith('+')) continue;
    else if (a === '-x') {
      if (argv[i + 1] === undefined) return 'Invalid option: -x\nUsage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n';
      o.reverse = true;
      o.name = argv[++i];
      o.type = 'PTR';
    } else if (a === '-t') o.type = (argv[++i] ?? 'A').toUpperCase() as DnsType;
    else if (a === '-p' || a === '-b') i++;
    else if (a === '-4') continue;
    else if (a.startsWith('-')) return `Invalid option: ${a}\n`;
    else if (TYPES.includes(a.toUpperCase()) && o.name !== undefined && !o.type) o.type = a.toUpperCase() as DnsType;
    else if (a.toUpperCase() === 'IN') continue;
    else if (o.name === undefined) o.name = a;
  }
  return o;
}

async function run(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  const o = parse(args);
  if (typeof o === 'string') {
    ctx.stderr(o);
    return 1;
  }
  const server = o.server ? serverAddress(ctx, o.server) : defaultServer(ctx);
  if (!server) {
    ctx.stderr(`dig: couldn't get address for '${o.server ?? ''}': not found\n`);
    return 10;
  }
  const type: DnsType = o.type ?? (o.name === undefined ? 'NS' : 'A');
  const base = o.name === undefined ? '.' : o.reverse ? reverseZone(o.name) : o.name;
  const names = o.search && !o.reverse && base !== '.' ? searchCandidates(ctx, base) : [base];
  const lab = labCtx(ctx);
  for (const name of names) {
    const got = ask(ctx, server, name, type);
    if (got.kind !== 'answer') {
      if (got.kind === 'timeout' && !(await ctx.sleep(o.timeS * 1000 * o.tries))) return 130;
      const r = digNoServers({ args, serverGiven: !!o.server, server, tries: o.tries, cause: got.kind === 'refused' ? 'connection refused' : 'timed out' });
      ctx.stdout(r.stdout);
      return r.status;
    }
    if (got.answer.rcode === 'NXDOMAIN' && name !== names[names.length - 1]) continue;
    const answer = toRecords(name, type, got.answer);
    if (o.short) ctx.stdout(digShort(answer));
    else if (o.noall) ctx.stdout(o.answer ? answer.map((r) => digRecord(r) + '\n').join('') : '');
    else {
      const own = server === '127.0.0.11' && got.answer.rcode === 'NOERROR' && answerOrigin(name) === 'docker';
      ctx.stdout(formatDig({
        args, serverGiven: !!o.server, server, id: lab.rng.int(1, 65535), rcode: got.answer.rcode,
        question: { name, type }, answer, queryTimeMs: got.rttMs, whenMs: lab.clock.now(),
        edns: own ? undefined : { udp: 1232 }, compress: !own,
      }));
    }
    return 0;
  }
  return 0;
}

export const dig: CommandSpec = {
  name: 'dig',
  usage: 'dig [@global-server] [domain] [q-type] [q-class] {q-opt}',
  summary: 'DNS lookup utility',
  run,
};
