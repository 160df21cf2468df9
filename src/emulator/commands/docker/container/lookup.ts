/**
 * Finding the container a command names, and the two ways the CLI reports
 * a missing one: commands that call the API directly print the daemon's
 * `Error response from daemon: No such container: x`; commands that inspect
 * first (exec, attach, port, container inspect) print the client's
 * `Error: No such container: x` (moby client objectNotFoundError, ≤28).
 */
import type { CommandContext } from '../../types';
import type { ContainerState } from '../../../docker/state';
import { findContainer } from '../../../docker/lookup';
import { isDaemonError, type DaemonError } from '../../../docker/errors';
import { daemonOf } from '../engine-access';

export function containerByRef(ctx: CommandContext, ref: string): ContainerState | DaemonError {
  return findContainer(daemonOf(ctx), ref);
}

/** The text `err.Error()` gives for a daemon error: `Error response from daemon: …`. */
export function daemonText(err: DaemonError): string {
  return `Error response from daemon: ${err.daemonError}`;
}

/** For inspect-first commands: NotFound becomes the client's own message. */
export function inspectText(err: DaemonError, ref: string): string {
  return err.daemonError.startsWith('No such container') ? `Error: No such container: ${ref}` : daemonText(err);
}

/** Looks the container up for an inspect-first command; prints the error and returns undefined when missing. */
export function inspectContainerRef(ctx: CommandContext, ref: string): ContainerState | undefined {
  const c = containerByRef(ctx, ref);
  if (isDaemonError(c)) {
    ctx.stderr(inspectText(c, ref) + '\n');
    return undefined;
  }
  return c;
}
