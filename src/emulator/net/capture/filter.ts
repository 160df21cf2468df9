/**
 * pcap-filter(7) expressions, the part lessons use: `host`, `net`, `port`,
 * `portrange`, `src`/`dst` qualifiers, the protocols `ether ip arp icmp tcp
 * udp esp`, `proto N`, `greater N`/`less N`, arithmetic relations
 * (`tcp[tcpflags] & tcp-syn != 0`, filter-arith.ts), `and or not ! && ||` and
 * parentheses. As in libpcap,
 * `not` binds tightest and `and`/`or` have equal precedence, left to right;
 * a bare value reuses the previous qualifiers (`port 80 or 443`).
 *
 * Parsing returns names unresolved: `host web` keeps `web`, and the caller
 * resolves it the way libpcap does at compile time (resolve()).
 * Errors are libpcap 1.10's texts (gencode.c, grammar.y yyerror).
 */

export type FilterProto = 'ether' | 'ip' | 'arp' | 'icmp' | 'tcp' | 'udp' | 'esp';
export type FilterDir = 'src' | 'dst' | 'src or dst' | 'src and dst';
export type FilterType = 'host' | 'net' | 'port' | 'portrange' | 'proto';

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; arg: FilterNode }
  | { kind: 'proto'; proto: FilterProto }
  /** `greater N` (len >= N), `less N` (len <= N): the frame's length. */
  | { kind: 'len'; op: 'greater' | 'less'; value: number }
  /** `tcp[tcpflags] & tcp-syn != 0` (filter-arith.ts). */
  | Relation
  | { kind: 'match'; proto?: FilterProto; dir: FilterDir; type: FilterType; value: string };

export type ParseResult = { ok: true; node: FilterNode | undefined } | { ok: false; error: string };

import { ArithSyntaxError, parseRelation, startsRelation, type Relation } from './filter-arith';

const PROTOS = new Set<FilterProto>(['ether', 'ip', 'arp', 'icmp', 'tcp', 'udp', 'esp']);
const TYPES = new Set<FilterType>(['host', 'net', 'port', 'portrange', 'proto']);
const SYNTAX = "can't parse filter expression: syntax error";

class FilterSyntaxError extends Error {}

export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  // Words keep '-', '/' and ':' (tcp-syn, 172.17.0.0/16, 13:1); operators stand alone.
  const re = /\s*(&&|\|\||==|!=|<=|>=|<<|>>|[()[\]!&|^=<>+*%]|[^\s()[\]!&|^=<>+*%]+)/y;
  let end = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    tokens.push(m[1]);
    end = re.lastIndex;
  }
  // A lone `&` or `|` is not a token libpcap knows.
  if (text.slice(end).trim() !== '') tokens.push(text.slice(end).trim());
  return tokens;
}

interface Quals {
  proto?: FilterProto;
  dir: FilterDir;
  type: FilterType;
}

class Parser {
  private pos = 0;
  /** The qualifiers of the last primitive, for a bare value that follows (`host a or b`). */
  private last?: Quals;

  constructor(private readonly tokens: string[]) {}

  parse(): FilterNode | undefined {
    if (this.tokens.length === 0) return undefined;
    const node = this.expr();
    if (this.pos < this.tokens.length) throw new FilterSyntaxError(SYNTAX);
    return node;
  }

  private peek(): string | undefined {
    return this.tokens[this.pos]?.toLowerCase();
  }

  private next(): string {
    const t = this.tokens[this.pos++];
    if (t === undefined) throw new FilterSyntaxError(SYNTAX);
    return t;
  }

