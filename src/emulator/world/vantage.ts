/** Turns a vantage point (container, host, laptop) into the namespace and filesystem it sees. */
import type { LabCtx } from './ctx';
import type { Vantage } from '../api';
import type { NsState } from '../net/state';
import type { VirtualFs } from '../kernel/fs';
import { fsAt } from './files';
import { findContainerAnywhere } from './find';

export interface ResolvedVantage {
  ns: NsState;
  fs: VirtualFs;
  label: string;
}

export function resolveVantage(ctx: LabCtx, where: Vantage): ResolvedVantage | string {
  const fs = fsAt(ctx, where);
  if ('laptop' in where) return { ns: ctx.rootNs('laptop'), fs: fs!, label: 'the laptop' };
  if ('host' in where) {
    if (!ctx.state.machines[where.host]) return `there is no host called ${where.host}`;
    return { ns: ctx.rootNs(where.host), fs: fs!, label: where.host };
  }
  const found = findContainerAnywhere(ctx, where.container);
  if (!found) return `there is no container called ${where.container}`;
  if (found.container.status !== 'running' || !found.container.netnsId) return `${where.container} is not running`;
  return { ns: ctx.ns(found.container.netnsId), fs: fs!, label: where.container };
}
