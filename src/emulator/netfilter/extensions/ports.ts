/**
 * The tcp and udp matches (extensions/libxt_tcp.c, libxt_udp.c). `-p tcp
 * --dport 80` loads the tcp match implicitly, which is why `iptables -S`
 * prints `-p tcp -m tcp --dport 80`. tcp is an old-style extension with its
 * own "Only one ..." messages; udp uses libxtables' generic option checks.
 */
import type { PortMatch, TcpMatch, UdpMatch } from '../types';
import { paramProblem } from '../errors';
import { strtoui } from '../addr';
import { serviceName, servicePort } from '../names';
import type { MatchExt, ParseCtx } from './types';

/** xtables_parse_port(port, proto): number (base 0) or service name for that protocol. */
export function parsePort(text: string, proto: string): number {
  const n = strtoui(text, 0, 65535) ?? servicePort(text, proto);
  if (n === undefined) throw paramProblem(`invalid port/service \`${text}' specified`);
  return n;
}

function parseTcpPorts(text: string): { from: number; to: number } {
  const colon = text.indexOf(':');
  if (colon < 0) {
    const p = parsePort(text, 'tcp');
    return { from: p, to: p };
  }
  const lo = text.slice(0, colon);
  const hi = text.slice(colon + 1);
  const from = lo ? parsePort(lo, 'tcp') : 0;
  const to = hi ? parsePort(hi, 'tcp') : 0xffff;
  if (from > to) throw paramProblem('invalid portrange (min > max)');
  return { from, to };
}

/** xtopt_parse_mport for udp: `a`, `a:b`, `:b`, `a:`; names of any protocol. */
function parseUdpPorts(text: string, optName: string): { from: number; to: number } {
  const parts = text.split(':');
  if (parts.length > 2) throw paramProblem(`udp: Too many components for option "--${optName}" (max: 2)\n`);
  const vals = parts.map((p, i) => {
    if (p === '') return i === 0 ? 0 : 0xffff;
    const n = strtoui(p, 0, 65535) ?? servicePort(p);
    if (n === undefined) throw paramProblem(`Port "${p}" does not resolve to anything.\n`);
    return n;
  });
  return { from: vals[0], to: vals.length === 1 ? vals[0] : vals[1] };
}

const TCP_FLAGS: ReadonlyArray<[string, number]> = [
  ['FIN', 0x01], ['SYN', 0x02], ['RST', 0x04], ['PSH', 0x08], ['ACK', 0x10], ['URG', 0x20], ['ALL', 0x3f], ['NONE', 0],
];

function parseTcpFlagList(text: string): number {
  let v = 0;
  for (const part of text.split(',').filter((p) => p !== '')) {
    const hit = TCP_FLAGS.find(([n]) => n.toLowerCase() === part.toLowerCase());
    if (!hit) throw paramProblem(`Unknown TCP flag \`${part}'`);
    v |= hit[1];
  }
  return v;
}

/** print_tcpf: names in table order, NONE when empty. */
export function tcpFlagNames(flags: number): string {
  const names: string[] = [];
  let rest = flags;
  while (rest) {
    const hit = TCP_FLAGS.find(([, bit]) => (rest & bit) !== 0)!;
    names.push(hit[0]);
    rest &= ~hit[1];
  }
  return names.length ? names.join(',') : 'NONE';
}

function portName(port: number, proto: 'tcp' | 'udp', numeric: boolean): string {
  return (numeric ? undefined : serviceName(port, proto)) ?? String(port);
}

/** print_ports(): ` dpt:80`, ` dpts:1024:65535`, ` dpt:!ssh`; nothing for the full range. */
function printPorts(label: string, pm: PortMatch | undefined, proto: 'tcp' | 'udp', numeric: boolean): string {
  if (!pm || (pm.from === 0 && pm.to === 0xffff && !pm.invert)) return '';
  const inv = pm.invert ? '!' : '';
  if (pm.from === pm.to) return ` ${label}:${inv}${portName(pm.from, proto, numeric)}`;
  return ` ${label}s:${inv}${portName(pm.from, proto, numeric)}:${portName(pm.to, proto, numeric)}`;
}

