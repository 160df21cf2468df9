/** Node references as the CLI resolves them: `self` is the node the CLI talks to (node.Reference), the rest the daemon looks up. */
import type { CommandContext } from '../../types';
import type { ClusterState, SwarmNode } from '../../../docker/swarm/state';
import type { DaemonError } from '../../../docker/errors';
import { findNode } from '../../../docker/swarm/nodes';
import { membershipOf } from '../../../docker/swarm/store';
import { labCtx, machineOf } from '../engine-access';

export function resolveNode(ctx: CommandContext, cluster: ClusterState, ref: string): SwarmNode | DaemonError {
  const id = ref === 'self' ? membershipOf(labCtx(ctx), machineOf(ctx))?.nodeId ?? '' : ref;
  return findNode(cluster, id);
}
