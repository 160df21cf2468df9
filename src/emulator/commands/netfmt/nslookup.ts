/**
 * `nslookup`: BusyBox ≥1.28 (its own resolver) and bind9's (debian's
 * bind9-dnsutils 9.18). Everything goes to stdout, as both tools do.
 *
 * BusyBox `networking/nslookup.c`: the server block is printed when the
 * first reply arrives ("Server:\t\t%s\n", "Address:\t%s\n\n", the address
 * with `:53`); then per reply, in arrival order: "** server can't find %s:
 * %s\n" for an error rcode, else "Non-authoritative answer:\n" (no AA bit —
 * Docker's resolver never sets it) and "Name:\t%s\nAddress: %s\n" per A/AAAA,
 * "%s\tcanonical name = %s\n", "%s\tname = %s\n"; each reply is followed by
 * "\n". A and AAAA are both asked, so an unknown name gets two NXDOMAIN
 * blocks. Queries never answered: "*** Can't find %s: No answer\n" + "\n".
 * No reply at all: ";; connection timed out; no servers could be reached\n\n".
 * bind9 `bin/dig/nslookup.c`: the server block ("Address:\t%s#53") only for
 * an A (or explicit-type) lookup, "Non-authoritative answer:" once, the A
 * then the AAAA answers, a PTR lookup without server block but with
 * "\nAuthoritative answers can be found from:\n"; one "\n" closes the output.
 * Both checked against Debian 12 (BusyBox 1.35, bind9 9.18.49) with a
 * resolver that answers like Docker's.
 */
import { bare, type DnsRecord, type DnsType, type Rcode } from './dns-message';
import type { NslookupFlavor } from './types';

export interface NslookupReply {
  /** The name asked (after search-domain expansion), as printed in errors. */
  qname: string;
  qtype: DnsType;
  rcode: Rcode;
  answers: readonly DnsRecord[];
  authoritative?: boolean;
}

export interface NslookupView {
  /** The nameserver from resolv.conf (or the command line): `127.0.0.11`. */
  server: string;
  port?: number;
  /** BusyBox: in arrival order. bind9: the A reply, then the AAAA reply (absent after an error). */
  replies: readonly NslookupReply[];
  /** BusyBox: names of queries that never got a reply. */
  unanswered?: readonly string[];
  /** bind9: `-type=X` was given (changes which headers print). */
  explicitType?: boolean;
}

function answerLine(rr: DnsRecord, flavor: NslookupFlavor): string {
  const data = flavor === 'busybox' ? bare(rr.data) : rr.data;
  switch (rr.type) {
    case 'A':
    case 'AAAA':
      return `Name:\t${bare(rr.name)}\nAddress: ${bare(rr.data)}\n`;
    case 'CNAME':
      return `${bare(rr.name)}\tcanonical name = ${data}\n`;
    case 'PTR':
      return `${bare(rr.name)}\tname = ${data}\n`;
    case 'NS':
      return `${bare(rr.name)}\tnameserver = ${data}\n`;
    case 'MX':
      return `${bare(rr.name)}\tmail exchanger = ${data}\n`;
    case 'TXT':
      return `${bare(rr.name)}\ttext = ${rr.data}\n`;
    default:
      return '';
  }
}

function busybox(v: NslookupView): { stdout: string; status: number } {
  if (v.replies.length === 0) return nslookupTimeout('busybox', v.server, v.port);
  let out = `Server:\t\t${v.server}\nAddress:\t${hostPort(v.server, v.port ?? 53, ':')}\n\n`;
  let status = 0;
  for (const r of v.replies) {
    if (r.rcode !== 'NOERROR') {
      out += `** server can't find ${r.qname}: ${r.rcode}\n`;
      status = 1;
    } else {
      if (!r.authoritative) out += 'Non-authoritative answer:\n';
      out += r.answers.map((a) => answerLine(a, 'busybox')).join('');
    }
    out += '\n';
  }
  const missing = v.unanswered ?? [];
  if (missing.length) out += missing.map((n) => `*** Can't find ${n}: No answer\n`).join('') + '\n';
  return { stdout: out, status };
}

function bind9(v: NslookupView): { stdout: string; status: number } {
  if (v.replies.length === 0) return nslookupTimeout('bind9', v.server, v.port);
  let out = '';
  let status = 0;
  let aNoAnswer = false;
  if (v.explicitType || v.replies[0].qtype !== 'PTR') {
    out += `Server:\t\t${v.server}\nAddress:\t${hostPort(v.server, v.port ?? 53, '#')}\n\n`;
  }
  for (const r of v.replies) {
    if (r.rcode !== 'NOERROR') {
      out += `** server can't find ${bare(r.qname)}: ${r.rcode}\n`;
      status = 1;
      break;
    }
    const isA = r.qtype === 'A';
    if (!r.authoritative && (v.explicitType || isA)) out += 'Non-authoritative answer:\n';
    if (r.answers.length) out += r.answers.map((a) => answerLine(a, 'bind9')).join('');
    else if (isA && !v.explicitType) aNoAnswer = true;
    else if (v.explicitType || (r.qtype === 'AAAA' && aNoAnswer)) out += `*** Can't find ${bare(r.qname)}: No answer\n`;
    if (!r.authoritative && r.qtype !== 'A' && r.qtype !== 'AAAA') out += '\nAuthoritative answers can be found from:\n';
  }
  return { stdout: out + '\n', status };
}

function hostPort(host: string, port: number, sep: ':' | '#'): string {
  return host.includes(':') && sep === ':' ? `[${host}]:${port}` : `${host}${sep}${port}`;
}

export function nslookup(flavor: NslookupFlavor, v: NslookupView): { stdout: string; status: number } {
  return flavor === 'busybox' ? busybox(v) : bind9(v);
}

/**
 * No server answered. BusyBox: `;; connection timed out; no servers could be
 * reached` + blank line. bind9 (3 tries): one `;; communications error to
 * S#53: timed out` per try, then `;; no servers could be reached` + blank line.
 * Exit status 1.
 */
export function nslookupTimeout(
  flavor: NslookupFlavor,
  server: string,
  port = 53,
  tries = 3,
): { stdout: string; status: number } {
  if (flavor === 'busybox') return { stdout: ';; connection timed out; no servers could be reached\n\n', status: 1 };
  const err = `;; communications error to ${server}#${port}: timed out\n`;
  return { stdout: err.repeat(tries) + ';; no servers could be reached\n\n', status: 1 };
}
