/**
 * `Services` of `docker network inspect --verbose` on a swarm network
 * (libnetwork network.go Services, daemon/network.go): the endpoint records
 * this node knows for the network — its own and those gossip brought —
 * grouped by service name: the service's VIP, its ingress ports as
 * `Target: 80, Publish: 8080`, the load balancer's firewall mark
 * (LocalLBIndex), and one entry per task endpoint with the host it runs on
 * (the overlay driver's peer record, `Host IP`). Go prints map keys sorted;
 * the tasks come out of a map too, so the lab sorts them by name.
 *
 * NOT FOUND: whether endpoints that belong to no service (standalone
 * containers, the load-balancer endpoint) show under an empty service name;
 * the lab lists services only.
 */
import type { LabCtx } from '../../../world/ctx';
import type { Attachment } from '../state';
import { withGoType } from '../../format/govalues';
import { clusterOf, membershipOf } from '../store';
import { taskOfContainer } from './store';
import { vipOn } from './lb';

interface TaskRecord {
  Name: string;
  EndpointID: string;
  EndpointIP: string;
  Info: Map<string, string>;
}

export function networkServices(ctx: LabCtx, machine: string, networkId: string): Map<string, unknown> {
  const cluster = clusterOf(ctx, machine);
  const sandbox = membershipOf(ctx, machine)?.sandboxes[networkId];
  const out = new Map<string, unknown>();
  if (!cluster || !sandbox) return out;
  const known = new Set(sandbox.known);
  const rows = Object.values(cluster.attachments).filter((a): a is Attachment => a.kind === 'container' && a.networkId === networkId && (a.hostname === machine || known.has(a.id)));
  const tasks = new Map<string, TaskRecord[]>();
  for (const row of rows) {
    const task = taskOfContainer(cluster, row.containerId ?? '');
    const service = task && cluster.services?.services[task.serviceId];
    if (!service) continue;
    const host = cluster.nodes[row.nodeId]?.addr ?? '';
    const record = { Name: row.name, EndpointID: row.endpointId ?? '', EndpointIP: row.ip, Info: new Map([['Host IP', host]]) };
    tasks.set(service.id, [...(tasks.get(service.id) ?? []), record]);
  }
  for (const [serviceId, list] of tasks) {
    const service = cluster.services!.services[serviceId];
    const ports = cluster.networks[networkId]?.ingress ? service.spec.ports.filter((p) => p.publishMode === 'ingress') : [];
    out.set(service.spec.name, withGoType({
      VIP: vipOn(service, networkId) ?? '<nil>',
      Ports: ports.map((p) => `Target: ${p.targetPort}, Publish: ${p.publishedPort}`),
      LocalLBIndex: service.fwmark,
      Tasks: list.sort((a, b) => a.Name.localeCompare(b.Name)).map((t) => withGoType(t, 'network.Task')),
    }, 'network.ServiceInfo'));
  }
  return out;
}
