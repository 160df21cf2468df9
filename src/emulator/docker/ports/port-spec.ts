/**
 * `-p/--publish` short syntax, `[ip:][hostPort:]containerPort[/proto]`, as
 * docker/go-connections nat.ParsePortSpec / ParsePortSpecs parse it
 * (nat/nat.go, main 9c9e2db).
 *
 * Shapes worth knowing:
 *   "80"                  → 80/tcp, hostIp "", hostPort ""  (Docker picks the host port)
 *   "8080:80"             → 80/tcp, hostIp "", hostPort "8080"
 *   "127.0.0.1::80"       → hostPort "" on 127.0.0.1
 *   "8000-8010:80"        → ONE binding with hostPort "8000-8010" (pick a free one in the range)
 *   "1234-1235:3333-3334" → two bindings, port by port
 *   "[::1]:80:80", "::1:80:80" → hostIp "::1" (everything before the last two colons is the IP)
 */
import { type Result, ok, fail } from './result';
import { type PortKey, splitProtoPort } from './port-key';
import { type PortRange, parsePortRange } from './port-range';
import { splitHostPort, joinHostPort } from './go-hostport';
import { parseIP } from './go-ipnet';

/**
 * nat.PortBinding. hostIp "" means every address (the daemon binds 0.0.0.0 and ::);
 * hostPort "" means "let Docker choose" (the engine allocates from 32768–60999),
 * and "8000-8010" means "choose within this range".
 */
export interface PortBinding {
  hostIp: string;
  hostPort: string;
}

/** nat.PortMapping: one container port and one binding for it. */
export interface PortMapping {
  port: PortKey;
  binding: PortBinding;
}

/** What -p options add to a container: ExposedPorts and HostConfig.PortBindings. */
export interface PortSpecs {
  /** Keys in first-seen order, each once (Go returns a set). */
  exposed: PortKey[];
  bindings: Record<PortKey, PortBinding[]>;
}

/** nat.splitParts: 1 part is the container port, 2 add the host port, more put the rest in the IP. */
function splitParts(raw: string): [ip: string, hostPort: string, containerPort: string] {
  const parts = raw.split(':');
  const n = parts.length;
  if (n === 1) return ['', '', parts[0]];
  if (n === 2) return ['', parts[0], parts[1]];
  return [parts.slice(0, n - 2).join(':'), parts[n - 2], parts[n - 1]];
}

/** validateProto: only tcp, udp and sctp may be published. */
function validateProto(proto: string): Result<string> {
  return proto === 'tcp' || proto === 'udp' || proto === 'sctp' ? ok(proto) : fail(`invalid proto: ${proto}`);
}

/** Strips [] from an IPv6 host IP, then insists on a literal IP (no host names). */
function parseHostIp(raw: string): Result<string> {
  let ip = raw;
  if (ip !== '' && ip[0] === '[') {
    const split = splitHostPort(`${ip}:`);
    if (!split.ok) return fail(`invalid IP address ${ip}: ${split.error}`);
    ip = split.value[0];
  }
  if (ip !== '' && parseIP(ip) === undefined) return fail(`invalid IP address: ${ip}`);
  return ok(ip);
}

/** Host port range, allowed to differ in size only when the container port is a single port. */
function parseHostRange(hostPort: string, containerPort: string, container: PortRange): Result<PortRange> {
  const host = parsePortRange(hostPort);
  if (!host.ok) return fail(`invalid hostPort: ${hostPort}`);
  const sameSize = container.end - container.start === host.value.end - host.value.start;
  if (!sameSize && container.end !== container.start) {
    return fail(`invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`);
  }
  return host;
}

/** One mapping per container port; a lone container port keeps the whole host range. */
function expand(ip: string, proto: string, container: PortRange, host: PortRange | undefined): PortMapping[] {
  const count = container.end - container.start + 1;
  const mappings: PortMapping[] = [];
  for (let i = 0; i < count; i++) {
    let hostPort = '';
    if (host) {
      hostPort = String(host.start + i);
      if (count === 1 && host.start !== host.end) hostPort += `-${host.end}`;
    }
    mappings.push({ port: `${container.start + i}/${proto}`, binding: { hostIp: ip, hostPort } });
  }
  return mappings;
}

/** nat.ParsePortSpec. Errors are go-connections' texts, e.g. "invalid containerPort: abc". */
export function parsePortSpec(raw: string): Result<PortMapping[]> {
  const [rawIp, hostPort, rest] = splitParts(raw);
  const [rawProto, containerPort] = splitProtoPort(rest);
  if (containerPort === '') return fail(`no port specified: ${raw}<empty>`);
  const proto = validateProto(rawProto.toLowerCase());
  if (!proto.ok) return proto;
  const ip = parseHostIp(rawIp);
  if (!ip.ok) return ip;
  const container = parsePortRange(containerPort);
  if (!container.ok) return fail(`invalid containerPort: ${containerPort}`);
  let host: PortRange | undefined;
  if (hostPort !== '') {
    const parsed = parseHostRange(hostPort, containerPort, container.value);
    if (!parsed.ok) return parsed;
    host = parsed.value;
  }
  return ok(expand(ip.value, proto.value, container.value, host));
}

/** nat.ParsePortSpecs: every spec in turn; the first error wins; bindings accumulate per port. */
export function parsePortSpecs(specs: readonly string[]): Result<PortSpecs> {
  const exposed: PortKey[] = [];
  const bindings: Record<PortKey, PortBinding[]> = {};
  for (const spec of specs) {
    const mappings = parsePortSpec(spec);
    if (!mappings.ok) return mappings;
    for (const { port, binding } of mappings.value) {
      if (!Object.hasOwn(bindings, port)) {
        exposed.push(port);
        bindings[port] = [];
      }
      bindings[port].push(binding);
    }
  }
  return ok({ exposed, bindings });
}

/** PortMapping.String(): net.JoinHostPort(hostIp, hostPort + ":" + port), e.g. "[::1]:8080:80/tcp". */
export function portMappingString(m: PortMapping): string {
  return joinHostPort(m.binding.hostIp, `${m.binding.hostPort}:${m.port}`);
}
