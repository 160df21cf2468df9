/**
 * `drill` (ldns-tools, `apk add drill` on alpine): ldns' packet printer
 * `ldns_pkt2buffer_str_fmt()`. Checked against drill 1.8.3 (Debian 12):
 *
 *   ;; ->>HEADER<<- opcode: QUERY, rcode: NOERROR, id: 16587
 *   ;; flags: qr rd ra ; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 0 
 *   ;; QUESTION SECTION:
 *   ;; web.\tIN\tA
 *   (blank)
 *   ;; ANSWER SECTION:
 *   web.\t600\tIN\tA\t172.17.0.3
 *   (blank)
 *   ;; AUTHORITY SECTION:
 *   (blank)
 *   ;; ADDITIONAL SECTION:
 *   (blank)
 *   ;; Query time: 0 msec
 *   ;; SERVER: 127.0.0.11
 *   ;; WHEN: Mon Nov 23 19:25:34 2026
 *   ;; MSG SIZE  rcvd: 37
 *
 * Every flag is followed by a space, the counts line ends in a space, all
 * four sections are always printed, the time is ctime(3) and there is no
 * blank line at the end. Alpine's drill is the same ldns code (1.8.x).
 */
import { dnsMessageSize, FLAG_ORDER, fqdn, type DnsFlags, type DnsQuestion, type DnsRecord, type Rcode } from './dns-message';
import { ctime } from './text';

export interface DrillView {
  /** Where the answer came from; a query packet printed with -V 5 has none, so no SERVER line. */
  server?: string;
  id: number;
  rcode: Rcode;
  flags?: DnsFlags;
  question: DnsQuestion;
  answer?: readonly DnsRecord[];
  authority?: readonly DnsRecord[];
  additional?: readonly DnsRecord[];
  queryTimeMs: number;
  whenMs: number;
  msgSize?: number;
  compress?: boolean;
}

function rr(r: DnsRecord): string {
  return `${fqdn(r.name)}\t${r.ttl}\tIN\t${r.type}\t${r.data}\n`;
}

export function drill(v: DrillView): string {
  const answer = v.answer ?? [];
  const authority = v.authority ?? [];
  const additional = v.additional ?? [];
  const flags = v.flags ?? { qr: true, rd: true, ra: true };
  let s = `;; ->>HEADER<<- opcode: QUERY, rcode: ${v.rcode}, id: ${v.id}\n`;
  s += `;; flags: ${FLAG_ORDER.filter((f) => flags[f]).map((f) => f + ' ').join('')}; `;
  s += `QUERY: 1, ANSWER: ${answer.length}, AUTHORITY: ${authority.length}, ADDITIONAL: ${additional.length} \n`;
  s += `;; QUESTION SECTION:\n;; ${fqdn(v.question.name)}\tIN\t${v.question.type}\n\n`;
  s += `;; ANSWER SECTION:\n${answer.map(rr).join('')}\n`;
  s += `;; AUTHORITY SECTION:\n${authority.map(rr).join('')}\n`;
  s += `;; ADDITIONAL SECTION:\n${additional.map(rr).join('')}\n`;
  const size = v.msgSize ?? dnsMessageSize({ question: v.question, answer, authority, additional, compress: v.compress });
  s += `;; Query time: ${Math.round(v.queryTimeMs)} msec\n${v.server !== undefined ? `;; SERVER: ${v.server}\n` : ''}`;
  return s + `;; WHEN: ${ctime(v.whenMs)}\n;; MSG SIZE  rcvd: ${size}\n`;
}

/** No reply (stderr, exit status 1). */
export function drillNetworkError(): { stderr: string; status: number } {
  return { stderr: 'Error: error sending query: Could not send or receive, because of network error\n', status: 1 };
}
