/**
 * The `Swarm` part of `docker info` (GET /info → swarm.Info), for the
 * `docker info` command. Read-only; call `settlePendingJoin` first from a
 * command, as the daemon would have finished a pending join in the
 * background by then.
 */
import type { LabCtx } from '../../world/ctx';
import { clusterOf, managersOf, membershipOf } from './store';
import { MANAGER_PORT } from './membership';
import { ingressOf } from './ingress';

export interface SwarmInfo {
  NodeID: string;
  NodeAddr: string;
  LocalNodeState: 'inactive' | 'pending' | 'active';
  ControlAvailable: boolean;
  Error: string;
  /** Managers this node talks to; null when not in a swarm (JSON null). */
  RemoteManagers: { NodeID: string; Addr: string }[] | null;
  Nodes: number;
  Managers: number;
  /** Only on managers (Info.Cluster); '' elsewhere. */
  ClusterID: string;
  /** Extra facts `docker info` prints for managers. */
  DataPathPort: number;
  DefaultAddrPool: string[];
  SubnetSize: number;
  /** The ingress network's VNI and subnet (not in Docker's Info; for lessons). */
  Ingress?: { vni: number; subnet: string };
}

const INACTIVE: SwarmInfo = {
  NodeID: '', NodeAddr: '', LocalNodeState: 'inactive', ControlAvailable: false, Error: '', RemoteManagers: null,
  Nodes: 0, Managers: 0, ClusterID: '', DataPathPort: 0, DefaultAddrPool: [], SubnetSize: 0,
};

export function swarmInfo(ctx: LabCtx, machine: string): SwarmInfo {
  const m = membershipOf(ctx, machine);
  if (!m) return INACTIVE;
  if (m.localState === 'pending') return { ...INACTIVE, LocalNodeState: 'pending', Error: m.error, NodeAddr: m.addr };
  const cluster = clusterOf(ctx, machine);
  const node = cluster?.nodes[m.nodeId];
  if (!cluster || !node) return INACTIVE;
  const managers = managersOf(cluster);
  const control = node.role === 'manager';
  const ingress = ingressOf(cluster);
  return {
    NodeID: node.id,
    NodeAddr: node.addr,
    LocalNodeState: 'active',
    ControlAvailable: control,
    Error: '',
    RemoteManagers: managers.map((n) => ({ NodeID: n.id, Addr: `${n.addr}:${MANAGER_PORT}` })),
    // Workers do not see the cluster's counts (swarm.Info fills them from the control API);
    // nodes that left are still in the store (Down) and still counted.
    Nodes: control ? Object.keys(cluster.nodes).length : 0,
    Managers: control ? Object.values(cluster.nodes).filter((n) => n.role === 'manager').length : 0,
    ClusterID: control ? cluster.id : '',
    DataPathPort: cluster.dataPathPort,
    DefaultAddrPool: control ? [...cluster.addrPools] : [],
    SubnetSize: control ? cluster.subnetSize : 0,
    Ingress: ingress ? { vni: ingress.vni, subnet: ingress.subnet } : undefined,
  };
}
