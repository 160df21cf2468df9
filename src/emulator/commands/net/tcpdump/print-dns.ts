/**
 * print-domain.c's one-line DNS: a query as `ID+ TYPE? name. (len)` ("+":
 * recursion desired), an answer as `ID[ rcode][*] an/ns/ar TYPE data, ... (len)`
 * ("*": authoritative). With -v each record also shows its owner name and
 * time to live (`web. [10m] A 172.18.0.2`); from -vv on an answer repeats
 * its question (`q: A? web.`). The length is the DNS message's size.
 */
import type { Packet } from '../../../net/packet';
import { dnsId, dnsMessage, isDnsAnswer, isDnsQuery, questionOf, RECORD_TTL_S } from '../../../net/capture/dns-wire';
import type { PrintMemory } from './print-ip';

const RCODE_TEXT: Record<string, string> = { NOERROR: '', NXDOMAIN: ' NXDomain', SERVFAIL: ' ServFail' };

function fqdn(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

/** unsigned_relts_print: 600 -> "10m", 3661 -> "1h1m1s". */
export function relts(seconds: number): string {
  if (seconds === 0) return '0s';
  const units: [number, string][] = [[31536000, 'y'], [604800, 'w'], [86400, 'd'], [3600, 'h'], [60, 'm'], [1, 's']];
  let out = '';
  for (const [size, unit] of units) {
    if (seconds >= size) {
      out += `${Math.floor(seconds / size)}${unit}`;
      seconds %= size;
    }
  }
  return out;
}

export function printDns(pkt: Packet, memory: PrintMemory, verbose = 0): string | undefined {
  if (isDnsQuery(pkt.data)) {
    const len = dnsMessage(pkt)!.length;
    return `${dnsId(pkt.sport)}+ ${pkt.data.type}? ${fqdn(pkt.data.name)} (${len})`;
  }
  if (!isDnsAnswer(pkt.data)) return undefined;
  const a = pkt.data;
  const question = questionOf(a) ?? memory.dnsQuestions.get(pkt.dport);
  const len = dnsMessage(pkt, question)!.length;
  const owner = verbose > 0 && question ? `${fqdn(question.name)} [${relts(RECORD_TTL_S)}] ` : '';
  const records = [...a.addresses.map((ip) => `${owner}A ${ip}`), ...(a.names ?? []).map((n) => `${owner}PTR ${fqdn(n)}`)];
  const count = records.length;
  const flags = `${RCODE_TEXT[a.rcode] ?? ''}${a.authoritative ? '*' : ''}`;
  const q = verbose > 1 && question ? ` q: ${question.type}? ${fqdn(question.name)}` : '';
  return `${dnsId(pkt.dport)}${flags}${q} ${count}/0/0${count ? ' ' + records.join(', ') : ''} (${len})`;
}
