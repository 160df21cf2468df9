/**
 * The Swarm part of `docker info` (docker/cli cli/command/system/info.go
 * printSwarmInfo) and of its `--format` value (api/types/swarm.Info), from
 * the node's view (docker/swarm/info.ts). Lines are Go's Fprintln of a label
 * and a value: one space after each colon, and a trailing space where the
 * value is empty. The address pools are each followed by two spaces, as
 * the CLI joins them. Managers also print the cluster's settings; the lab's
 * swarm keeps swarmkit's defaults (`docker swarm update` is not modelled):
 * task history 5, raft snapshots every 10000 entries with none kept, a
 * heartbeat tick of 1 and an election tick of 10, a 5 s dispatcher
 * heartbeat, node certificates for 90 days.
 */
import type { LabCtx } from '../../../world/ctx';
import type { SwarmInfo } from '../../../docker/swarm/info';
import { humanDuration } from '../../../docker/human-duration';
import { NIL_SLICE, goStringer, omitEmpty, withGoType } from '../../../docker/format/govalues';
import { goRfc3339Nano, goTimeString } from '../../../docker/inspect-network';
import { clusterOf } from '../../../docker/swarm/store';
import { swarmInfo } from '../../../docker/swarm/info';

const HEARTBEAT_PERIOD_MS = 5_000;
const NODE_CERT_EXPIRY_MS = 90 * 24 * 3600 * 1000;

const CLUSTER_SPEC = {
  Name: 'default', Labels: {},
  Orchestration: { TaskHistoryRetentionLimit: 5 },
  Raft: { SnapshotInterval: 10000, KeepOldSnapshots: 0, LogEntriesForSlowFollowers: 500, ElectionTick: 10, HeartbeatTick: 1 },
  Dispatcher: { HeartbeatPeriod: HEARTBEAT_PERIOD_MS * 1e6 },
  CAConfig: { NodeCertExpiry: NODE_CERT_EXPIRY_MS * 1e6 },
  TaskDefaults: {},
  EncryptionConfig: { AutoLockManagers: false },
};

/** printSwarmInfo: inactive nodes print one line; managers add the cluster's facts. */
export function swarmInfoLines(info: SwarmInfo): string[] {
  if (info.LocalNodeState === 'inactive') return [' Swarm: inactive'];
  const out = [` Swarm: ${info.LocalNodeState}`, `  NodeID: ${info.NodeID}`];
  if (info.Error) out.push(`  Error: ${info.Error}`);
  out.push(`  Is Manager: ${info.ControlAvailable}`);
  if (info.ControlAvailable && info.ClusterID) {
    out.push(`  ClusterID: ${info.ClusterID}`, `  Managers: ${info.Managers}`, `  Nodes: ${info.Nodes}`);
    out.push(`  Default Address Pool: ${info.DefaultAddrPool.map((p) => `${p}  `).join('')}`, `  SubnetSize: ${info.SubnetSize}`);
    if (info.DataPathPort > 0) out.push(`  Data Path Port: ${info.DataPathPort}`);
    out.push(
      '  Orchestration:', `   Task History Retention Limit: ${CLUSTER_SPEC.Orchestration.TaskHistoryRetentionLimit}`,
      '  Raft:', `   Snapshot Interval: ${CLUSTER_SPEC.Raft.SnapshotInterval}`, `   Number of Old Snapshots to Retain: ${CLUSTER_SPEC.Raft.KeepOldSnapshots}`,
      `   Heartbeat Tick: ${CLUSTER_SPEC.Raft.HeartbeatTick}`, `   Election Tick: ${CLUSTER_SPEC.Raft.ElectionTick}`,
      '  Dispatcher:', `   Heartbeat Period: ${humanDuration(HEARTBEAT_PERIOD_MS)}`,
      '  CA Configuration:', `   Expiry Duration: ${humanDuration(NODE_CERT_EXPIRY_MS)}`, '   Force Rotate: 0',
      '  Autolock Managers: false', '  Root Rotation In Progress: false',
    );
  }
  out.push(`  Node Address: ${info.NodeAddr}`);
  const managers = (info.RemoteManagers ?? []).map((m) => m.Addr).sort();
  if (managers.length) out.push('  Manager Addresses:', ...managers.map((a) => `   ${a}`));
  return out;
}

/**
 * swarm.Info for `docker info -f`. NOT modelled: the cluster's TLSInfo (the
 * root CA certificate) and its object version, left out rather than made up.
 */
export function swarmInfoDocument(ctx: LabCtx, machine: string, info: SwarmInfo): Record<string, unknown> {
  const cluster = info.ControlAvailable ? clusterOf(ctx, machine) : undefined;
  const created = cluster ? goStringer(goTimeString(cluster.createdAt, cluster.createdNanos), goRfc3339Nano(cluster.createdAt, cluster.createdNanos), 'time.Time') : undefined;
  return withGoType({
    NodeID: info.NodeID, NodeAddr: info.NodeAddr, LocalNodeState: info.LocalNodeState, ControlAvailable: info.ControlAvailable, Error: info.Error,
    RemoteManagers: info.RemoteManagers ?? NIL_SLICE,
    Nodes: omitEmpty(info.Nodes), Managers: omitEmpty(info.Managers),
    Cluster: omitEmpty(cluster && {
      ID: cluster.id, CreatedAt: created, UpdatedAt: created, Spec: CLUSTER_SPEC, RootRotationInProgress: false,
      DefaultAddrPool: cluster.addrPools, SubnetSize: cluster.subnetSize, DataPathPort: cluster.dataPathPort,
    }),
  }, 'swarm.Info');
}

/** This host's Swarm section, both ways. */
export function swarmSection(ctx: LabCtx, machine: string): { lines: string[]; document: Record<string, unknown> } {
  const info = swarmInfo(ctx, machine);
  return { lines: swarmInfoLines(info), document: swarmInfoDocument(ctx, machine, info) };
}
