/**
 * The client-side checks `docker network create` makes on --subnet, --ip-range,
 * --gateway and --aux-address before it calls the daemon: docker/cli
 * cli/command/network/create.go (createIPAMConfig, subnetMatches) at master
 * 28f7560, plus the pflag parsing of those flags.
 *
 * Two kinds of failure, which the CLI prints differently:
 * - flag errors (pflag could not read a value), e.g.
 *   `invalid argument "10.0.0.0" for "--ip-range" flag: invalid string being converted to CIDR: 10.0.0.0`;
 *   the CLI adds its usage hint and exits 125 (flagError: true);
 * - combination errors from createIPAMConfig, printed as they are, exit 1:
 *   `every ip-range or gateway must have a corresponding subnet`,
 *   `multiple overlapping subnet configuration is not supported`,
 *   `cannot configure multiple ranges (…, …) on the same subnet (…)`, `no matching subnet for range …`,
 *   `cannot configure multiple gateways (…, …) for the same subnet (…)`, `no matching subnet for gateway …`,
 *   `no matching subnet for aux-address …`, `invalid subnet: invalid CIDR address: …`,
 *   and Go's netip texts such as `netip.ParsePrefix("10.1.2.0.30.50"): no '/'`.
 * The daemon checks more later (overlap with other networks, gateway = network address…).
 */
import { readCsvRecord } from './ports/go-csv';
import { parsePrefix, parseAddr, formatAddr } from './ports/go-netip';
import { type GoIPNet, parseIP, parseCIDR, ipNetContains, ipNetString, ipString } from './ports/go-ipnet';

/** Raw values, one string per flag occurrence, each possibly comma-separated ("a,b"). */
export interface IpamFlagValues {
  subnet?: readonly string[];
  ipRange?: readonly string[];
  gateway?: readonly string[];
  /** "name=address" per occurrence (opts.MapOpts). */
  auxAddress?: readonly string[];
}

/** One network.IPAMConfig as the CLI sends it. "" means not set. */
export interface IpamConfig {
  subnet: string;
  ipRange: string;
  gateway: string;
  auxAddresses: Record<string, string>;
}

export type IpamValidation =
  | { ok: true; value: IpamConfig[] }
  | { ok: false; error: string; flagError: boolean };

type Step<T> = { ok: true; value: T } | { ok: false; error: string; flagError: boolean };

const problem = (error: string, flagError = false): { ok: false; error: string; flagError: boolean } => ({
  ok: false,
  error,
  flagError,
});

/** pflag's wrapper around a value it could not set. */
function flagError(flag: string, value: string, why: string) {
  return problem(`invalid argument ${JSON.stringify(value)} for "--${flag}" flag: ${why}`, true);
}