  private expr(): FilterNode {
    let left = this.unary();
    for (let op = this.peek(); op === 'and' || op === '&&' || op === 'or' || op === '||'; op = this.peek()) {
      this.pos++;
      left = { kind: op === 'and' || op === '&&' ? 'and' : 'or', left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterNode {
    const t = this.peek();
    if (t === 'not' || t === '!') {
      this.pos++;
      return { kind: 'not', arg: this.unary() };
    }
    if (t === '(') {
      const rel = this.tryRelation();
      if (rel) return rel;
      this.pos++;
      const inner = this.expr();
      if (this.next() !== ')') throw new FilterSyntaxError(SYNTAX);
      return inner;
    }
    return this.primitive();
  }

  private primitive(): FilterNode {
    const t = this.peek();
    if (t === undefined || t === ')' || ['and', 'or', '&&', '||'].includes(t)) throw new FilterSyntaxError(SYNTAX);
    if (startsRelation(this.tokens, this.pos)) return this.relation();
    if (t === 'greater' || t === 'less') {
      this.pos++;
      const n = this.next();
      if (!/^\d+$/.test(n)) throw new FilterSyntaxError(SYNTAX);
      return { kind: 'len', op: t, value: Number(n) };
    }
    let proto: FilterProto | undefined;
    if (PROTOS.has(t as FilterProto)) {
      proto = t as FilterProto;
      this.pos++;
      if (!this.startsQualified()) return { kind: 'proto', proto };
    }
    const dir = this.direction();
    const type = this.type(proto, dir !== undefined);
    if (!type) {
      // A bare value: the previous primitive's qualifiers (libpcap's default is `host`).
      if (proto || dir) throw new FilterSyntaxError(SYNTAX);
      const q = this.last ?? { dir: 'src or dst', type: 'host' };
      return this.value(q);
    }
    return this.value({ proto, dir: dir ?? 'src or dst', type });
  }

  private relation(): FilterNode {
    try {
      const r = parseRelation(this.tokens, this.pos);
      this.pos = r.pos;
      return r.rel;
    } catch (e) {
      if (e instanceof ArithSyntaxError) throw new FilterSyntaxError(SYNTAX);
      throw e;
    }
  }

  /** `(tcp[13] & 2) != 0`: a parenthesis may open an arithmetic operand rather than a group. */
  private tryRelation(): FilterNode | undefined {
    const start = this.pos;
    try {
      return this.relation();
    } catch (e) {
      if (!(e instanceof FilterSyntaxError)) throw e;
      this.pos = start;
      return undefined;
    }
  }

  private startsQualified(): boolean {
    const t = this.peek();
    return t === 'src' || t === 'dst' || TYPES.has(t as FilterType);
  }

  private direction(): FilterDir | undefined {
    const t = this.peek();
    if (t !== 'src' && t !== 'dst') return undefined;
    this.pos++;
    const op = this.peek();
    const other = this.tokens[this.pos + 1]?.toLowerCase();
    if ((op === 'or' || op === 'and') && (other === 'src' || other === 'dst') && other !== t) {
      this.pos += 2;
      return op === 'or' ? 'src or dst' : 'src and dst';
    }
    return t;
  }

  private type(proto: FilterProto | undefined, hadDir: boolean): FilterType | undefined {
    const t = this.peek();
    if (TYPES.has(t as FilterType)) {
      this.pos++;
      return t as FilterType;
    }
    return hadDir || proto ? 'host' : undefined;
  }

  private value(q: Quals): FilterNode {
    const raw = this.next();
    if (['(', ')', '!', '&&', '||'].includes(raw) || ['and', 'or', 'not'].includes(raw.toLowerCase())) throw new FilterSyntaxError(SYNTAX);
    let value = raw;
    // `net 10.0.0.0 mask 255.0.0.0`
    if (q.type === 'net' && this.peek() === 'mask') {
      this.pos++;
      value = `${raw} mask ${this.next()}`;
    }
    this.last = q;
    return { kind: 'match', proto: q.proto, dir: q.dir, type: q.type, value };
  }
}

/** Parses the words after tcpdump's options (joined by spaces, as tcpdump's copy_argv does). */
export function parseFilter(text: string): ParseResult {
  try {
    return { ok: true, node: new Parser(tokenize(text)).parse() };
  } catch (e) {
    if (e instanceof FilterSyntaxError) return { ok: false, error: e.message };
    throw e;
  }
}

/** Visits every `match` node (the caller resolves names and checks values). */
export function matchNodes(node: FilterNode | undefined): Extract<FilterNode, { kind: 'match' }>[] {
  if (!node) return [];
  if (node.kind === 'match') return [node];
  if (node.kind === 'not') return matchNodes(node.arg);
  if (node.kind === 'proto' || node.kind === 'len' || node.kind === 'rel') return [];
  return [...matchNodes(node.left), ...matchNodes(node.right)];
}
