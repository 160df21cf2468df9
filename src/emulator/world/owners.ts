/** Who lives in a namespace: a machine's root namespace, or containers (several when they share one). */
import type { LabCtx } from './ctx';
import type { ContainerState } from '../docker/state';

export interface NsOwner {
  machine: string;
  containers: ContainerState[];
}

export function ownerOfNs(ctx: LabCtx, nsId: string): NsOwner {
  const ns = ctx.state.net.namespaces[nsId];
  const machine = ns?.machine ?? '';
  const docker = ctx.state.machines[machine]?.docker;
  const containers = docker ? Object.values(docker.containers).filter((c) => c.netnsId === nsId && c.status === 'running') : [];
  return { machine, containers };
}