/** pflag readAsCSV: "" is an empty list, otherwise one CSV record. */
function csvItems(flag: string, raw: string, dropQuotes: boolean): Step<string[]> {
  const text = dropQuotes ? raw.replace(/["'`]/g, '') : raw;
  if (text === '') return { ok: true, value: [] };
  const rec = readCsvRecord(text);
  return rec.ok ? rec : flagError(flag, raw, rec.error);
}

/** --subnet is a StringSlice: kept as typed, checked later. */
function readSubnets(values: readonly string[]): Step<string[]> {
  const out: string[] = [];
  for (const raw of values) {
    const items = csvItems('subnet', raw, false);
    if (!items.ok) return items;
    out.push(...items.value);
  }
  return { ok: true, value: out };
}

/** --ip-range is an IPNetSlice: each item through net.ParseCIDR, kept as the masked network. */
function readRanges(values: readonly string[]): Step<GoIPNet[]> {
  const out: GoIPNet[] = [];
  for (const raw of values) {
    const items = csvItems('ip-range', raw, true);
    if (!items.ok) return items;
    for (const item of items.value) {
      const cidr = parseCIDR(item.trim());
      if ('error' in cidr) return flagError('ip-range', raw, `invalid string being converted to CIDR: ${item}`);
      out.push(cidr.net);
    }
  }
  return { ok: true, value: out };
}

/** --gateway is an IPSlice: each item through net.ParseIP, printed the net.IP way. */
function readGateways(values: readonly string[]): Step<string[]> {
  const out: string[] = [];
  for (const raw of values) {
    const items = csvItems('gateway', raw, true);
    if (!items.ok) return items;
    for (const item of items.value) {
      const ip = parseIP(item.trim());
      if (!ip) return flagError('gateway', raw, `invalid string being converted to IP address: ${item}`);
      out.push(ipString(ip));
    }
  }
  return { ok: true, value: out };
}

/** --aux-address is a MapOpts: "k=v" (no '=' means value ""), later occurrences replace earlier ones. */
function readAux(values: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of values) {
    const eq = raw.indexOf('=');
    out.set(eq < 0 ? raw : raw.slice(0, eq), eq < 0 ? '' : raw.slice(eq + 1));
  }
  return out;
}

/** subnetMatches(subnet, data): is data (an IP, or a CIDR's address) inside subnet? */
function subnetMatches(subnet: string, data: string): Step<boolean> {
  const s = parseCIDR(subnet);
  if ('error' in s) return problem(`invalid subnet: ${s.error}`);
  let ip;
  if (data.includes('/')) {
    const d = parseCIDR(data);
    if ('error' in d) return problem(d.error);
    ip = d.ip;
  } else {
    ip = parseIP(data);
  }
  return { ok: true, value: ip !== undefined && ipNetContains(s.net, ip) };
}

/** Finds the subnets `data` falls in; `fill` records it or reports a conflict. */
function assign(
  subnets: readonly string[],
  data: string,
  fill: (subnet: string) => string | undefined,
  noMatch: string,
): Step<true> {
  let match = false;
  for (const s of subnets) {
    const m = subnetMatches(s, data);
    if (!m.ok) return m;
    if (!m.value) continue;
    const conflict = fill(s);
    if (conflict) return problem(conflict);
    match = true;
  }
  return match ? { ok: true, value: true } : problem(noMatch);
}

/** The subnets, refusing overlaps, each parsed with netip.ParsePrefix (kept unmasked). */
function collectSubnets(subnets: readonly string[]): Step<Map<string, IpamConfig>> {
  const data = new Map<string, IpamConfig>();
  for (const s of subnets) {
    for (const k of data.keys()) {
      const a = subnetMatches(s, k);
      if (!a.ok) return a;
      const b = subnetMatches(k, s);
      if (!b.ok) return b;
      if (a.value || b.value) return problem('multiple overlapping subnet configuration is not supported');
    }
    const prefix = parsePrefix(s);
    if (!prefix.ok) return problem(prefix.error);
    const subnet = `${formatAddr(prefix.value.addr)}/${prefix.value.bits}`;
    data.set(s, { subnet, ipRange: '', gateway: '', auxAddresses: {} });
  }
  return { ok: true, value: data };
}

/** Ranges, gateways and aux addresses, each matched to its subnet (createIPAMConfig, second half). */
function placeAll(v: IpamFlagValues, subnets: string[], data: Map<string, IpamConfig>): Step<true> {
  const ranges = readRanges(v.ipRange ?? []);
  if (!ranges.ok) return ranges;
  const gateways = readGateways(v.gateway ?? []);
  if (!gateways.ok) return gateways;
  if (subnets.length < ranges.value.length || subnets.length < gateways.value.length) {
    return problem('every ip-range or gateway must have a corresponding subnet');
  }
  const subnetData = collectSubnets(subnets);
  if (!subnetData.ok) return subnetData;
  for (const [k, cfg] of subnetData.value) data.set(k, cfg);
  for (const r of ranges.value) {
    const text = ipNetString(r);
    const placed = assign(subnets, text, (s) => {
      const cfg = data.get(s)!;
      if (cfg.ipRange !== '') return `cannot configure multiple ranges (${text}, ${cfg.ipRange}) on the same subnet (${s})`;
      cfg.ipRange = text;
    }, `no matching subnet for range ${text}`);
    if (!placed.ok) return placed;
  }
  for (const g of gateways.value) {
    const placed = assign(subnets, g, (s) => {
      const cfg = data.get(s)!;
      if (cfg.gateway !== '') return `cannot configure multiple gateways (${g}, ${cfg.gateway}) for the same subnet (${s})`;
      cfg.gateway = g;
    }, `no matching subnet for gateway ${g}`);
    if (!placed.ok) return placed;
  }
  return placeAux(readAux(v.auxAddress ?? []), subnets, data);
}

function placeAux(aux: Map<string, string>, subnets: string[], data: Map<string, IpamConfig>): Step<true> {
  for (const [name, aa] of aux) {
    if (aa === '') continue;
    const addr = parseAddr(aa);
    if (!addr.ok) return problem(addr.error);
    const text = formatAddr(addr.value);
    const placed = assign(subnets, text, (s) => {
      data.get(s)!.auxAddresses[name] = text;
    }, `no matching subnet for aux-address ${aa}`);
    if (!placed.ok) return placed;
  }
  return { ok: true, value: true };
}

/**
 * Validates the IPAM flags of `docker network create` and returns the IPAM
 * configs the CLI would send, one per subnet in the order given (Go builds them
 * from a map, so the real order is random). No flags gives [] (daemon default pool).
 */
export function validateIpamFlags(values: IpamFlagValues): IpamValidation {
  const subnets = readSubnets(values.subnet ?? []);
  if (!subnets.ok) return subnets;
  const data = new Map<string, IpamConfig>();
  const placed = placeAll(values, subnets.value, data);
  if (!placed.ok) return placed;
  return { ok: true, value: [...data.values()] };
}
