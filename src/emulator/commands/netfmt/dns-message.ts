/**
 * A DNS reply as the resolver tools see it, and its size on the wire (dig and
 * drill print `;; MSG SIZE  rcvd: N`).
 *
 * Docker's embedded resolver (moby `libnetwork/resolver.go`) answers names it
 * knows itself without compression (createRespMsg never sets Compress) and
 * with TTL 600; only replies it forwards from an external server are packed
 * with `resp.Compress = true`. So `dig web` on a user-defined network reads
 * `MSG SIZE  rcvd: 40`: 12 header + 9 question + 5+10+4 answer.
 */

export type DnsType = 'A' | 'AAAA' | 'CNAME' | 'PTR' | 'NS' | 'SOA' | 'MX' | 'TXT' | 'SRV';
export type Rcode = 'NOERROR' | 'FORMERR' | 'SERVFAIL' | 'NXDOMAIN' | 'NOTIMP' | 'REFUSED';

export interface DnsRecord {
  /** Owner name, fully qualified with or without the final dot: `web.` or `web`. */
  name: string;
  type: DnsType;
  ttl: number;
  /**
   * Presentation form as dig prints it: `172.18.0.3`, `web.mynet.`,
   * `10 mail.example.`, `"text"`, SOA `mname. rname. serial refresh retry expire minimum`.
   */
  data: string;
}

export interface DnsQuestion {
  name: string;
  type: DnsType;
}

export interface DnsFlags {
  qr?: boolean;
  aa?: boolean;
  tc?: boolean;
  rd?: boolean;
  ra?: boolean;
  ad?: boolean;
  cd?: boolean;
}

/** The order dig and drill print the header flags in. */
export const FLAG_ORDER: readonly (keyof DnsFlags)[] = ['qr', 'aa', 'tc', 'rd', 'ra', 'ad', 'cd'];

/** `web` → `web.`; the root stays `.`. */
export function fqdn(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

/** `web.` → `web` (nslookup prints owner names without the final dot). */
export function bare(name: string): string {
  return name.length > 1 && name.endsWith('.') ? name.slice(0, -1) : name;
}

function labels(name: string): string[] {
  return bare(name) === '.' ? [] : bare(name).split('.');
}

/** Writes names into a message, tracking suffixes for compression pointers. */
class NameWriter {
  private seen = new Set<string>();
  constructor(private compress: boolean) {}

  size(name: string, compressible = true): number {
    const parts = labels(name);
    let bytes = 0;
    for (let i = 0; i < parts.length; i++) {
      const suffix = parts.slice(i).join('.').toLowerCase();
      if (this.compress && compressible && this.seen.has(suffix)) return bytes + 2;
      bytes += parts[i].length + 1;
    }
    for (let i = 0; i < parts.length; i++) this.seen.add(parts.slice(i).join('.').toLowerCase());
    return bytes + 1;
  }
}

function rdataSize(rr: DnsRecord, w: NameWriter): number {
  const f = rr.data.trim().split(/\s+/);
  switch (rr.type) {
    case 'A':
      return 4;
    case 'AAAA':
      return 16;
    case 'CNAME':
    case 'PTR':
    case 'NS':
      return w.size(f[0]);
    case 'MX':
      return 2 + w.size(f[1] ?? '.');
    case 'SRV':
      return 6 + w.size(f[3] ?? '.', false);
    case 'SOA':
      return w.size(f[0]) + w.size(f[1] ?? '.') + 20;
    case 'TXT':
      return txtSize(rr.data);
    default:
      return 0;
  }
}

function txtSize(data: string): number {
  const strings = data.match(/"((?:[^"\\]|\\.)*)"/g) ?? [data];
  return strings.reduce((n, s) => n + 1 + s.replace(/^"|"$/g, '').length, 0);
}

export interface DnsSizeInput {
  question: DnsQuestion;
  answer?: readonly DnsRecord[];
  authority?: readonly DnsRecord[];
  additional?: readonly DnsRecord[];
  /** Name compression (RFC 1035 4.1.4); off for Docker's own answers. */
  compress?: boolean;
  /** An OPT pseudo-record without options adds 11 bytes. */
  edns?: boolean;
}

/** The size in bytes of the packed message. */
export function dnsMessageSize(m: DnsSizeInput): number {
  const w = new NameWriter(m.compress ?? false);
  let n = 12 + w.size(m.question.name) + 4;
  for (const rr of [...(m.answer ?? []), ...(m.authority ?? []), ...(m.additional ?? [])]) {
    n += w.size(rr.name) + 10 + rdataSize(rr, w);
  }
  return n + (m.edns ? 11 : 0);
}
