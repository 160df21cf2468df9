/**
 * How docker commands reach the engine of the host they run on. The CLI
 * talks to the daemon of its own host (unix:///var/run/docker.sock).
 */
import type { CommandContext } from '../types';
import type { EmulatedLab } from '../../lab';
import type { LabCtx } from '../../world/ctx';
import type { DockerState } from '../../docker/state';
import type { Session } from '../../session/session';

export function labOf(ctx: CommandContext): EmulatedLab {
  return ctx.lab as EmulatedLab;
}

export function labCtx(ctx: CommandContext): LabCtx {
  return labOf(ctx).ctx;
}

export function sessionOf(ctx: CommandContext): Session {
  return ctx.session as Session;
}

export function machineOf(ctx: CommandContext): string {
  return ctx.scope.host;
}

export function daemonOf(ctx: CommandContext): DockerState {
  return labCtx(ctx).docker(machineOf(ctx));
}
