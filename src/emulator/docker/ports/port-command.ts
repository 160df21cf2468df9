/**
 * `docker port CONTAINER [PRIVATE_PORT[/PROTO]]`: docker/cli
 * cli/command/container/port.go (master), golden files container-port-*.golden.
 *
 * - No port: "<port>/<proto> -> <host>:<port>" per binding.
 * - A port (proto defaults to tcp, any case): "<host>:<port>" per binding.
 * - Hosts go through net.JoinHostPort, so IPv6 is bracketed ("[::]:3456").
 * - Lines are natural-sorted (fvbommel/sortorder), so IPv4 comes before "[::]".
 * Errors (the CLI prints them on stderr, exit 1):
 * - not published: `no public port '80' published for web` (the argument and the
 *   container exactly as typed). CLI ≤28.x printed `Error: No public port '80'
 *   published for web` instead; this follows master as the brief asks;
 * - a bad port argument: moby's network.ParsePort text, `invalid port 'abc': invalid syntax`.
 */
import { type Result, ok, fail } from './result';
import type { PortKey } from './port-key';
import type { PortBinding } from './port-spec';
import { parseApiPort } from './api-port';
import { parseAddr, formatAddr } from './go-netip';
import { joinHostPort } from './go-hostport';
import { naturalCompare } from './natural-sort';

/** HostIP as master prints it: netip.Addr.String(); raw text if it somehow does not parse. */
function hostAddress(b: PortBinding): string {
  const addr = parseAddr(b.hostIp);
  return joinHostPort(addr.ok ? formatAddr(addr.value) : b.hostIp, b.hostPort);
}

function render(lines: string[]): string {
  return lines.length === 0 ? '' : `${[...lines].sort(naturalCompare).join('\n')}\n`;
}

/**
 * The stdout of `docker port`, newline-terminated ("" when nothing is published
 * and no port was asked for). `ports` is the container's NetworkSettings.Ports.
 */
export function dockerPortOutput(
  container: string,
  ports: Record<PortKey, PortBinding[] | null>,
  portArg = '',
): Result<string> {
  if (portArg === '') {
    const lines = Object.entries(ports).flatMap(([from, bindings]) =>
      (bindings ?? []).map((b) => `${from} -> ${hostAddress(b)}`),
    );
    return ok(render(lines));
  }
  const port = parseApiPort(portArg);
  if (!port.ok) return port;
  const frontends = ports[`${port.value.num}/${port.value.proto}`];
  if (!frontends || frontends.length === 0) return fail(`no public port '${portArg}' published for ${container}`);
  return ok(render(frontends.map(hostAddress)));
}
