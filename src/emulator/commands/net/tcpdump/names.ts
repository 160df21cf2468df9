/**
 * Names tcpdump prints without -n. Addresses are looked up in the
 * namespace's /etc/hosts only: real tcpdump also asks DNS for PTR records,
 * but those queries would cross the interface being captured (and show up
 * in the capture, a well-known tcpdump feedback loop) and stall the output
 * on unreachable servers — the reason everyone types -n. Port names come
 * from /etc/services (netbase), as getservent() gives them to tcpdump.
 */
import type { VirtualFs } from '../../../kernel/fs';
import { serviceName } from '../../../netfilter/names';
import { hostsFileName } from '../reverse-name';
import type { Names } from './print-ip';

export function captureNames(fs: VirtualFs, numeric: boolean): Names {
  if (numeric) return { host: (ip) => ip, port: (p) => String(p) };
  const cache = new Map<string, string>();
  return {
    host: (ip) => {
      let name = cache.get(ip);
      if (name === undefined) {
        name = hostsFileName(fs, ip) ?? ip;
        cache.set(ip, name);
      }
      return name;
    },
    port: (p, proto) => serviceName(p, proto) ?? String(p),
  };
}
