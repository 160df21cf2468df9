/**
 * Names tcpdump prints without -n. An address is looked up the way
 * getnameinfo() does: /etc/hosts first, then DNS — which answers only
 * inside a container on a user-defined network, where Docker's embedded DNS
 * knows a PTR name for every container (`client.mynet`, as ping shows it);
 * the host's resolver knows none of them. The PTR queries themselves are
 * not sent: real tcpdump sends them too (they show up in a capture of lo, a
 * well-known feedback loop, and stall the output on unreachable servers —
 * the reason everyone types -n). Port names come from /etc/services
 * (netbase), as getservent() gives them to tcpdump.
 */
import type { VirtualFs } from '../../../kernel/fs';
import { serviceName } from '../../../netfilter/names';
import { hostsFileName } from '../reverse-name';
import type { Names } from './print-ip';

/** A PTR lookup the process's resolver would answer, if any. */
export type PtrLookup = (ip: string) => string | undefined;

export function captureNames(fs: VirtualFs, numeric: boolean, ptr: PtrLookup = () => undefined): Names {
  if (numeric) return { host: (ip) => ip, port: (p) => String(p) };
  const cache = new Map<string, string>();
  return {
    host: (ip) => {
      let name = cache.get(ip);
      if (name === undefined) {
        name = hostsFileName(fs, ip) ?? ptr(ip) ?? ip;
        cache.set(ip, name);
      }
      return name;
    },
    port: (p, proto) => serviceName(p, proto) ?? String(p),
  };
}