function savePorts(opt: string, pm: PortMatch | undefined): string {
  if (!pm || (pm.from === 0 && pm.to === 0xffff)) return '';
  const inv = pm.invert ? ' !' : '';
  return pm.from === pm.to ? `${inv} --${opt} ${pm.from}` : `${inv} --${opt} ${pm.from}:${pm.to}`;
}

function tcpParse(m: TcpMatch, id: string, arg: string | undefined, invert: boolean, ctx: ParseCtx): void {
  if (id === 'source-port') {
    if (m.sport) throw paramProblem("Only one `--source-port' allowed");
    m.sport = { ...parseTcpPorts(arg!), invert };
  } else if (id === 'destination-port') {
    if (m.dport) throw paramProblem("Only one `--destination-port' allowed");
    m.dport = { ...parseTcpPorts(arg!), invert };
  } else if (id === 'syn' || id === 'tcp-flags') {
    if (m.flags) throw paramProblem("Only one of `--syn' or `--tcp-flags'  allowed");
    if (id === 'syn') m.flags = { mask: parseTcpFlagList('SYN,RST,ACK,FIN'), comp: 0x02, invert };
    else {
      const comp = ctx.takeArg();
      if (comp === undefined) throw paramProblem('--tcp-flags requires two args.');
      m.flags = { mask: parseTcpFlagList(arg!), comp: parseTcpFlagList(comp), invert };
    }
  }
}

export const tcpMatch: MatchExt<TcpMatch> = {
  name: 'tcp',
  generic: false,
  options: [
    { name: 'source-port', hasArg: true, invertible: true },
    { name: 'sport', hasArg: true, id: 'source-port', invertible: true },
    { name: 'destination-port', hasArg: true, invertible: true },
    { name: 'dport', hasArg: true, id: 'destination-port', invertible: true },
    { name: 'syn', hasArg: false, invertible: true },
    { name: 'tcp-flags', hasArg: true, invertible: true },
  ],
  create: () => ({ kind: 'tcp' }),
  parse: tcpParse,
  save(m) {
    let s = savePorts('sport', m.sport) + savePorts('dport', m.dport);
    if (m.flags) s += `${m.flags.invert ? ' !' : ''} --tcp-flags ${tcpFlagNames(m.flags.mask)} ${tcpFlagNames(m.flags.comp)}`;
    return s;
  },
  print(m, numeric) {
    let s = ' tcp' + printPorts('spt', m.sport, 'tcp', numeric) + printPorts('dpt', m.dport, 'tcp', numeric);
    if (m.flags) {
      const hex = (n: number) => `0x${n.toString(16).toUpperCase().padStart(2, '0')}`;
      const body = numeric ? `${hex(m.flags.mask)}/${hex(m.flags.comp)}` : `${tcpFlagNames(m.flags.mask)}/${tcpFlagNames(m.flags.comp)}`;
      s += ` flags:${m.flags.invert ? '!' : ''}${body}`;
    }
    return s;
  },
};

export const udpMatch: MatchExt<UdpMatch> = {
  name: 'udp',
  generic: true,
  options: [
    { name: 'source-port', hasArg: true, invertible: true },
    { name: 'sport', hasArg: true, id: 'source-port', invertible: true },
    { name: 'destination-port', hasArg: true, invertible: true },
    { name: 'dport', hasArg: true, id: 'destination-port', invertible: true },
  ],
  create: () => ({ kind: 'udp' }),
  parse(m, id, arg, invert) {
    const range = parseUdpPorts(arg!, id);
    if (id === 'source-port') m.sport = { ...range, invert };
    else m.dport = { ...range, invert };
  },
  save: (m) => savePorts('sport', m.sport) + savePorts('dport', m.dport),
  print: (m, numeric) => ' udp' + printPorts('spt', m.sport, 'udp', numeric) + printPorts('dpt', m.dport, 'udp', numeric),
};
