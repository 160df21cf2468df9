/**
 * The port key Docker uses everywhere: "<port>/<proto>" (nat.Port), e.g. "80/tcp",
 * "53/udp", or a range "8000-8010/tcp" in a few places. It keys ExposedPorts,
 * HostConfig.PortBindings and NetworkSettings.Ports.
 */
import { type Result, ok } from './result';
import { parsePortNumber, parsePortRange } from './port-range';

/** "80/tcp". A plain string, as in Docker's JSON. */
export type PortKey = string;

/** nat.NewPort: validates the number or range, keeps proto as given (no lowercasing, no check). */
export function newPort(proto: string, portOrRange: string): Result<PortKey> {
  const range = parsePortRange(portOrRange);
  if (!range.ok) return range;
  const { start, end } = range.value;
  return ok(start === end ? `${start}/${proto}` : `${start}-${end}/${proto}`);
}

/**
 * nat.SplitProtoPort: "<port>[/<proto>]" to [proto, port], no validation. No port
 * means ["", ""] (even "/udp"); no proto means "tcp". Note the Go order: proto first.
 */
export function splitProtoPort(raw: string): [proto: string, port: string] {
  const slash = raw.indexOf('/');
  const port = slash < 0 ? raw : raw.slice(0, slash);
  const proto = slash < 0 ? '' : raw.slice(slash + 1);
  if (port === '') return ['', ''];
  return [proto === '' ? 'tcp' : proto, port];
}

/** Port.Proto(): the part after '/', "tcp" when missing. */
export function portProto(key: PortKey): string {
  const slash = key.indexOf('/');
  const proto = slash < 0 ? '' : key.slice(slash + 1);
  return proto === '' ? 'tcp' : proto;
}

/** Port.Port(): the part before '/', as text ("80" or "8000-8010"). */
export function portText(key: PortKey): string {
  const slash = key.indexOf('/');
  return slash < 0 ? key : key.slice(0, slash);
}

/** Port.Int(): the port number, 0 when it is not a single valid port. */
export function portInt(key: PortKey): number {
  const n = parsePortNumber(portText(key));
  return n.ok ? n.value : 0;
}
