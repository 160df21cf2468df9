/**
 * Port numbers and ranges as docker/go-connections `nat` parses them
 * (nat/parse.go and nat/nat.go, main 9c9e2db, the lowercase messages of ≥v0.5).
 *
 * These back `docker run -p` and `docker service create -p` (short syntax).
 * `--expose` and `docker port` use moby's own parser instead: see api-port.ts.
 */
import { type Result, ok, fail } from './result';
import { parseInt10 } from './go-strconv';

export interface PortRange {
  start: number;
  end: number;
}

/**
 * nat.parsePortNumber: strconv.ParseInt(raw, 10, 0) with the NumError unwrapped,
 * then 0–65535. So "+80" is 80, "-1" is out of range (with the range spelled
 * out, en dash included), and a 20-digit number is Go's bare "value out of range".
 */
export function parsePortNumber(raw: string): Result<number> {
  if (raw === '') return fail('value is empty');
  const n = parseInt10(raw, 64);
  if ('error' in n) return fail(n.error);
  if (n.value < 0n || n.value > 65535n) return fail('value out of range (0–65535)');
  return ok(Number(n.value));
}

/** nat.ParsePort: "" is port 0, anything else must be a port number. */
export function parsePort(raw: string): Result<number> {
  if (raw === '') return ok(0);
  const port = parsePortNumber(raw);
  return port.ok ? port : fail(`invalid port '${raw}': ${port.error}`);
}

/**
 * nat.ParsePortRange (and the unexported parsePortRange, which is the same code):
 * "8000", "8000-9000". It cuts at the first '-', so "-8000-" complains about an
 * empty start port, and "80-80" is the single port 80.
 */
export function parsePortRange(ports: string): Result<PortRange> {
  if (ports === '') return fail('empty string specified for ports');
  const dash = ports.indexOf('-');
  const start = dash < 0 ? ports : ports.slice(0, dash);
  const end = dash < 0 ? '' : ports.slice(dash + 1);
  const startPort = parsePortNumber(start);
  if (!startPort.ok) return fail(`invalid start port '${start}': ${startPort.error}`);
  if (dash < 0 || start === end) return ok({ start: startPort.value, end: startPort.value });
  const endPort = parsePortNumber(end);
  if (!endPort.ok) return fail(`invalid end port '${end}': ${endPort.error}`);
  if (endPort.value < startPort.value) return fail(`invalid port range: ${ports}`);
  return ok({ start: startPort.value, end: endPort.value });
}

/** nat.ParsePortRangeToInt: like ParsePortRange, but "" is the range 0-0 (kept for old callers). */
export function parsePortRangeToInt(raw: string): Result<PortRange> {
  return raw === '' ? ok({ start: 0, end: 0 }) : parsePortRange(raw);
}
