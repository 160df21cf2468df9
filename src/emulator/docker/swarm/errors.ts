/**
 * The swarm errors the daemon returns, word for word (moby
 * daemon/cluster/errors.go, helpers.go, swarm.go; swarmkit controlapi and
 * ca/server.go). The CLI prints them as `Error response from daemon: …`.
 */

/** errNoSwarm: leave on a node that is in no swarm. */
export const ERR_NO_SWARM = 'This node is not part of a swarm';

/** errSwarmExists: init or join on a node already in (or joining) a swarm. */
export const ERR_SWARM_EXISTS = 'This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.';

/** errSwarmJoinTimeoutReached: the join did not complete within swarmConnectTimeout (20 s). */
export const ERR_JOIN_TIMEOUT =
  'Timeout was reached before node joined. The attempt to join the swarm will continue in the background. Use the "docker info" command to see the current swarm status of your node.';

/** errSwarmNotManager: a manager-only request on a worker. */
export const ERR_NOT_MANAGER =
  "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.";

/** Cluster.errNoManager when the node is in no swarm at all (REFERENCE 2, "overlay create without swarm"). */
export const ERR_NO_MANAGER = 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';

/** libnetwork controller.NewNetwork: a global-scope network requested on a worker. */
export const ERR_WORKER_NETWORK = 'Cannot create a multi-host network from a worker node. Please create the network from a manager node.';

/** swarmkit ca/server.go IssueNodeCertificate: the token matches neither the worker nor the manager token. */
export const ERR_BAD_TOKEN = 'rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster';

/** ca.ParseJoinToken failed before any connection was made. */
export const ERR_MALFORMED_TOKEN = 'invalid join token';

/** The gRPC dial error when nothing listens on the manager's port. */
export function dialRefused(addr: string): string {
  return `rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp ${addr}: connect: connection refused"`;
}

/** swarmkit allocator AttachNetwork: a standalone container on a non-attachable swarm network. */
export function notAttachable(name: string): string {
  return `Could not attach to network ${name}: rpc error: code = PermissionDenied desc = network ${name} not manually attachable`;
}

/** Cluster.Leave on a manager without --force (moby daemon/cluster/swarm.go). */
export function leaveManagerWarning(reachable: number, unreachable: number): string {
  let msg = 'You are attempting to leave the swarm on a node that is participating as a manager. ';
  if (reachable === 1 && unreachable === 0) {
    // The source appends the trailing space too.
    return msg + 'Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message. ';
  }
  if (reachable - 2 <= unreachable) {
    msg += `Removing this node leaves ${reachable - 1} managers out of ${reachable + unreachable}. Without a Raft quorum your swarm will be inaccessible. `;
  }
  return msg + 'The only way to restore a swarm that has lost consensus is to reinitialize it with `--force-new-cluster`. Use `--force` to suppress this message.';
}

/** errNoQuorum (moby daemon/cluster/errors.go): a manager asked while the managers up are not a majority. */
export const ERR_NO_QUORUM = "The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online.";
