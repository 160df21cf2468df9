/**
 * What every `docker service` command does first: find the cluster this
 * host manages (or print why it cannot), then resolve service references
 * the way the daemon does (docker/swarm/services/store.ts findService).
 */
import type { CommandContext } from '../../types';
import type { ClusterState } from '../../../docker/swarm/state';
import type { SwarmService } from '../../../docker/swarm/services/types';
import { findService } from '../../../docker/swarm/services/store';
import { isDaemonError } from '../../../docker/errors';

export { managedCluster } from '../swarm/access';

/** The service, or the daemon's message (`service web not found`). */
export function lookupService(cluster: ClusterState, ref: string): SwarmService | string {
  const found = findService(cluster, ref);
  return isDaemonError(found) ? found.daemonError : found;
}
