/**
 * What every swarm and node command does first: let a pending join finish
 * (the daemon keeps trying in the background), then find the cluster this
 * host manages — or the daemon's error for a worker or a host in no swarm.
 */
import type { CommandContext } from '../../types';
import type { ClusterState } from '../../../docker/swarm/state';
import { settlePendingJoin } from '../../../docker/swarm/join';
import { clusterOf, managerError } from '../../../docker/swarm/store';
import { printDaemonError } from '../cli/command';
import { labCtx, machineOf } from '../engine-access';

export function settle(ctx: CommandContext): void {
  settlePendingJoin(labCtx(ctx), machineOf(ctx));
}

/** The cluster, or the exit status after printing why this host cannot manage it. */
export function managedCluster(ctx: CommandContext): ClusterState | number {
  settle(ctx);
  const err = managerError(labCtx(ctx), machineOf(ctx));
  const cluster = clusterOf(labCtx(ctx), machineOf(ctx));
  if (err || !cluster) return printDaemonError(ctx, err ?? 'This node is not a swarm manager.');
  return cluster;
}
