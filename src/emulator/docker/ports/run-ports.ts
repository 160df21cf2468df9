/**
 * The ports half of `docker run` / `docker create` option parsing: `-p/--publish`
 * (short and long syntax) and `--expose`, merged the way docker/cli master's
 * parse() does (cli/command/container/opts.go):
 *
 *   1. long-syntax -p options are rewritten (convertToStandardNotation);
 *   2. all -p options go through nat.ParsePortSpecs;
 *   3. each host IP is re-parsed as a netip.Addr, so it reaches the daemon in Go's
 *      canonical spelling ("0:0::0" becomes "::");
 *   4. published ports are exposed too, then every --expose port or range is added
 *      (moby's network.ParsePortRange: any protocol name is accepted, lowercased).
 *
 * The first error wins, with the CLI's text; `docker run` prints it after "docker: ".
 * Note: CLI ≤28.x still rejected "--expose a:b" with "invalid port format for
 * --expose: a:b"; the vectors (and this file) follow docker/cli master.
 */
import { type Result, ok, fail } from './result';
import type { PortKey } from './port-key';
import { type PortBinding, type PortSpecs, parsePortSpecs } from './port-spec';
import { convertToStandardNotation } from './publish-long';
import { parseApiPortRange } from './api-port';
import { parseAddr, formatAddr } from './go-netip';

/** The -p options alone: what `docker run -p …` puts in ExposedPorts and PortBindings. */
export function parsePublish(specs: readonly string[]): Result<PortSpecs> {
  const converted = convertToStandardNotation(specs);
  if (!converted.ok) return converted;
  const parsed = parsePortSpecs(converted.value);
  if (!parsed.ok) return parsed;
  const bindings: Record<PortKey, PortBinding[]> = {};
  for (const port of parsed.value.exposed) {
    bindings[port] = [];
    for (const b of parsed.value.bindings[port]) {
      const hostIp = canonicalHostIp(b.hostIp);
      if (!hostIp.ok) return hostIp;
      bindings[port].push({ hostIp: hostIp.value, hostPort: b.hostPort });
    }
  }
  return ok({ exposed: parsed.value.exposed, bindings });
}

/** netip.ParseAddr(HostIP).String(); "" stays "" (the zero Addr marshals to ""). */
function canonicalHostIp(hostIp: string): Result<string> {
  if (hostIp === '') return ok('');
  const addr = parseAddr(hostIp);
  return addr.ok ? ok(formatAddr(addr.value)) : addr;
}

/** The --expose options alone, in order, each port once: "8080-8082/tcp" gives three keys. */
export function parseExpose(expose: readonly string[]): Result<PortKey[]> {
  const out: PortKey[] = [];
  for (const e of expose) {
    const range = parseApiPortRange(e);
    if (!range.ok) return fail(`invalid range format for --expose: ${range.error}`);
    for (let p = range.value.start; p <= range.value.end; p++) {
      const key = `${p}/${range.value.proto}`;
      if (!out.includes(key)) out.push(key);
    }
  }
  return ok(out);
}

/**
 * Both together, as the container config gets them: `exposed` is ExposedPorts
 * (published ports first, then --expose ones, no duplicates) and `bindings` is
 * HostConfig.PortBindings. A binding's hostPort "" means the engine picks one.
 */
export function parseRunPorts(publish: readonly string[], expose: readonly string[]): Result<PortSpecs> {
  const published = parsePublish(publish);
  if (!published.ok) return published;
  const exposedOnly = parseExpose(expose);
  if (!exposedOnly.ok) return exposedOnly;
  const exposed = [...published.value.exposed];
  for (const key of exposedOnly.value) if (!exposed.includes(key)) exposed.push(key);
  return ok({ exposed, bindings: published.value.bindings });
}
