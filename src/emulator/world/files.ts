/** Reading and writing files as seen from a vantage point (exercise checks, the editor). */
import type { LabCtx } from './ctx';
import type { Vantage } from '../api';
import { VirtualFs } from '../kernel/fs';
import { findContainerAnywhere } from './find';

export function fsAt(ctx: LabCtx, where: Vantage): VirtualFs | undefined {
  if ('laptop' in where) return new VirtualFs(ctx.state.machines['laptop'].fs);
  if ('host' in where) {
    const m = ctx.state.machines[where.host];
    return m ? new VirtualFs(m.fs) : undefined;
  }
  const found = findContainerAnywhere(ctx, where.container);
  if (!found) return undefined;
  const fs = ctx.state.containerFs[found.container.fsId];
  return fs ? new VirtualFs(fs) : undefined;
}

export function readFileAt(ctx: LabCtx, where: Vantage, path: string): string | undefined {
  const v = fsAt(ctx, where)?.read(path);
  return v === undefined || v === 'ENOENT' || v === 'EISDIR' || v === 'ENOTDIR' ? undefined : v;
}

export function writeFileAt(ctx: LabCtx, where: Vantage, path: string, content: string): string | undefined {
  const fs = fsAt(ctx, where);
  if (!fs) return 'No such container or host';
  const err = fs.write(path, content);
  if (err === 'EISDIR') return `${path}: Is a directory`;
  if (err === 'ENOENT') return `${path}: No such file or directory`;
  return undefined;
}
