/**
 * `docker service create/update --publish`, docker/cli opts/swarmopts/port.go
 * (PortOpt.Set and ConvertPortToPortConfig; opts/port.go before CLI 28).
 *
 * Two syntaxes:
 * - long, chosen when the value contains `\w+=\w+` anywhere:
 *   `published=8080,target=80,protocol=udp,mode=host`, read as one CSV record,
 *   keys AND values lowercased, defaults tcp + ingress, target required;
 * - short, `[published:]target[/proto]` through nat.ParsePortSpecs; a host IP is
 *   refused ("hostip is not supported") and a published range fans out to one
 *   config per port ("80-82:8080" is 80→8080, 81→8080, 82→8080).
 */
import { type Result, ok, fail } from './result';
import type { PortKey } from './port-key';
import { type PortBinding, parsePortSpecs } from './port-spec';
import { parsePortRange } from './port-range';
import { parseApiPort } from './api-port';
import { parseUint10 } from './go-strconv';
import { readCsvRecord } from './go-csv';
import { parseIP, ipIsUnspecified } from './go-ipnet';
import { joinHostPort } from './go-hostport';

export type PublishMode = 'ingress' | 'host';

/** swarm.PortConfig (Name left out: the CLI never sets it). publishedPort 0 = swarm picks (30000+). */
export interface SwarmPortConfig {
  protocol: string;
  targetPort: number;
  publishedPort: number;
  publishMode: PublishMode;
}

/**
 * Ports, plus the messages Docker logs with logrus.Warnf (printed by the CLI on
 * stderr as `WARN[0000] <message>` on a terminal). The text here is the message alone.
 */
export interface SwarmPorts {
  ports: SwarmPortConfig[];
  warnings: string[];
}

/** ParseUint(val, 10, 16) for target= and published=. */
function parseLongPort(name: string, val: string): Result<number> {
  const n = parseUint10(val, 16);
  return 'error' in n ? fail(`invalid ${name} port (${val}): value must be an integer: ${n.error}`) : ok(Number(n.value));
}

/** Applies one `key=value` field of the long syntax to the config. */
function applyField(cfg: SwarmPortConfig, field: string): Result<SwarmPortConfig> {
  const lower = field.toLowerCase();
  const eq = lower.indexOf('=');
  if (eq <= 0) return fail(`invalid field: ${field}`);
  const key = lower.slice(0, eq);
  const val = lower.slice(eq + 1);
  switch (key) {
    case 'protocol':
      if (val !== 'tcp' && val !== 'udp' && val !== 'sctp') return fail(`invalid protocol value '${val}'`);
      return ok({ ...cfg, protocol: val });
    case 'mode':
      if (val !== 'ingress' && val !== 'host') {
        return fail(`invalid publish mode value (${val}): must be either 'ingress' or 'host'`);
      }
      return ok({ ...cfg, publishMode: val });
    case 'target':
    case 'published': {
      const port = parseLongPort(key, val);
      if (!port.ok) return port;
      return ok(key === 'target' ? { ...cfg, targetPort: port.value } : { ...cfg, publishedPort: port.value });
    }
    default:
      return fail(`invalid field key: ${key}`);
  }
}

function parseLongSyntax(value: string): Result<SwarmPorts> {
  const fields = readCsvRecord(value);
  if (!fields.ok) return fields;
  let cfg: SwarmPortConfig = { protocol: 'tcp', targetPort: 0, publishedPort: 0, publishMode: 'ingress' };
  for (const field of fields.value) {
    const next = applyField(cfg, field);
    if (!next.ok) return next;
    cfg = next.value;
  }
  if (cfg.targetPort === 0) return fail("missing mandatory field 'target'");
  return ok({ ports: [cfg], warnings: [] });
}

function parseShortSyntax(value: string): Result<SwarmPorts> {
  const specs = parsePortSpecs([value]);
  if (!specs.ok) return specs;
  const all = Object.values(specs.value.bindings).flat();
  if (all.some((b) => b.hostIp !== '')) return fail('hostip is not supported');
  const out: SwarmPorts = { ports: [], warnings: [] };
  for (const port of specs.value.exposed) {
    const converted = convertPortToPortConfig(port, specs.value.bindings);
    if (!converted.ok) return converted;
    out.ports.push(...converted.value.ports);
    out.warnings.push(...converted.value.warnings);
  }
  return ok(out);
}

/**
 * PortOpt.Set for one --publish value. Several --publish flags simply concatenate
 * their results. (Go iterates a map in the short syntax, so the real order is
 * random; here it is port order.)
 */
export function parseServicePublish(value: string): Result<SwarmPorts> {
  return /\w+=\w+(,\w+=\w+)*/.test(value) ? parseLongSyntax(value) : parseShortSyntax(value);
}

/**
 * ConvertPortToPortConfig: one swarm config per binding of `port` (per host port
 * when the binding holds a range). A specific host IP only earns a warning,
 * since the routing mesh listens on every address. An empty host port gives
 * publishedPort 0 (CLI 28's nat.ParsePortRange error on "" is ignored).
 */
export function convertPortToPortConfig(port: PortKey, bindings: Record<PortKey, PortBinding[]>): Result<SwarmPorts> {
  const parsed = parseApiPort(port);
  if (!parsed.ok) return parsed;
  const { num, proto } = parsed.value;
  const canonical = `${num}/${proto}`;
  const out: SwarmPorts = { ports: [], warnings: [] };
  for (const binding of bindings[canonical] ?? []) {
    const ip = parseIP(binding.hostIp);
    if (ip && !ipIsUnspecified(ip)) {
      const hostPort = joinHostPort(binding.hostIp, binding.hostPort);
      out.warnings.push(`ignoring IP-address (${hostPort}:${canonical}) service will listen on '0.0.0.0'`);
    }
    const range = parsePortRange(binding.hostPort);
    if (!range.ok && binding.hostPort !== '') return fail(`invalid hostport binding (${binding.hostPort}) for port (${num})`);
    const { start, end } = range.ok ? range.value : { start: 0, end: 0 };
    for (let p = start; p <= end; p++) {
      out.ports.push({ protocol: proto, targetPort: num, publishedPort: p, publishMode: 'ingress' });
    }
  }
  return ok(out);
}
