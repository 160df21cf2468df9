/**
 * The multiport match, revision 1 (extensions/libxt_multiport.c): up to 15
 * ports where a range `a:b` takes two slots. It needs `-p tcp` or `-p udp`
 * before the option, and any two of its options exclude each other.
 */
import type { MultiportMatch, PortRange } from '../types';
import { paramProblem } from '../errors';
import { protocolName, serviceName } from '../names';
import { parsePort } from './ports';
import type { MatchExt } from './types';

const MAX_PORTS = 15;
const PORT_PROTOS = new Set(['tcp', 'udp', 'udplite', 'sctp', 'dccp']);

function checkProto(proto: number, invert: boolean): string {
  if (invert) throw paramProblem('multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP');
  const name = protocolName(proto);
  if (name && PORT_PROTOS.has(name)) return name;
  if (!proto) throw paramProblem("multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'");
  throw paramProblem('multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP');
}

function parseList(text: string, proto: string): PortRange[] {
  const out: PortRange[] = [];
  let slots = 0;
  const items = text.split(',');
  for (const item of items) {
    if (slots >= MAX_PORTS) throw paramProblem('too many ports specified');
    const [lo, hi] = item.split(':');
    if (hi !== undefined && slots === MAX_PORTS - 1) throw paramProblem('too many ports specified');
    const from = parsePort(lo, proto);
    const to = hi === undefined ? from : parsePort(hi, proto);
    if (hi !== undefined && from >= to) throw paramProblem('invalid portrange specified');
    out.push({ from, to });
    slots += hi === undefined ? 1 : 2;
  }
  return out;
}

function portText(port: number, proto: number, numeric: boolean): string {
  const name = protocolName(proto);
  const svc = !numeric && (name === 'tcp' || name === 'udp') ? serviceName(port, name) : undefined;
  return svc ?? String(port);
}

const FLAVOR: Record<string, MultiportMatch['flavor']> = {
  'source-ports': 'sports',
  'destination-ports': 'dports',
  ports: 'ports',
};

export const multiportMatch: MatchExt<MultiportMatch> = {
  name: 'multiport',
  generic: true,
  options: [
    { name: 'source-ports', hasArg: true, invertible: true, excludes: ['*'] },
    { name: 'sports', hasArg: true, id: 'source-ports', invertible: true, excludes: ['*'] },
    { name: 'destination-ports', hasArg: true, invertible: true, excludes: ['*'] },
    { name: 'dports', hasArg: true, id: 'destination-ports', invertible: true, excludes: ['*'] },
    { name: 'ports', hasArg: true, invertible: true, excludes: ['*'] },
  ],
  create: () => ({ kind: 'multiport', flavor: 'dports', ports: [], invert: false }),
  parse(m, id, arg, invert, ctx) {
    const proto = checkProto(ctx.proto, ctx.protoInvert);
    m.ports = parseList(arg!, proto);
    m.flavor = FLAVOR[id];
    m.invert = invert;
  },
  finish(m, ctx) {
    if (ctx.seen.size === 0) throw paramProblem('multiport expection an option');
  },
  save(m) {
    const list = m.ports.map((p) => (p.from === p.to ? `${p.from}` : `${p.from}:${p.to}`)).join(',');
    return `${m.invert ? ' !' : ''} --${m.flavor} ${list}`;
  },
  print(m, numeric, proto) {
    const list = m.ports
      .map((p) => (p.from === p.to ? portText(p.from, proto, numeric) : `${portText(p.from, proto, numeric)}:${portText(p.to, proto, numeric)}`))
      .join(',');
    return ` multiport ${m.flavor} ${m.invert ? ' !' : ''}${list}`;
  },
};
