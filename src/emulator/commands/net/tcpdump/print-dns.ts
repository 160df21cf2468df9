/**
 * print-domain.c's one-line DNS: a query as `ID+ TYPE? name. (len)` ("+":
 * recursion desired), an answer as `ID[ rcode][*] an/ns/ar TYPE data, ... (len)`
 * ("*": authoritative). The length is the DNS message's size.
 */
import type { Packet } from '../../../net/packet';
import { dnsId, dnsMessage, isDnsAnswer, isDnsQuery } from '../../../net/capture/dns-wire';
import type { PrintMemory } from './print-ip';

const RCODE_TEXT: Record<string, string> = { NOERROR: '', NXDOMAIN: ' NXDomain', SERVFAIL: ' ServFail' };

function fqdn(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

export function printDns(pkt: Packet, memory: PrintMemory): string | undefined {
  if (isDnsQuery(pkt.data)) {
    const len = dnsMessage(pkt)!.length;
    return `${dnsId(pkt.sport)}+ ${pkt.data.type}? ${fqdn(pkt.data.name)} (${len})`;
  }
  if (!isDnsAnswer(pkt.data)) return undefined;
  const a = pkt.data;
  const question = memory.dnsQuestions.get(pkt.dport);
  const len = dnsMessage(pkt, question)!.length;
  const records = [...a.addresses.map((ip) => `A ${ip}`), ...(a.names ?? []).map((n) => `PTR ${fqdn(n)}`)];
  const count = records.length;
  const flags = `${RCODE_TEXT[a.rcode] ?? ''}${a.authoritative ? '*' : ''}`;
  return `${dnsId(pkt.dport)}${flags} ${count}/0/0${count ? ' ' + records.join(', ') : ''} (${len})`;
}
