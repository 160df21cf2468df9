/**
 * `docker swarm join` in the daemon (moby daemon/cluster/swarm.go Join;
 * swarmkit node.go, ca/server.go). The joining node really opens a TCP
 * connection to the manager's port 2377 through the lab's network: routes,
 * ARP, both hosts' netfilter. Then:
 *
 * - refused (nothing listens): gRPC's dial error comes back at once;
 * - no answer (a firewall drops it, no route): after swarmConnectTimeout
 *   (20 s) the daemon gives up waiting — errSwarmJoinTimeoutReached — but
 *   the node keeps trying in the background (LocalNodeState "pending"):
 *   `settlePendingJoin` retries whenever the host next talks to its
 *   daemon about the swarm, and the join completes once the path is open;
 * - connected: the manager's CA checks the token (a wrong one: "A valid
 *   join token is necessary…"), issues a certificate with a new node ID,
 *   and the role the token grants.
 *
 * The node then also opens the gossip channel (TCP 7946) to the manager; if
 * that fails the join still succeeds, dockerd only logs it — and overlay
 * peers stay unknown (netdb.ts).
 */
import type { LabCtx } from '../../world/ctx';
import type { ClusterState, NodeAvailability, NodeRole } from './state';
import { daemonError, type DaemonError } from '../errors';
import { resolveName } from '../../kernel/resolver';
import { VirtualFs } from '../../kernel/fs';
import { tcpConnect } from '../../net/transport';
import { dialRefused, ERR_BAD_TOKEN, ERR_MALFORMED_TOKEN, ERR_SWARM_EXISTS } from './errors';
import { roleForToken, swarmId, wellFormedToken } from './ids';
import { membershipOf, touch } from './store';
import { reconcileAll } from './services/reconcile';
import { becomeMember, log, MANAGER_PORT, newNode } from './membership';
import { advertiseAddress } from './init';
import { GOSSIP_PORT } from './netdb';

export interface JoinOptions {
  token: string;
  /** HOST:PORT (or HOST) of a manager. */
  remote: string;
  advertiseAddr?: string;
  availability?: NodeAvailability;
}

export type JoinResult = { role: NodeRole } | { timeout: true } | DaemonError;

/** How long the daemon waits for the join before answering (swarmConnectTimeout). */
export const JOIN_TIMEOUT_MS = 20_000;

function parseRemote(ctx: LabCtx, machine: string, remote: string): { ip: string; port: number } | undefined {
  const m = /^(.*?)(?::(\d+))?$/.exec(remote);
  const host = m?.[1] ?? '';
  const port = m?.[2] ? Number(m[2]) : MANAGER_PORT;
  if (!host) return undefined;
  const fs = new VirtualFs(ctx.state.machines[machine].fs);
  const r = resolveName(ctx, ctx.rootNs(machine), fs, host);
  return r.ok ? { ip: r.addresses[0], port } : undefined;
}

type Dial = { cluster: ClusterState; localIp: string } | { refused: true } | { timeout: true };

/** The TCP connection to the manager (real packets, real firewall verdicts). */
function dialManager(ctx: LabCtx, machine: string, ip: string, port: number): Dial {
  const conn = tcpConnect(ctx, ctx.rootNs(machine), ip, port);
  if (conn.kind === 'refused') return { refused: true };
  if (conn.kind !== 'connected') return { timeout: true };
  const isManager = conn.socket.service.kind === 'listener' && conn.socket.service.owner === 'swarm-manager';
  const server = membershipOf(ctx, conn.server.machine);
  const cluster = server ? ctx.state.swarm?.clusters[server.clusterId] : undefined;
  // Anything else on that port never answers the gRPC handshake.
  if (!isManager || !cluster) return { timeout: true };
  return { cluster, localIp: conn.arrival.pkt.src };
}

export function joinSwarm(ctx: LabCtx, machine: string, o: JoinOptions): JoinResult {
  if (membershipOf(ctx, machine)) return daemonError(ERR_SWARM_EXISTS);
  if (o.token && !wellFormedToken(o.token)) return daemonError(ERR_MALFORMED_TOKEN);
  const advertised = o.advertiseAddr === undefined ? undefined : advertiseAddress(ctx, machine, o.advertiseAddr);
  if (advertised && typeof advertised !== 'string') return advertised;
  const target = parseRemote(ctx, machine, o.remote);
  if (!target) return { timeout: true };
  const dial = dialManager(ctx, machine, target.ip, target.port);
  if ('refused' in dial) return daemonError(dialRefused(`${target.ip}:${target.port}`));
  if ('timeout' in dial) {
    ctx.docker(machine).swarm = {
      clusterId: '', nodeId: '', localState: 'pending', addr: advertised ?? '', joinAddr: `${target.ip}:${target.port}`,
      pendingToken: o.token, error: '', gossipName: ctx.rng.hex(12), sandboxes: {},
    };
    return { timeout: true };
  }
  return completeJoin(ctx, machine, dial.cluster, o, advertised ?? dial.localIp, `${target.ip}:${target.port}`);
}

function completeJoin(ctx: LabCtx, machine: string, cluster: ClusterState, o: JoinOptions, addr: string, joinAddr: string): JoinResult {
  const role = roleForToken(cluster, o.token);
  if (!role) return daemonError(ERR_BAD_TOKEN);
  const manager = joinAddr.split(':')[0];
  if (tcpConnect(ctx, ctx.rootNs(machine), manager, GOSSIP_PORT).kind !== 'connected') {
    log(ctx, machine, `memberlist: Failed to join ${manager}: dial tcp ${manager}:${GOSSIP_PORT}: i/o timeout`, '', 'warning');
  }
  ctx.clock.advance(700);
  delete ctx.docker(machine).swarm;
  const node = newNode(ctx, cluster, machine, addr, role, swarmId(ctx.rng));
  node.availability = o.availability ?? 'active';
  touch(ctx, cluster, node);
  becomeMember(ctx, machine, cluster, node, joinAddr);
  reconcileAll(ctx, cluster); // global services and waiting tasks may now run here
  return { role };
}

/**
 * A pending join keeps dialling in the background; the lab retries when the
 * host's daemon is next asked about the swarm. A bad token ends it.
 */
export function settlePendingJoin(ctx: LabCtx, machine: string): void {
  const m = membershipOf(ctx, machine);
  if (!m || m.localState !== 'pending' || !m.joinAddr) return;
  const [ip, port] = m.joinAddr.split(':');
  const dial = dialManager(ctx, machine, ip, Number(port));
  if (!('cluster' in dial)) return;
  const result = completeJoin(ctx, machine, dial.cluster, { token: m.pendingToken ?? '', remote: m.joinAddr }, m.addr || dial.localIp, m.joinAddr);
  if ('daemonError' in result) {
    log(ctx, machine, `failed to join the cluster: ${result.daemonError}`, '', 'error');
    delete ctx.docker(machine).swarm;
  }
}
