/**
 * The conntrack match, revision 3 (extensions/libxt_conntrack.c): the
 * connection's state (`--ctstate`) and its tuples, which are what Docker's
 * documentation recommends for DOCKER-USER rules about published ports,
 * because FORWARD sees the packet after DNAT:
 *   iptables -I DOCKER-USER -p tcp -m conntrack --ctorigdstport 8080 -j DROP
 * Whatever order the options come in, -S and -L print them in
 * conntrack_dump()'s fixed order: state, proto, addresses, ports.
 */
import type { AddrSpec, ConntrackMatch, PortMatch } from '../types';
import { paramProblem } from '../errors';
import { applyMask, listMaskSuffix, networkNameOf, parseNumericIp, prefixToMask, strtoui } from '../addr';
import { protocolNumber, servicePort } from '../names';
import { parseConntrackStates, statesText } from './ctstate';
import type { MatchExt } from './types';

type AddrKey = 'origSrc' | 'origDst' | 'replSrc' | 'replDst';
type PortKey = 'origSrcPort' | 'origDstPort' | 'replSrcPort' | 'replDstPort';

const ADDR_OPTS: ReadonlyArray<[string, AddrKey]> = [['ctorigsrc', 'origSrc'], ['ctorigdst', 'origDst'], ['ctreplsrc', 'replSrc'], ['ctrepldst', 'replDst']];
const PORT_OPTS: ReadonlyArray<[string, PortKey]> = [
  ['ctorigsrcport', 'origSrcPort'], ['ctorigdstport', 'origDstPort'], ['ctreplsrcport', 'replSrcPort'], ['ctrepldstport', 'replDstPort'],
];

/** XTTYPE_HOSTMASK: an address (or localhost) and an optional prefix length. */
function parseHostMask(arg: string, invert: boolean): AddrSpec {
  const [host, plen] = arg.split('/');
  const ip = parseNumericIp(host) ?? (host === 'localhost' ? '127.0.0.1' : undefined);
  if (!ip) throw paramProblem('getaddrinfo: Name or service not known\n');
  let bits = 32;
  if (plen !== undefined) {
    const n = strtoui(plen, 0, 255);
    if (n === undefined) throw paramProblem(`invalid mask \`${plen}' specified`);
    bits = Math.min(n, 32);
  }
  const mask = prefixToMask(bits);
  return { addr: applyMask(ip, mask), mask, invert };
}

/** XTTYPE_PORTRC: `port` or `low:high`, names of any protocol. */
function parsePortRange(arg: string, opt: string, invert: boolean): PortMatch {
  const parts = arg.split(':');
  if (parts.length > 2) throw paramProblem(`conntrack: Too many components for option "--${opt}" (max: 2)\n`);
  const vals = parts.map((p) => {
    const n = strtoui(p, 0, 65535) ?? servicePort(p);
    if (n === undefined) throw paramProblem(`Port "${p}" does not resolve to anything.\n`);
    return n;
  });
  return { from: vals[0], to: vals[vals.length - 1], invert };
}

function addrText(a: AddrSpec, numeric: boolean): string {
  if (!numeric && a.addr === '0.0.0.0') return ' anywhere';
  const name = numeric ? a.addr : (a.addr === '127.0.0.1' ? 'localhost' : (networkNameOf(a.addr) ?? a.addr));
  return ` ${name}${listMaskSuffix(a.mask)}`;
}

function dump(m: ConntrackMatch, pfx: string, numeric: boolean): string {
  const inv = (x: { invert: boolean } | undefined) => (x?.invert ? ' !' : '');
  let s = m.states.length ? `${m.invert ? ' !' : ''} ${pfx}ctstate ${statesText(m.states)}` : '';
  if (m.proto) s += `${inv(m.proto)} ${pfx}ctproto ${m.proto.num}`;
  for (const [opt, key] of ADDR_OPTS) {
    const a = m[key];
    if (a) s += `${inv(a)} ${pfx}${opt}${addrText(a, numeric)}`;
  }
  for (const [opt, key] of PORT_OPTS) {
    const p = m[key];
    if (p) s += `${inv(p)} ${pfx}${opt} ${p.from === p.to ? p.from : `${p.from}:${p.to}`}`;
  }
  return s;
}

export const conntrackMatch: MatchExt<ConntrackMatch> = {
  name: 'conntrack',
  generic: true,
  options: [
    { name: 'ctstate', hasArg: true, invertible: true },
    { name: 'ctproto', hasArg: true, invertible: true },
    ...ADDR_OPTS.map(([name]) => ({ name, hasArg: true, invertible: true })),
    ...PORT_OPTS.map(([name]) => ({ name, hasArg: true, invertible: true })),
  ],
  create: () => ({ kind: 'conntrack', states: [], invert: false }),
  parse(m, id, arg, invert) {
    const a = arg!;
    if (id === 'ctstate') Object.assign(m, { states: parseConntrackStates(a), invert });
    else if (id === 'ctproto') {
      const num = strtoui(a, 0, 255) ?? protocolNumber(a.toLowerCase());
      if (num === undefined) throw paramProblem(`unknown protocol "${a}" specified`);
      m.proto = { num, invert };
    } else {
      const addr = ADDR_OPTS.find(([o]) => o === id);
      if (addr) m[addr[1]] = parseHostMask(a, invert);
      else m[PORT_OPTS.find(([o]) => o === id)![1]] = parsePortRange(a, id, invert);
    }
  },
  finish(_m, ctx) {
    if (ctx.seen.size === 0) throw paramProblem('conntrack: At least one option is required');
  },
  save: (m) => dump(m, '--', true),
  print: (m, numeric) => dump(m, '', numeric),
};
