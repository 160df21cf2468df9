/**
 * One row of `docker ps` (docker/cli formatter/container.go
 * ContainerContext) from a container: COMMAND quoted and cut to 20 display
 * characters with `…`, CREATED from the whole-second creation time, STATUS
 * from the daemon's State.String, PORTS via DisplayablePorts over the
 * running container's ports, NAMES without the leading slash (a linked
 * container is also named `/web/db`; the truncated view shows only its own
 * name).
 */
import type { LabCtx } from '../../../world/ctx';
import type { ContainerState } from '../../../docker/state';
import { displayablePorts, portSummaries } from '../../../docker/ports/index';
import { statusText } from '../../../docker/container-status';
import { createdAgo } from '../../../docker/human-duration';
import { fullArgv } from '../../../docker/main-argv';
import { quote } from '../../../docker/format/gotemplate/quote';

export const PS_TABLE = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';

export const PS_HEADERS: Record<string, string> = {
  ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', CreatedAt: 'CREATED AT', RunningFor: 'CREATED',
  Ports: 'PORTS', State: 'STATE', Status: 'STATUS', Size: 'SIZE', Names: 'NAMES', Labels: 'LABELS',
  Mounts: 'MOUNTS', Networks: 'NETWORKS', LocalVolumes: 'LOCAL VOLUMES', Platform: 'PLATFORM',
};

/** formatter.Ellipsis: keep maxWidth-1 characters and add "…" when longer. */
export function ellipsis(s: string, maxWidth: number): string {
  const chars = [...s];
  if (chars.length <= maxWidth) return s;
  return chars.slice(0, maxWidth - 1).join('') + '…';
}

/** Who links to whom: a container's path (`/db`) → the aliases others gave it (`/web/db`), in container order. */
export function linkAliases(containers: Record<string, ContainerState>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const other of Object.values(containers)) {
    for (const rec of other.host.links) {
      const [child, alias] = rec.split(':');
      index.set(child, [...(index.get(child) ?? []), alias]);
    }
  }
  return index;
}

/** All names of a container: its own, then `/parent/alias` for each container linking to it. */
export function containerNames(c: ContainerState, aliases: Map<string, string[]>): string[] {
  return [c.name, ...(aliases.get(`/${c.name}`) ?? []).map((a) => a.slice(1))];
}

/** The last second createdAt formatted: rows come newest first, and many containers share a second. */
let lastCreated = { second: NaN, text: '' };

/** Go's time.Time String() for a Unix-seconds time: `2026-01-12 09:00:01 +0000 UTC`. */
function createdAt(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastCreated.second) {
    lastCreated = { second, text: new Date(second * 1000).toISOString().replace('T', ' ').replace('.000Z', ' +0000 UTC') };
  }
  return lastCreated.text;
}

function ports(c: ContainerState): string {
  if (c.status !== 'running' && c.status !== 'paused') return '';
  return displayablePorts(portSummaries(c.ports));
}

export function psRow(ctx: LabCtx, c: ContainerState, trunc: boolean, aliases: Map<string, string[]>): Record<string, unknown> {
  const now = ctx.clock.now();
  const command = fullArgv(c).join(' ');
  const names = containerNames(c, aliases);
  const labels = Object.entries(c.cli?.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
  return {
    ID: trunc ? c.id.slice(0, 12) : c.id,
    Image: c.image,
    Command: quote(trunc ? ellipsis(command, 20) : command),
    CreatedAt: createdAt(c.created),
    RunningFor: createdAgo(c.created, now),
    Ports: ports(c),
    State: c.status,
    Status: statusText(c, now),
    Size: '0B',
    Names: trunc ? names[0] : names.join(','),
    Labels: labels,
    Mounts: '',
    Networks: Object.keys(c.networks).sort().join(','),
    LocalVolumes: '0',
  };
}
