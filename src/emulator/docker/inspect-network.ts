/**
 * The `docker network inspect` document (GET /networks/{id}) of Docker
 * Engine 28, built with the docker/format data model: plain objects are Go
 * structs in declaration order (moby api/types/network Inspect, IPAM,
 * IPAMConfig, ConfigReference, EndpointResource), `Map` is a Go map (printed
 * in sorted key order), NIL_MAP/NIL_SLICE are nil maps/slices (JSON null).
 *
 * Facts it follows (REFERENCE 1.7): `EnableIPv4` sits between Driver and
 * EnableIPv6 since 28.0; IPAM.Options is null for the predefined networks and
 * {} for user ones; host/none have IPAM.Config null; IPRange, Gateway and
 * AuxiliaryAddresses are omitted when empty; an endpoint without IPv6 prints
 * `"IPv6Address": ""`; `Peers` and `Services` are omitempty and stay out for
 * local networks, with or without --verbose (the daemon only fills Services
 * for swarm-scoped networks).
 */
import type { LabCtx } from '../world/ctx';
import type { ContainerState, IpamConfig, NetworkState } from './state';
import { rfc3339Nano } from '../core/clock';
import { stableHex } from './image-store';
import { NIL_MAP, NIL_SLICE, goStringer, jsonTag, omitEmpty, withGoType } from './format/govalues';

/**
 * Go's RFC3339Nano drops trailing zeros of the fraction ("…26.08924795Z",
 * and no dot at all for a whole second); core/clock's rfc3339Nano always
 * prints nine digits.
 */
export function goRfc3339Nano(ms: number, nanos: number): string {
  return rfc3339Nano(ms, nanos).replace(/\.?0+Z$/, 'Z');
}

/** time.Time's String(): `2026-01-12 09:00:00.040123456 +0000 UTC` (fraction trimmed the same way). */
export function goTimeString(ms: number, nanos: number): string {
  const iso = goRfc3339Nano(ms, nanos);
  return `${iso.slice(0, 10)} ${iso.slice(11, -1)} +0000 UTC`;
}

function stringMap(record: Record<string, string> | null): Map<string, string> | typeof NIL_MAP {
  return record ? new Map(Object.entries(record)) : NIL_MAP;
}

function ipamConfigDoc(cfg: IpamConfig): Record<string, unknown> {
  return withGoType(
    {
      Subnet: omitEmpty(cfg.subnet),
      IPRange: omitEmpty(cfg.ipRange ?? ''),
      Gateway: omitEmpty(cfg.gateway ?? ''),
      AuxAddress: jsonTag(new Map(Object.entries(cfg.auxAddresses ?? {})), 'AuxiliaryAddresses', { omitempty: true }),
    },
    'network.IPAMConfig',
  );
}

function endpointDoc(name: string, endpointId: string, mac: string, ipv4: string): Record<string, unknown> {
  return withGoType({ Name: name, EndpointID: endpointId, MacAddress: mac, IPv4Address: ipv4, IPv6Address: '' }, 'network.EndpointResource');
}

/**
 * Containers with an endpoint here. Bridge endpoints come from the engine;
 * a running container in `host` or `none` mode has an endpoint on that
 * network in real Docker too (no address, no MAC). The model keeps none for
 * them, so a stable ID is derived from the container and network IDs.
 */
function containersDoc(ctx: LabCtx, machine: string, net: NetworkState): Map<string, unknown> {
  const docker = ctx.docker(machine);
  const out = new Map<string, unknown>();
  for (const ep of Object.values(docker.endpoints)) {
    if (ep.networkId !== net.id) continue;
    const c = docker.containers[ep.containerId];
    out.set(ep.containerId, endpointDoc(c?.name ?? ep.name, ep.id, ep.mac, `${ep.ip}/${ep.prefix}`));
  }
  if (net.predefined && (net.name === 'host' || net.name === 'none')) {
    for (const c of Object.values(docker.containers)) {
      if (!sharesPredefined(c, net)) continue;
      out.set(c.id, endpointDoc(c.name, stableHex(`endpoint:${c.id}:${net.id}`, 64), '', ''));
    }
  }
  return out;
}

function sharesPredefined(c: ContainerState, net: NetworkState): boolean {
  return c.host.networkMode === net.name && c.status === 'running' && !!c.networks[net.name];
}

/** The inspect document of one network, as the daemon returns it. `verbose` adds nothing for local networks. */
export function networkInspect(ctx: LabCtx, machine: string, net: NetworkState, verbose = false): Record<string, unknown> {
  void verbose;
  const created = goStringer(goTimeString(net.created, net.createdNanos), goRfc3339Nano(net.created, net.createdNanos), 'time.Time');
  return withGoType(
    {
      Name: net.name,
      ID: jsonTag(net.id, 'Id'),
      Created: created,
      Scope: net.scope,
      Driver: net.driver,
      // IPv6 is not modelled: every network is IPv4-only.
      EnableIPv4: true,
      EnableIPv6: false,
      IPAM: withGoType(
        {
          Driver: net.ipam.driver,
          Options: stringMap(net.ipam.options),
          Config: net.ipam.config ? net.ipam.config.map(ipamConfigDoc) : NIL_SLICE,
        },
        'network.IPAM',
      ),
      Internal: net.internal,
      Attachable: net.attachable,
      Ingress: net.ingress,
      ConfigFrom: withGoType({ Network: '' }, 'network.ConfigReference'),
      ConfigOnly: false,
      Containers: containersDoc(ctx, machine, net),
      Options: stringMap(net.options),
      Labels: stringMap(net.labels),
    },
    'network.Inspect',
  );
}
