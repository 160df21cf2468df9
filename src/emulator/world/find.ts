/** Finds a container by name or ID prefix on any host of the lab. */
import type { LabCtx } from './ctx';
import type { ContainerState } from '../docker/state';
import { findContainer } from '../docker/lookup';

export function findContainerAnywhere(ctx: LabCtx, ref: string): { machine: string; container: ContainerState } | undefined {
  for (const machine of ctx.dockerHosts()) {
    const c = findContainer(ctx.docker(machine), ref);
    if (!('daemonError' in c)) return { machine, container: c };
  }
  return undefined;
}
