/**
 * `docker swarm init` in the daemon (moby daemon/cluster/swarm.go Init,
 * listen_addr.go): choose the address to advertise, create the cluster with
 * this node as its only manager and leader, then the ingress network and
 * docker_gwbridge.
 */
import type { LabCtx } from '../../world/ctx';
import type { ClusterState, NodeAvailability } from './state';
import { daemonError, type DaemonError } from '../errors';
import { deviceByName } from '../../net/netns';
import { isIp } from '../../net/ipv4';
import { lookupRoute } from '../../net/routes';
import { ERR_SWARM_EXISTS } from './errors';
import { caDigest, swarmId, tokenSecret } from './ids';
import { allClusters, membershipOf, touch } from './store';
import { DEFAULT_GLOBAL_POOL, DEFAULT_SUBNET_SIZE } from './ipam';
import { becomeMember, newNode } from './membership';
import { createIngressNetwork } from './ingress';

export const DEFAULT_DATA_PATH_PORT = 4789;

const ERR_BAD_ADVERTISE = 'advertise address must be a non-zero IP address or network interface (with optional port number)';

export interface InitOptions {
  advertiseAddr?: string;
  dataPathPort?: number;
  defaultAddrPool?: string[];
  subnetSize?: number;
  availability?: NodeAvailability;
}

/** An interface's one usable IPv4 address, or the daemon's complaint. */
function interfaceAddress(ctx: LabCtx, machine: string, name: string, specified: boolean): string | DaemonError {
  const dev = deviceByName(ctx.state.net, ctx.rootNs(machine), name);
  const addrs = (dev?.addrs ?? []).map((a) => a.ip).filter((ip) => !ip.startsWith('127.'));
  if (addrs.length > 1 && !specified) {
    return daemonError(`could not choose an IP address to advertise since this system has multiple addresses on interface ${name} (${addrs[0]} and ${addrs[1]})`);
  }
  if (!addrs.length) return daemonError(specified ? `interface ${name} has no usable IPv4 or IPv6 address` : "could not find the system's IP address");
  return addrs[0];
}

/** resolveAdvertiseAddr / resolveSystemAddr: an interface name or an IP (optional :port); by default the default route's interface. */
export function advertiseAddress(ctx: LabCtx, machine: string, given: string | undefined): string | DaemonError {
  if (given !== undefined) {
    const host = given.replace(/:\d+$/, '');
    if (deviceByName(ctx.state.net, ctx.rootNs(machine), host)) return interfaceAddress(ctx, machine, host, true);
    if (isIp(host) && host !== '0.0.0.0') return host;
    return daemonError(ERR_BAD_ADVERTISE);
  }
  const route = lookupRoute(ctx.state.net, ctx.rootNs(machine), '0.0.0.0');
  const dev = route ? ctx.state.net.devices[route.dev] : undefined;
  if (!dev) return daemonError("could not find the system's IP address");
  return interfaceAddress(ctx, machine, dev.name, false);
}

export function initSwarm(ctx: LabCtx, machine: string, o: InitOptions): { nodeId: string; cluster: ClusterState } | DaemonError {
  if (membershipOf(ctx, machine)) return daemonError(ERR_SWARM_EXISTS);
  const addr = advertiseAddress(ctx, machine, o.advertiseAddr);
  if (typeof addr !== 'string') return addr;
  ctx.clock.advance(600);
  const cluster: ClusterState = {
    id: swarmId(ctx.rng), createdAt: ctx.clock.now(), createdNanos: ctx.rng.int(0, 999999),
    caDigest: caDigest(ctx.rng), workerSecret: tokenSecret(ctx.rng), managerSecret: tokenSecret(ctx.rng),
    dataPathPort: o.dataPathPort || DEFAULT_DATA_PATH_PORT,
    addrPools: o.defaultAddrPool?.length ? o.defaultAddrPool : [DEFAULT_GLOBAL_POOL],
    subnetSize: o.subnetSize ?? DEFAULT_SUBNET_SIZE,
    nodes: {}, networks: {}, attachments: {}, raftIndex: 1,
  };
  allClusters(ctx)[cluster.id] = cluster;
  const node = newNode(ctx, cluster, machine, addr, 'manager', swarmId(ctx.rng));
  node.leader = true;
  node.availability = o.availability ?? 'active';
  touch(ctx, cluster, node);
  createIngressNetwork(ctx, cluster);
  becomeMember(ctx, machine, cluster, node);
  ctx.clock.advance(900);
  return { nodeId: node.id, cluster };
}
