/**
 * What a host gains by joining a swarm and loses by leaving it:
 *
 * - listening sockets of dockerd: TCP 2377 on managers (cluster management,
 *   `defaultAddr = "tcp://0.0.0.0:2377"`), TCP and UDP 7946 on every node
 *   (gossip); the VXLAN socket (UDP 4789) is the kernel's, per VTEP;
 * - docker_gwbridge, the ingress network and ingress_sbox;
 * - the swarm networks it lists.
 *
 * Leaving disconnects containers from attachable swarm networks and deletes
 * those networks (moby daemon clearAttachableNetworks), then the ingress
 * sandbox; docker_gwbridge stays, as it does on a real host.
 */
import type { LabCtx } from '../../world/ctx';
import type { ClusterState, NodeRole, NodeSwarmState, SwarmNode } from './state';
import { leaveOverlay } from './attach';
import { joinIngress, leaveIngress } from './ingress';
import { leaveDefaultGateway, needsDefaultGateway } from './gwbridge';
import { syncNetworkRecords } from './networks';
import { destroyOverlaySandbox } from '../drivers/overlay';
import { refreshContainerFiles } from '../sandbox';
import { membershipOf } from './store';
import { GOSSIP_PORT } from './netdb';
import { dockerdLog, type LogLevel } from '../daemon-log';

export const MANAGER_PORT = 2377;
/** dockerd's PID on every host of the lab (its journal lines say dockerd[812]). */
const DOCKERD_PID = 812;

/** A dockerd log line (journalctl -u docker), logrus text format (docker/daemon-log.ts). */
export function log(ctx: LabCtx, machine: string, msg: string, fields = '', level: LogLevel = 'info'): void {
  dockerdLog(ctx, machine, level, msg, fields, DOCKERD_PID);
}

export function openSwarmPorts(ctx: LabCtx, machine: string, role: NodeRole): void {
  closeSwarmPorts(ctx, machine);
  const ns = ctx.rootNs(machine);
  const sock = (proto: 'tcp' | 'udp', port: number, owner: string) =>
    ns.sockets.push({ proto, ip: '0.0.0.0', port, pid: DOCKERD_PID, program: 'dockerd', service: { kind: 'listener', owner } });
  if (role === 'manager') sock('tcp', MANAGER_PORT, 'swarm-manager');
  sock('tcp', GOSSIP_PORT, 'swarm-gossip');
  sock('udp', GOSSIP_PORT, 'swarm-gossip');
}

export function closeSwarmPorts(ctx: LabCtx, machine: string): void {
  const ns = ctx.rootNs(machine);
  ns.sockets = ns.sockets.filter((s) => !(s.service.kind === 'listener' && s.service.owner.startsWith('swarm-')));
}

export function newNode(ctx: LabCtx, cluster: ClusterState, hostname: string, addr: string, role: NodeRole, id: string): SwarmNode {
  const node: SwarmNode = {
    id, hostname, addr, role, availability: 'active', leader: false, left: false, labels: {},
    createdAt: ctx.clock.now(), createdNanos: ctx.rng.int(0, 999999), updatedAt: ctx.clock.now(), updatedNanos: 0, version: 0,
  };
  cluster.nodes[id] = node;
  return node;
}

/** The host becomes an active member: sockets, gwbridge, ingress, the networks it lists. */
export function becomeMember(ctx: LabCtx, machine: string, cluster: ClusterState, node: SwarmNode, joinAddr?: string): NodeSwarmState {
  const previous = membershipOf(ctx, machine);
  const m: NodeSwarmState = {
    clusterId: cluster.id, nodeId: node.id, localState: 'active', addr: node.addr, joinAddr, error: '',
    gossipName: previous?.gossipName ?? ctx.rng.hex(12), sandboxes: {},
  };
  ctx.docker(machine).swarm = m;
  openSwarmPorts(ctx, machine, node.role);
  joinIngress(ctx, machine, cluster);
  syncNetworkRecords(ctx, machine);
  if (node.role === 'manager') log(ctx, machine, 'Listening for connections', `addr="[::]:${MANAGER_PORT}" module=node node.id=${node.id}`);
  log(ctx, machine, `initialized VXLAN UDP port to ${cluster.dataPathPort} `, `module=node node.id=${node.id}`);
  return m;
}

/** clearAttachableNetworks: running containers lose their swarm endpoints (and their docker_gwbridge leg). */
function disconnectSwarmNetworks(ctx: LabCtx, machine: string): void {
  const docker = ctx.docker(machine);
  for (const c of Object.values(docker.containers)) {
    if (c.status !== 'running') continue;
    let changed = false;
    for (const [name, spec] of Object.entries(c.networks)) {
      const net = docker.networks[spec.networkId];
      if (net?.scope !== 'swarm') continue;
      leaveOverlay(ctx, machine, c, net);
      delete c.networks[name];
      changed = true;
    }
    if (!changed) continue;
    if (!needsDefaultGateway(ctx, machine, c)) leaveDefaultGateway(ctx, machine, c);
    refreshContainerFiles(ctx, machine, c);
  }
}

/** The host stops being a member: everything becomeMember set up goes, except docker_gwbridge. */
export function dropMembership(ctx: LabCtx, machine: string, cluster: ClusterState | undefined): void {
  const m = membershipOf(ctx, machine);
  if (!m) return;
  if (cluster) {
    disconnectSwarmNetworks(ctx, machine);
    leaveIngress(ctx, machine, cluster, false);
  }
  for (const sandbox of Object.values(m.sandboxes)) destroyOverlaySandbox(ctx, sandbox);
  closeSwarmPorts(ctx, machine);
  delete ctx.docker(machine).swarm;
  syncNetworkRecords(ctx, machine);
}
