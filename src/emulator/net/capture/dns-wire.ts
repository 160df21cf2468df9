/**
 * DNS messages as they cross the wire (RFC 1035). The model's UDP datagrams
 * to and from port 53 carry a DnsQuery or a DnsAnswer descriptor; this file
 * gives them an ID, a size and bytes. The ID comes from the client's port,
 * which both the query and its answer carry, so tcpdump can pair them.
 */
import type { Packet } from '../packet';
import type { DnsAnswer, DnsQuery } from '../../kernel/dns-server';
import { parseIp } from '../ipv4';
import { hash32 } from './tcp-details';

export function isDnsQuery(data: unknown): data is DnsQuery {
  return !!data && typeof data === 'object' && typeof (data as DnsQuery).name === 'string' && 'type' in data;
}

export function isDnsAnswer(data: unknown): data is DnsAnswer {
  return !!data && typeof data === 'object' && typeof (data as DnsAnswer).rcode === 'string' && Array.isArray((data as DnsAnswer).addresses);
}

function ttlBytes(): number[] {
  return [0, 0, RECORD_TTL_S >>> 8, RECORD_TTL_S & 255];
}

/** The client's port: a query's source, an answer's destination. */
export function dnsId(clientPort: number): number {
  return hash32(`dns${clientPort}`) & 0xffff;
}

function qname(name: string): number[] {
  const out: number[] = [];
  for (const label of name.replace(/\.$/, '').split('.').filter(Boolean)) {
    out.push(label.length);
    for (const ch of label) out.push(ch.charCodeAt(0) & 255);
  }
  out.push(0);
  return out;
}

const QTYPE: Record<DnsQuery['type'], number> = { A: 1, AAAA: 28, PTR: 12 };
const RCODE: Record<DnsAnswer['rcode'], number> = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3 };

export function queryBytes(id: number, q: DnsQuery): number[] {
  const t = QTYPE[q.type];
  // Flags 0x0100: a standard query with RD set (the "+" tcpdump prints).
  return [id >>> 8, id & 255, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, ...qname(q.name), 0, t, 0, 1];
}

export function answerBytes(id: number, q: DnsQuery | undefined, a: DnsAnswer): number[] {
  const question = q ? qname(q.name) : [0];
  const t = q ? QTYPE[q.type] : 1;
  const records: number[] = [];
  for (const ip of a.addresses) records.push(0xc0, 12, 0, 1, 0, 1, ...ttlBytes(), 0, 4, ...[24, 16, 8, 0].map((s) => ((parseIp(ip) ?? 0) >>> s) & 255));
  for (const n of a.names ?? []) {
    const rd = qname(n);
    records.push(0xc0, 12, 0, 12, 0, 1, ...ttlBytes(), rd.length >>> 8, rd.length & 255, ...rd);
  }
  const count = a.addresses.length + (a.names?.length ?? 0);
  // QR, RD, RA (0x8180), AA when the server is authoritative; the rcode in the low bits.
  const flags = 0x8180 | (a.authoritative ? 0x0400 : 0) | RCODE[a.rcode];
  return [id >>> 8, id & 255, flags >>> 8, flags & 255, 0, q ? 1 : 0, count >>> 8, count & 255, 0, 0, 0, 0, ...question, ...(q ? [0, t, 0, 1] : []), ...records];
}

/** The DNS message of a datagram to or from port 53, if it carries one. */
export function dnsMessage(pkt: Packet, question?: DnsQuery): number[] | undefined {
  if (isDnsQuery(pkt.data)) return queryBytes(dnsId(pkt.sport), pkt.data);
  if (isDnsAnswer(pkt.data)) return answerBytes(dnsId(pkt.dport), questionOf(pkt.data) ?? question, pkt.data);
  return undefined;
}

/** An answer repeats its question (RFC 1035 4.1): the reply datagram carries it. */
export type AnswerOnWire = DnsAnswer & { question?: DnsQuery };

/** The data of the datagram that answers `request` with `answer`: a DNS answer gets its question. */
export function replyData(request: unknown, answer: unknown): unknown {
  return isDnsQuery(request) && isDnsAnswer(answer) ? { ...answer, question: request } : answer;
}

export function questionOf(a: DnsAnswer): DnsQuery | undefined {
  return (a as AnswerOnWire).question;
}

/** The time to live every record carries (Docker's embedded DNS answers with 600 s; the model's upstream too). */
export const RECORD_TTL_S = 600;
