/**
 * NetworkSettings of `docker inspect <container>` in Docker 28's key order
 * (REFERENCE 1.10): the legacy top-level IP fields are filled only from the
 * default bridge endpoint; `Ports` maps each exposed port to its bindings
 * (`null` when only exposed) while running and is `{}` when stopped; each
 * network's EndpointSettings is a pointer (`map[bridge:0xc…]` in templates).
 */
import type { LabCtx } from '../world/ctx';
import type { ContainerState } from './state';
import { goPointer, withGoType } from './format/govalues';

type NetSpec = ContainerState['networks'][string];

function portsDoc(c: ContainerState): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (c.status !== 'running' && c.status !== 'paused') return out;
  for (const [key, bindings] of Object.entries(c.ports)) {
    out.set(key, bindings.length ? bindings.map((b) => ({ HostIp: b.hostIp, HostPort: b.hostPort })) : null);
  }
  return out;
}

/** buildEndpointDNSNames: the name, the aliases, the short ID, the hostname, each once. */
function dnsNames(c: ContainerState, spec: NetSpec): string[] {
  const names = [c.name, ...spec.aliases, c.id.slice(0, 12), c.hostname];
  return names.filter((n, i) => n && names.indexOf(n) === i);
}

function endpointDoc(ctx: LabCtx, machine: string, c: ContainerState, name: string, spec: NetSpec): Record<string, unknown> {
  const net = ctx.docker(machine).networks[spec.networkId];
  const connected = !!spec.endpointId;
  const userDefined = !!net && !net.predefined;
  return withGoType(goPointer({
    IPAMConfig: spec.ipv4 ? { IPv4Address: spec.ipv4 } : null,
    Links: null,
    Aliases: spec.aliases.length ? [...spec.aliases] : null,
    MacAddress: connected ? (spec.mac ?? '') : '',
    DriverOpts: null,
    GwPriority: 0,
    NetworkID: spec.networkId,
    EndpointID: spec.endpointId ?? '',
    Gateway: connected ? (spec.gateway ?? '') : '',
    IPAddress: connected ? (spec.ip ?? '') : '',
    IPPrefixLen: connected ? (spec.prefix ?? 0) : 0,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    DNSNames: userDefined ? dnsNames(c, spec) : null,
  }), 'network.EndpointSettings');
}

function networksDoc(ctx: LabCtx, machine: string, c: ContainerState): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (c.host.networkMode.startsWith('container:')) return out;
  for (const [name, spec] of Object.entries(c.networks)) out.set(name, endpointDoc(ctx, machine, c, name, spec));
  return out;
}

export function buildNetworkSettings(ctx: LabCtx, machine: string, c: ContainerState): Record<string, unknown> {
  const bridge = c.networks['bridge'];
  const onDefault = !!bridge?.endpointId;
  const sandbox = c.sandboxId ?? '';
  return {
    Bridge: '',
    SandboxID: sandbox,
    SandboxKey: sandbox ? `/var/run/docker/netns/${sandbox.slice(0, 12)}` : '',
    Ports: portsDoc(c),
    HairpinMode: false,
    LinkLocalIPv6Address: '',
    LinkLocalIPv6PrefixLen: 0,
    SecondaryIPAddresses: null,
    SecondaryIPv6Addresses: null,
    EndpointID: onDefault ? bridge.endpointId! : '',
    Gateway: onDefault ? (bridge.gateway ?? '') : '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    IPAddress: onDefault ? (bridge.ip ?? '') : '',
    IPPrefixLen: onDefault ? (bridge.prefix ?? 0) : 0,
    IPv6Gateway: '',
    MacAddress: onDefault ? (bridge.mac ?? '') : '',
    Networks: networksDoc(ctx, machine, c),
  };
}
