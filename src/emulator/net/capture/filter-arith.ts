/**
 * pcap-filter(7)'s arithmetic relations: `tcp[tcpflags] & tcp-syn != 0`,
 * `tcp[13] = 2`, `icmp[icmptype] == icmp-echo`, `ip[2:2] > 576`, `len <= 100`.
 * Operands are numbers (decimal, 0x hex, 0 octal), libpcap's named offsets and
 * flag values, `len`, and `proto[offset]` / `proto[offset:size]` (size 1, 2
 * or 4, big-endian). Precedence as in libpcap's grammar.y, lowest first:
 * `|` and `^`, `&`, `<<` `>>`, `+` `-`, `*` `/` `%`, unary `-`.
 */
import type { Frame } from '../packet';
import { frameBytes, ipBytes, transportBytes } from './wire';

export type ArithProto = 'ether' | 'ip' | 'arp' | 'tcp' | 'udp' | 'icmp';

export type Arith =
  | { kind: 'num'; value: number }
  | { kind: 'len' }
  | { kind: 'load'; proto: ArithProto; offset: Arith; size: 1 | 2 | 4 }
  | { kind: 'neg'; arg: Arith }
  | { kind: 'bin'; op: string; left: Arith; right: Arith };

export interface Relation {
  kind: 'rel';
  op: string;
  left: Arith;
  right: Arith;
}

/** The names libpcap's scanner turns into numbers (scanner.l). */
const NAMED: Record<string, number> = {
  icmptype: 0, icmpcode: 1, tcpflags: 13,
  'icmp-echoreply': 0, 'icmp-unreach': 3, 'icmp-sourcequench': 4, 'icmp-redirect': 5, 'icmp-echo': 8,
  'icmp-routeradvert': 9, 'icmp-routersolicit': 10, 'icmp-timxceed': 11, 'icmp-paramprob': 12,
  'icmp-tstamp': 13, 'icmp-tstampreply': 14, 'icmp-ireq': 15, 'icmp-ireqreply': 16, 'icmp-maskreq': 17, 'icmp-maskreply': 18,
  'tcp-fin': 0x01, 'tcp-syn': 0x02, 'tcp-rst': 0x04, 'tcp-push': 0x08, 'tcp-ack': 0x10, 'tcp-urg': 0x20, 'tcp-ece': 0x40, 'tcp-cwr': 0x80,
};

const LOAD_PROTOS = new Set<string>(['ether', 'ip', 'arp', 'tcp', 'udp', 'icmp']);
const RELOPS = new Set(['>', '>=', '<', '<=', '=', '==', '!=']);
/** Binary operators by level, lowest first. */
const LEVELS = [['|', '^'], ['&'], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];
const OPERATORS = new Set([...RELOPS, ...LEVELS.flat()]);

export class ArithSyntaxError extends Error {}

function number(text: string): number | undefined {
  if (/^0x[0-9a-f]+$/i.test(text)) return parseInt(text, 16);
  if (/^0[0-7]+$/.test(text)) return parseInt(text, 8);
  if (/^\d+$/.test(text)) return Number(text);
  return NAMED[text.toLowerCase()];
}

/** Does the primitive at `pos` start a relation (rather than `host`, `port`...)? */
export function startsRelation(tokens: string[], pos: number): boolean {
  const t = tokens[pos]?.toLowerCase();
  if (t === undefined) return false;
  if (t === 'len') return true;
  // A bare number is a value for the previous qualifiers (`port 80 or 443`) unless an operator follows.
  if (number(t) !== undefined) return OPERATORS.has(tokens[pos + 1] ?? '');
  return LOAD_PROTOS.has(t) && tokens[pos + 1] === '[';
}

/** Parses `arith relop arith` from tokens[pos]; returns the relation and the position after it. */
export function parseRelation(tokens: string[], pos: number): { rel: Relation; pos: number } {
  const p = new ArithParser(tokens, pos);
  const left = p.arith(0);
  const op = p.next();
  if (!RELOPS.has(op)) throw new ArithSyntaxError(op);
  const right = p.arith(0);
  return { rel: { kind: 'rel', op, left, right }, pos: p.pos };
}

class ArithParser {
  constructor(private readonly tokens: string[], public pos: number) {}

  next(): string {
    const t = this.tokens[this.pos++];
    if (t === undefined) throw new ArithSyntaxError('end');
    return t;
  }

