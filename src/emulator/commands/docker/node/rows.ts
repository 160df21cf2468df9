/**
 * `docker node ls` rows (docker/cli cli/command/node/formatter.go
 * nodeContext): the full 25-character ID with ` *` on the node the CLI
 * talks to, Status/Availability/ManagerStatus capitalised (PrettyPrint),
 * rows sorted by hostname in natural order (list.go).
 */
import type { LabCtx } from '../../../world/ctx';
import type { ClusterState, SwarmNode } from '../../../docker/swarm/state';
import { nodeReady } from '../../../docker/swarm/nodes';
import { ENGINE_VERSION } from '../../../docker/swarm/node-doc';
import { withGoType } from '../../../docker/format/govalues';
import { naturalCompare } from '../../../docker/ports/natural-sort';

export const NODE_TABLE = 'table {{.ID}} {{if .Self}}*{{else}} {{ end }}\t{{.Hostname}}\t{{.Status}}\t{{.Availability}}\t{{.ManagerStatus}}\t{{.EngineVersion}}';

export const NODE_HEADERS: Record<string, string> = {
  ID: 'ID', Self: '', Hostname: 'HOSTNAME', Status: 'STATUS', Availability: 'AVAILABILITY',
  ManagerStatus: 'MANAGER STATUS', EngineVersion: 'ENGINE VERSION', TLSStatus: 'TLS STATUS',
};

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function managerStatus(n: SwarmNode, ready: boolean): string {
  if (n.role !== 'manager') return '';
  if (n.leader) return 'Leader';
  return ready ? 'Reachable' : 'Unreachable';
}

export function nodeRow(ctx: LabCtx, cluster: ClusterState, n: SwarmNode, selfId: string): Record<string, unknown> {
  const ready = nodeReady(ctx, cluster, n);
  return withGoType({
    ID: n.id, Self: n.id === selfId, Hostname: n.hostname, Status: ready ? 'Ready' : 'Down', Availability: cap(n.availability),
    ManagerStatus: managerStatus(n, ready), EngineVersion: ENGINE_VERSION, TLSStatus: 'Ready',
  }, '*node.nodeContext');
}

export function sortedNodes(cluster: ClusterState): SwarmNode[] {
  return Object.values(cluster.nodes).sort((a, b) => naturalCompare(a.hostname, b.hostname));
}
