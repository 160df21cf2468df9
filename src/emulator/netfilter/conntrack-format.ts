/**
 * `conntrack -L` lines (conntrack-tools 1.4.7 over libnetfilter_conntrack's
 * default output: "%-8s %u %lu " then the TCP state, both tuples,
 * [UNREPLIED]/[ASSURED], mark and use), e.g.
 *   tcp      6 431999 ESTABLISHED src=10.0.0.5 dst=10.0.0.1 sport=51234 dport=8080 src=172.17.0.2 dst=10.0.0.5 sport=80 dport=51234 [ASSURED] mark=0 use=1
 * The count goes to stderr, as the real tool writes it.
 */
import type { CtEntry, CtTuple } from './conntrack';

const PROTO: Record<CtEntry['proto'], [string, number]> = {
  tcp: ['tcp', 6],
  udp: ['udp', 17],
  icmp: ['icmp', 1],
  esp: ['unknown', 50],
};

function tupleText(e: CtEntry, t: CtTuple, icmpType: number | undefined): string {
  let s = `src=${t.src} dst=${t.dst} `;
  if (e.proto === 'tcp' || e.proto === 'udp') s += `sport=${t.sport} dport=${t.dport} `;
  else if (e.proto === 'icmp') s += `type=${icmpType ?? 0} code=0 id=${t.sport} `;
  return s;
}

/** Seconds left as the kernel reports them (whole seconds, rounded down, just under the full timeout when new). */
export function secondsLeft(e: CtEntry, now: number): number {
  return Math.max(0, Math.floor((e.expires - now - 1) / 1000));
}

export function formatConntrackEntry(e: CtEntry, now: number): string {
  const [name, num] = PROTO[e.proto];
  let s = `${name.padEnd(8)} ${num} ${secondsLeft(e, now)} `;
  if (e.tcpState) s += `${e.tcpState} `;
  s += tupleText(e, e.orig, e.icmp?.type);
  if (!e.seenReply) s += '[UNREPLIED] ';
  s += tupleText(e, e.reply, e.icmp?.replyType);
  if (e.assured) s += '[ASSURED] ';
  return `${s}mark=${e.mark} use=1`;
}

/** `conntrack -L`: newest entries first (the kernel's hash order is not stable; this is). */
export function formatConntrackList(entries: readonly CtEntry[], now: number): { stdout: string; stderr: string } {
  const live = entries.filter((e) => e.expires > now);
  const lines = [...live].reverse().map((e) => `${formatConntrackEntry(e, now)}\n`);
  return {
    stdout: lines.join(''),
    stderr: `conntrack v1.4.7 (conntrack-tools): ${live.length} flow entries have been shown.\n`,
  };
}