  arith(level: number): Arith {
    if (level === LEVELS.length) return this.atom();
    let left = this.arith(level + 1);
    while (LEVELS[level].includes(this.tokens[this.pos])) {
      const op = this.next();
      left = { kind: 'bin', op, left, right: this.arith(level + 1) };
    }
    return left;
  }

  private atom(): Arith {
    const t = this.next();
    const lower = t.toLowerCase();
    if (t === '-') return { kind: 'neg', arg: this.atom() };
    if (t === '(') {
      const inner = this.arith(0);
      if (this.next() !== ')') throw new ArithSyntaxError(')');
      return inner;
    }
    if (lower === 'len') return { kind: 'len' };
    if (LOAD_PROTOS.has(lower) && this.tokens[this.pos] === '[') return this.load(lower as ArithProto);
    const n = number(t);
    if (n === undefined) throw new ArithSyntaxError(t);
    return { kind: 'num', value: n };
  }

  /** `proto[offset]`, `proto[offset:size]` (the tokenizer keeps `13:1` as one word). */
  private load(proto: ArithProto): Arith {
    this.pos++; // '['
    const sized = /^(.+):(\d+)$/.exec(this.tokens[this.pos] ?? '');
    let offset: Arith;
    let size = 1;
    if (sized && this.tokens[this.pos + 1] === ']') {
      const n = number(sized[1]);
      if (n === undefined) throw new ArithSyntaxError(sized[1]);
      offset = { kind: 'num', value: n };
      size = Number(sized[2]);
      this.pos++;
    } else offset = this.arith(0);
    if (this.next() !== ']') throw new ArithSyntaxError(']');
    if (size !== 1 && size !== 2 && size !== 4) throw new ArithSyntaxError(`data size ${size}`);
    return { kind: 'load', proto, offset, size };
  }
}

/** The bytes `proto[...]` indexes, or undefined when the frame is not of that protocol (the relation is false). */
function layer(proto: ArithProto, frame: Frame): number[] | undefined {
  const pkt = frame.ethertype === 'ipv4' ? frame.packet : undefined;
  switch (proto) {
    case 'ether':
      return frameBytes(frame, 1500);
    case 'arp':
      return frame.ethertype === 'arp' ? frameBytes(frame, 1500).slice(14) : undefined;
    case 'ip':
      return pkt ? ipBytes(pkt, 1500) : undefined;
    default:
      return pkt && pkt.proto === proto ? transportBytes(pkt, 1500) : undefined;
  }
}

/** Evaluates an operand; undefined when a load falls outside the packet (libpcap then rejects it). */
function value(a: Arith, frame: Frame): number | undefined {
  switch (a.kind) {
    case 'num':
      return a.value >>> 0;
    case 'len':
      return frameBytes(frame, 1500).length;
    case 'neg': {
      const v = value(a.arg, frame);
      return v === undefined ? undefined : -v >>> 0;
    }
    case 'load': {
      const bytes = layer(a.proto, frame);
      const off = value(a.offset, frame);
      if (!bytes || off === undefined || off + a.size > bytes.length) return undefined;
      let v = 0;
      for (let i = 0; i < a.size; i++) v = v * 256 + bytes[off + i];
      return v >>> 0;
    }
    case 'bin': {
      const l = value(a.left, frame);
      const r = value(a.right, frame);
      return l === undefined || r === undefined ? undefined : binary(a.op, l, r);
    }
  }
}

function binary(op: string, l: number, r: number): number | undefined {
  switch (op) {
    case '|': return (l | r) >>> 0;
    case '^': return (l ^ r) >>> 0;
    case '&': return (l & r) >>> 0;
    case '<<': return (l << r) >>> 0;
    case '>>': return l >>> r;
    case '+': return (l + r) >>> 0;
    case '-': return (l - r) >>> 0;
    case '*': return Math.imul(l, r) >>> 0;
    case '/': return r === 0 ? undefined : Math.floor(l / r) >>> 0;
    default: return r === 0 ? undefined : l % r;
  }
}

export function relationHolds(rel: Relation, frame: Frame): boolean {
  const l = value(rel.left, frame);
  const r = value(rel.right, frame);
  if (l === undefined || r === undefined) return false;
  switch (rel.op) {
    case '>': return l > r;
    case '>=': return l >= r;
    case '<': return l < r;
    case '<=': return l <= r;
    case '!=': return l !== r;
    default: return l === r;
  }
}
