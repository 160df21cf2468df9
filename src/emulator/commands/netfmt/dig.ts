/**
 * `dig` as bind9 9.18 prints it (Debian 12's bind9-dnsutils), full and
 * `+short`, and the "no servers could be reached" failure.
 *
 * Layout copied from dig 9.18.49 run against a resolver that answers like
 * Docker's (no AA, RA set, TTL 600, no OPT record):
 *
 *   (blank)
 *   ; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> web
 *   ;; global options: +cmd
 *   ;; Got answer:
 *   ;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 991
 *   ;; flags: qr rd ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 0
 *   (blank)
 *   ;; QUESTION SECTION:
 *   ;web.\t\t\t\tIN\tA
 *   (blank)
 *   ;; ANSWER SECTION:
 *   web.\t\t\t600\tIN\tA\t172.17.0.3
 *   (blank)
 *   ;; Query time: 0 msec
 *   ;; SERVER: 127.0.0.11#53(127.0.0.11) (UDP)
 *   ;; WHEN: Mon Nov 23 19:25:34 UTC 2026
 *   ;; MSG SIZE  rcvd: 37
 *   (blank)
 *
 * Records are aligned the way bind's masterdump indent() does it: TTL at
 * column 24, class 32, type 40, data 48, with 8-wide tabs, and at least one
 * character of space — a 24-character owner gets a single space.
 * `; (1 server found)` follows the banner when the server came from `@x`.
 */
import { dnsMessageSize, FLAG_ORDER, fqdn, type DnsFlags, type DnsQuestion, type DnsRecord, type Rcode } from './dns-message';
import { strftimeWhen } from './text';

export const DIG_VERSION = '9.18.49-1~deb12u3-Debian';

const TTL_COL = 24;
const CLASS_COL = 32;
const TYPE_COL = 40;
const DATA_COL = 48;

/** Builds a line the way bind's masterdump does, tracking the column across tabs. */
class Columns {
  text = '';
  private col = 0;

  add(s: string): this {
    this.text += s;
    this.col += s.length;
    return this;
  }

  /** bind `lib/dns/masterdump.c` indent(): tabs to the column, at least one blank. */
  to(column: number): this {
    const to = Math.max(column, this.col + 1);
    const tabs = Math.floor(to / 8) - Math.floor(this.col / 8);
    if (tabs > 0) {
      this.text += '\t'.repeat(tabs);
      this.col = Math.floor(to / 8) * 8;
    }
    this.text += ' '.repeat(to - this.col);
    this.col = to;
    return this;
  }
}

/** One record line, without newline: `web.\t\t\t600\tIN\tA\t172.17.0.3`. */
export function digRecord(rr: DnsRecord): string {
  return new Columns()
    .add(fqdn(rr.name))
    .to(TTL_COL)
    .add(String(rr.ttl))
    .to(CLASS_COL)
    .add('IN')
    .to(TYPE_COL)
    .add(rr.type)
    .to(DATA_COL)
    .add(rr.data).text;
}

/** The question line: `;web.\t\t\t\tIN\tA`. */
export function digQuestion(q: DnsQuestion): string {
  return new Columns().add(`;${fqdn(q.name)}`).to(CLASS_COL).add('IN').to(TYPE_COL).add(q.type).text;
}

export interface DigView {
  /** The arguments as typed after `dig` (echoed in the banner). */
  args: readonly string[];
  version?: string;
  /** The server was given as `@server` (adds `; (1 server found)`). */
  serverGiven?: boolean;
  server: string;
  port?: number;
  protocol?: 'UDP' | 'TCP';
  id: number;
  rcode: Rcode;
  /** Defaults to qr rd ra, what Docker's resolver answers. */
  flags?: DnsFlags;
  question: DnsQuestion;
  answer?: readonly DnsRecord[];
  authority?: readonly DnsRecord[];
  additional?: readonly DnsRecord[];
  /** The reply carried an OPT record (forwarded replies from real resolvers do). */
  edns?: { udp: number };
  queryTimeMs: number;
  /** Wall-clock time of the query (UTC), for `;; WHEN:`. */
  whenMs: number;
  /** Defaults to the packed size (uncompressed, as Docker's own answers are). */
  msgSize?: number;
  compress?: boolean;
}

function banner(args: readonly string[], version: string | undefined, serverGiven?: boolean): string {
  let s = `\n; <<>> DiG ${version ?? DIG_VERSION} <<>> ${args.join(' ')}\n`;
  if (serverGiven) s += '; (1 server found)\n';
  return s + ';; global options: +cmd\n';
}

function section(title: string, records: readonly DnsRecord[]): string {
  if (records.length === 0) return '';
  return `;; ${title} SECTION:\n${records.map((r) => digRecord(r) + '\n').join('')}\n`;
}

export function dig(v: DigView): string {
  const answer = v.answer ?? [];
  const authority = v.authority ?? [];
  const additional = v.additional ?? [];
  const flags = v.flags ?? { qr: true, rd: true, ra: true };
  const flagText = FLAG_ORDER.filter((f) => flags[f]).join(' ');
  const extra = additional.length + (v.edns ? 1 : 0);
  let s = banner(v.args, v.version, v.serverGiven) + ';; Got answer:\n';
  s += `;; ->>HEADER<<- opcode: QUERY, status: ${v.rcode}, id: ${v.id}\n`;
  s += `;; flags: ${flagText}; QUERY: 1, ANSWER: ${answer.length}, AUTHORITY: ${authority.length}, ADDITIONAL: ${extra}\n\n`;
  if (v.edns) s += `;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: ${v.edns.udp}\n`;
  s += `;; QUESTION SECTION:\n${digQuestion(v.question)}\n\n`;
  s += section('ANSWER', answer) + section('AUTHORITY', authority) + section('ADDITIONAL', additional);
  const size =
    v.msgSize ??
    dnsMessageSize({ question: v.question, answer, authority, additional, compress: v.compress, edns: !!v.edns });
  s += `;; Query time: ${Math.round(v.queryTimeMs)} msec\n`;
  s += `;; SERVER: ${v.server}#${v.port ?? 53}(${v.server}) (${v.protocol ?? 'UDP'})\n`;
  s += `;; WHEN: ${strftimeWhen(v.whenMs)}\n`;
  return s + `;; MSG SIZE  rcvd: ${size}\n\n`;
}

/** `dig +short`: the data of each answer record, one per line (nothing for NXDOMAIN). */
export function digShort(answer: readonly DnsRecord[]): string {
  return answer.map((r) => r.data + '\n').join('');
}

/**
 * No reply from the server (exit status 9), all on stdout: one
 * `;; communications error to S#53: timed out` per try (3 by default;
 * `connection refused` when the port is closed), a blank line, the banner,
 * then `;; no servers could be reached`.
 */
export function digNoServers(v: {
  args: readonly string[];
  version?: string;
  serverGiven?: boolean;
  server: string;
  port?: number;
  tries?: number;
  cause?: 'timed out' | 'connection refused';
}): { stdout: string; status: number } {
  const err = `;; communications error to ${v.server}#${v.port ?? 53}: ${v.cause ?? 'timed out'}\n`;
  const stdout = err.repeat(v.tries ?? 3) + banner(v.args, v.version, v.serverGiven) + ';; no servers could be reached\n';
  return { stdout, status: 9 };
}
