/**
 * Service discovery in the embedded DNS (libnetwork service_common.go
 * addServiceBinding, resolver.go): on each network a service is on, its
 * name answers its VIP (endpoint mode vip) or the addresses of its tasks
 * (dnsrr), and `tasks.<name>` always answers every task's address. A node
 * knows the tasks gossip told it about (the network DB). The ingress network
 * has no service discovery (libnetwork skips it).
 */
import type { LabCtx } from '../../../world/ctx';
import type { RemoteRecord } from '../netdb';
import { clusterOf } from '../store';
import { allServices } from './store';
import { taskAddresses, vipOn } from './lb';

export function serviceDnsRecords(ctx: LabCtx, machine: string, networkId: string): RemoteRecord[] {
  const cluster = clusterOf(ctx, machine);
  if (!cluster?.services || cluster.networks[networkId]?.ingress) return [];
  const out: RemoteRecord[] = [];
  for (const service of allServices(cluster)) {
    if (!service.spec.networks.includes(networkId)) continue;
    // The service's aliases on this network answer as its name does, `tasks.<alias>` too (addServiceBinding).
    const names = [service.spec.name, ...(service.spec.aliases?.[networkId] ?? [])];
    const tasks = taskAddresses(ctx, cluster, service, networkId, machine);
    const vip = vipOn(service, networkId);
    if (service.spec.endpointMode === 'vip' && vip) out.push({ ip: vip, names });
    else for (const ip of tasks) out.push({ ip, names });
    for (const ip of tasks) out.push({ ip, names: names.map((n) => `tasks.${n}`) });
  }
  return out;
}
