/**
 * Parsing /etc/docker/daemon.json as dockerd does at start
 * (daemon/config/config.go). Errors read like dockerd's:
 * `unable to configure the Docker daemon with file /etc/docker/daemon.json: <reason>`.
 */
import type { DaemonConfig } from './state';
import { parseCidr, isIp } from '../net/ipv4';

const PREFIX = 'unable to configure the Docker daemon with file /etc/docker/daemon.json: ';

// Keys dockerd accepts; an unknown one is refused (config.go findConfigurationConflicts / validateReservedNamespace…).
const KNOWN = new Set([
  'dns', 'dns-search', 'dns-opts', 'bip', 'default-address-pools', 'userland-proxy', 'icc', 'iptables', 'ip-forward',
  'ip-masq', 'debug', 'log-level', 'mtu', 'ipv6', 'fixed-cidr', 'fixed-cidr-v6', 'default-gateway', 'live-restore',
  'insecure-registries', 'registry-mirrors', 'experimental', 'features', 'log-driver', 'log-opts', 'storage-driver',
  'data-root', 'hosts', 'ip', 'max-concurrent-downloads', 'metrics-addr', 'builder',
]);

export function parseDaemonJson(text: string): { config: Partial<DaemonConfig> } | { error: string } {
  if (text.trim() === '') return { config: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    // NOT FOUND: Go's exact json error text for every case; this is the most common one's shape.
    return { error: PREFIX + goJsonError(text, e instanceof Error ? e.message : String(e)) };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { error: PREFIX + 'json: cannot unmarshal ' + (Array.isArray(raw) ? 'array' : typeof raw) + ' into Go value of type map[string]interface {}' };
  }
  const obj = raw as Record<string, unknown>;
  const unknown = Object.keys(obj).filter((k) => !KNOWN.has(k));
  if (unknown.length) return { error: PREFIX + `the following directives don't match any configuration option: ${unknown.join(', ')}` };
  return validate(obj);
}

function validate(obj: Record<string, unknown>): { config: Partial<DaemonConfig> } | { error: string } {
  const config: Partial<DaemonConfig> = {};
  if (obj.dns !== undefined) {
    if (!Array.isArray(obj.dns) || !obj.dns.every((d) => typeof d === 'string')) return { error: PREFIX + 'json: cannot unmarshal string into Go struct field Config.dns of type []string' };
    const bad = (obj.dns as string[]).find((d) => !isIp(d));
    if (bad) return { error: `${bad} is not an ip address` };
    config.dns = obj.dns as string[];
  }
  for (const [key, field] of [['dns-search', 'dnsSearch'], ['dns-opts', 'dnsOptions']] as const) {
    const v = obj[key];
    if (v === undefined) continue;
    if (!Array.isArray(v) || !v.every((d) => typeof d === 'string')) return { error: PREFIX + `json: cannot unmarshal string into Go struct field Config.${key} of type []string` };
    config[field] = v as string[];
  }
  if (obj.bip !== undefined) {
    if (typeof obj.bip !== 'string' || !parseCidr(obj.bip)) return { error: `failed to start daemon: Error initializing network controller: invalid bip: ${String(obj.bip)}` };
    config.bip = obj.bip;
  }
  if (obj['default-address-pools'] !== undefined) {
    const pools = obj['default-address-pools'];
    if (!Array.isArray(pools)) return { error: PREFIX + 'json: cannot unmarshal object into Go struct field Config.default-address-pools of type []*ipamutils.NetworkToSplit' };
    const out: { base: string; size: number }[] = [];
    for (const p of pools as { base?: unknown; size?: unknown }[]) {
      if (typeof p.base !== 'string' || !parseCidr(p.base) || typeof p.size !== 'number') return { error: `${PREFIX}invalid default address pool: ${JSON.stringify(p)}` };
      out.push({ base: p.base, size: p.size });
    }
    config.defaultAddressPools = out;
  }
  if (typeof obj['userland-proxy'] === 'boolean') config.userlandProxy = obj['userland-proxy'];
  if (typeof obj.icc === 'boolean') config.icc = obj.icc;
  return { config };
}

/** Turns a JavaScript JSON.parse message into Go's encoding/json wording where we can. */
function goJsonError(text: string, jsMessage: string): string {
  const pos = /position (\d+)/.exec(jsMessage);
  if (!pos) return 'unexpected end of JSON input';
  const ch = text[Number(pos[1])];
  if (ch === undefined) return 'unexpected end of JSON input';
  return `invalid character '${ch}' looking for beginning of object key string`;
}
