/**
 * Leaving a shell. Exiting the shell of `docker run -it` or `docker attach`
 * ends the container's main process (the container stops with the shell's
 * status); exiting a `docker exec` shell leaves the container running.
 */
import type { LabCtx } from '../world/ctx';
import type { Session } from './session';
import type { ShellFrame } from './state';
import { exitContainer } from '../docker/container-lifecycle';
import { execDied } from '../docker/events';

export function leaveShell(ctx: LabCtx, session: Session, frame: ShellFrame, code: number, out: (t: string) => void): void {
  if (session.top() !== frame) return;
  if (frame.kind === 'ssh') out(`logout\nConnection to ${frame.machine} closed.\n`);
  const left = session.leave();
  if (!left) return;
  if (left.kind === 'attach' && left.containerId) {
    const c = ctx.state.machines[left.machine]?.docker?.containers[left.containerId];
    if (c) exitContainer(ctx, left.machine, c, code);
  }
  if (left.kind === 'exec' && left.execId && left.containerId) {
    const c = ctx.state.machines[left.machine]?.docker?.containers[left.containerId];
    if (c) execDied(ctx, left.machine, c, left.execId, code);
  }
}
