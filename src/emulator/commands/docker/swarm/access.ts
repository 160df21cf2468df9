/**
 * What every swarm and node command does first: let a pending join finish
 * (the daemon keeps trying in the background), then find the cluster this
 * host manages — or the daemon's error for a worker, a host in no swarm, or
 * a swarm without a leader.
 */
import type { CommandContext } from '../../types';
import type { ClusterState } from '../../../docker/swarm/state';
import { settlePendingJoin } from '../../../docker/swarm/join';
import { clusterOf, leaderOf, managerError } from '../../../docker/swarm/store';
import { ERR_NO_QUORUM } from '../../../docker/swarm/errors';
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
  // Without a leader (too few managers up) the control API answers nothing.
  if (!leaderOf(cluster)) return printDaemonError(ctx, ERR_NO_QUORUM);
  return cluster;
}
