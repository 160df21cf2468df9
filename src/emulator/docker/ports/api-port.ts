/**
 * Ports as moby's API types parse them (moby/moby api/types/network/port.go),
 * which docker/cli master uses for `docker run --expose` and `docker port`.
 *
 * Differences from go-connections `nat` (port-range.ts) that users can see:
 * numbers go through strconv.ParseUint(…, 10, 16), so "-1" is "invalid syntax"
 * and 70000 is "value out of range" with no "(0–65535)"; the protocol after '/'
 * is lowercased but never checked, so `--expose 8080/ncp` is accepted.
 */
import { type Result, ok, fail } from './result';
import { parseUint10 } from './go-strconv';
import type { PortRange } from './port-range';

function parseApiPortNumber(raw: string): Result<number> {
  if (raw === '') return fail('value is empty');
  const n = parseUint10(raw, 16);
  return 'error' in n ? fail(n.error) : ok(Number(n.value));
}

/** normalizePortProto: "" is tcp, anything else lowercased. */
function normalizeProto(proto: string): string {
  return proto === '' ? 'tcp' : proto.toLowerCase();
}

export interface ApiPort {
  num: number;
  proto: string;
}

/** network.ParsePort: "80", "80/udp", "80/TCP" (→ 80/tcp). */
export function parseApiPort(s: string): Result<ApiPort> {
  if (s === '') return fail('invalid port: value is empty');
  const slash = s.indexOf('/');
  const port = slash < 0 ? s : s.slice(0, slash);
  const proto = slash < 0 ? '' : s.slice(slash + 1);
  const num = parseApiPortNumber(port);
  if (!num.ok) return fail(`invalid port '${port}': ${num.error}`);
  return ok({ num: num.value, proto: normalizeProto(proto) });
}

export interface ApiPortRange extends PortRange {
  proto: string;
}

/** network.ParsePortRange: "8080", "8080-8082/udp"; cut at the first '/' and then the first '-'. */
export function parseApiPortRange(s: string): Result<ApiPortRange> {
  if (s === '') return fail('invalid port range: value is empty');
  const slash = s.indexOf('/');
  const range = slash < 0 ? s : s.slice(0, slash);
  const proto = normalizeProto(slash < 0 ? '' : s.slice(slash + 1));
  const dash = range.indexOf('-');
  const start = dash < 0 ? range : range.slice(0, dash);
  const end = dash < 0 ? '' : range.slice(dash + 1);
  const startVal = parseApiPortNumber(start);
  if (!startVal.ok) return fail(`invalid start port '${start}': ${startVal.error}`);
  if (dash < 0 || start === end) return ok({ start: startVal.value, end: startVal.value, proto });
  const endVal = parseApiPortNumber(end);
  if (!endVal.ok) return fail(`invalid end port '${end}': ${endVal.error}`);
  if (endVal.value < startVal.value) return fail(`invalid port range: ${s}`);
  return ok({ start: startVal.value, end: endVal.value, proto });
}
