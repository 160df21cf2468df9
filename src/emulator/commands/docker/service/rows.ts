/**
 * `service ls` and `service ps` rows (docker/cli cli/command/service/
 * formatter.go, cli/command/task/formatter.go; REFERENCE 1.13):
 *
 * - ls: ID (12), NAME, MODE, REPLICAS `running/desired`, IMAGE, PORTS —
 *   only routing-mesh ports, `*:8080->80/tcp`; rows sorted by name;
 * - ps: ID (12), NAME (`web.1`, older tasks of a slot under ` \_ web.1`),
 *   IMAGE, NODE, DESIRED STATE, CURRENT STATE (`Running 5 seconds ago`),
 *   ERROR (quoted, cut at 30 characters with `…`), PORTS (host-mode ones).
 */
import type { LabCtx } from '../../../world/ctx';
import type { ClusterState } from '../../../docker/swarm/state';
import type { SwarmService, SwarmTask } from '../../../docker/swarm/services/types';
import { withGoType } from '../../../docker/format/govalues';
import { humanDuration } from '../../../docker/human-duration';
import { runningTasks, taskName, tasksOf } from '../../../docker/swarm/services/store';
import { naturalCompare } from '../../../docker/ports/natural-sort';

export const SERVICE_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.Mode}}\t{{.Replicas}}\t{{.Image}}\t{{.Ports}}';
export const SERVICE_HEADERS: Record<string, string> = { ID: 'ID', Name: 'NAME', Mode: 'MODE', Replicas: 'REPLICAS', Image: 'IMAGE', Ports: 'PORTS' };

export const TASK_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.CurrentState}}\t{{.Error}}\t{{.Ports}}';
export const TASK_HEADERS: Record<string, string> = {
  ID: 'ID', Name: 'NAME', Image: 'IMAGE', Node: 'NODE', DesiredState: 'DESIRED STATE', CurrentState: 'CURRENT STATE', Error: 'ERROR', Ports: 'PORTS',
};

const MAX_ERR = 30;
const title = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface PortRange {
  pStart: number;
  pEnd: number;
  tStart: number;
  tEnd: number;
  protocol: string;
}

const span = (a: number, b: number) => (b > a ? `${a}-${b}` : String(a));

/**
 * The PORTS column (formatter.go serviceContext.Ports): routing-mesh ports
 * sorted by protocol then published port, consecutive ones folded into
 * ranges (`*:8080-8081->80-81/tcp`), joined by ", ".
 */
function meshPorts(service: SwarmService): string {
  const sorted = [...service.spec.ports].sort((a, b) => (a.protocol === b.protocol ? a.publishedPort - b.publishedPort : a.protocol < b.protocol ? -1 : 1));
  const out: string[] = [];
  let pr: PortRange | undefined;
  for (const p of sorted.filter((x) => x.publishMode === 'ingress')) {
    const isRange = !!pr && pr.tEnd !== pr.tStart;
    if (!pr || p.protocol !== pr.protocol || p.publishedPort - pr.pEnd > 1 || p.targetPort - pr.tEnd > 1 || (isRange && p.targetPort <= pr.tEnd)) {
      if (pr) out.push(`*:${span(pr.pStart, pr.pEnd)}->${span(pr.tStart, pr.tEnd)}/${pr.protocol}`);
      pr = { pStart: p.publishedPort, pEnd: p.publishedPort, tStart: p.targetPort, tEnd: p.targetPort, protocol: p.protocol };
      continue;
    }
    pr.pEnd = p.publishedPort;
    pr.tEnd = p.targetPort;
  }
  if (pr) out.push(`*:${span(pr.pStart, pr.pEnd)}->${span(pr.tStart, pr.tEnd)}/${pr.protocol}`);
  return out.join(', ');
}

export function serviceRow(cluster: ClusterState, service: SwarmService, noTrunc: boolean): Record<string, unknown> {
  const running = runningTasks(cluster, service.id).length;
  const desired = service.spec.mode === 'global' ? tasksOf(cluster, service.id).filter((t) => t.desired === 'running').length : service.spec.replicas;
  return withGoType({
    ID: noTrunc ? service.id : service.id.slice(0, 12), Name: service.spec.name, Mode: service.spec.mode,
    Replicas: `${running}/${desired}`, Image: service.spec.image, Ports: meshPorts(service),
  }, '*service.serviceContext');
}

export function sortedServices(services: SwarmService[]): SwarmService[] {
  return [...services].sort((a, b) => naturalCompare(a.spec.name, b.spec.name));
}

function errorText(err: string, noTrunc: boolean): string {
  if (!err) return '';
  const cut = !noTrunc && [...err].length > MAX_ERR ? [...err].slice(0, MAX_ERR - 1).join('') + '…' : err;
  return JSON.stringify(cut);
}

/**
 * The task's PortStatus (task formatter Ports, joined by ","): its host-mode
 * ports as the node published them — a port the spec leaves at 0 is the one
 * the node picked for the container.
 */
function hostPorts(ctx: LabCtx, service: SwarmService, task: SwarmTask): string {
  if (task.state !== 'running') return '';
  const c = task.containerId ? ctx.state.machines[task.hostname]?.docker?.containers[task.containerId] : undefined;
  return service.spec.ports
    .filter((p) => p.publishMode === 'host')
    .map((p) => `*:${p.publishedPort || c?.ports[`${p.targetPort}/${p.protocol}`]?.[0]?.hostPort || 0}->${p.targetPort}/${p.protocol}`)
    .join(',');
}

/** How a row names things: `--no-trunc` keeps IDs whole, `--no-resolve` shows IDs instead of names. */
export interface TaskRowOptions {
  noTrunc: boolean;
  noResolve: boolean;
}

/**
 * One task of `service ps` / `node ps`. The CLI's ID resolver names the
 * service and the node; with --no-resolve, or for a node that was removed
 * from the swarm, the ID is shown instead.
 */
export function taskRow(ctx: LabCtx, cluster: ClusterState, service: SwarmService, task: SwarmTask, history: boolean, o: TaskRowOptions): Record<string, unknown> {
  const ago = `${title(task.state)} ${humanDuration(ctx.clock.now() - task.stateAt).toLowerCase()} ago`;
  const name = o.noResolve ? `${service.id}.${task.slot > 0 ? task.slot : task.nodeId}` : taskName(service, task);
  const node = o.noResolve || !cluster.nodes[task.nodeId] ? task.nodeId : task.hostname;
  return withGoType({
    ID: o.noTrunc ? task.id : task.id.slice(0, 12), Name: `${history ? ' \\_ ' : ''}${name}`, Image: task.image,
    Node: node, DesiredState: title(task.desired), CurrentState: ago, Error: errorText(task.error, o.noTrunc), Ports: hostPorts(ctx, service, task),
  }, '*task.taskContext');
}

/** Tasks in `service ps` order: by slot (or node), the current task first, then its older ones newest first. */
export function orderedTasks(cluster: ClusterState, service: SwarmService): { task: SwarmTask; history: boolean }[] {
  const groups = new Map<string, SwarmTask[]>();
  for (const t of tasksOf(cluster, service.id)) {
    const key = t.slot > 0 ? String(t.slot).padStart(6, '0') : t.nodeId;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const out: { task: SwarmTask; history: boolean }[] = [];
  for (const key of [...groups.keys()].sort()) {
    const list = groups.get(key)!.sort((a, b) => (a.desired === b.desired ? b.createdAt - a.createdAt : a.desired === 'running' ? -1 : 1));
    list.forEach((task, i) => out.push({ task, history: i > 0 }));
  }
  return out;
}
