/**
 * Starting a container for the CLI (run, start, restart): the engine's
 * start plus what the runtime checks when it creates the task. A failed
 * start leaves the container as it was (Created stays Created) with the
 * error in State.Error and exit code 128, or 127 when the command does not
 * exist (daemon/start.go, translateContainerdStartErr).
 */
import type { CommandContext } from '../../types';
import type { ContainerState } from '../../../docker/state';
import { startContainer } from '../../../docker/container-lifecycle';
import { effectiveArgv, effectiveKind } from '../../../docker/main-argv';
import { programInImage } from '../../../session/run-in-container';
import { labCtx, machineOf, daemonOf } from '../engine-access';
import { logStartError } from '../../../docker/daemon-log';
import { ENGINE } from '../system/versions';
import { syncNetnsDir } from '../../../docker/netns-dir';
import { peek } from '../../../core/raw-view';

function notFound(program: string): string {
  return (
    'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: ' +
    `unable to start container process: error during container init: exec: "${program}": executable file not found in $PATH: unknown`
  );
}

/** Legacy links need their targets running (container_operations_unix.go). */
function linkError(ctx: CommandContext, c: ContainerState): string | undefined {
  if (!c.host.links.length) return undefined; // (no list of every container to make)
  const all = Object.values(peek(daemonOf(ctx).containers)); // read only
  for (const rec of c.host.links) {
    const [childPath, aliasPath] = rec.split(':');
    const child = all.find((x) => `/${x.name}` === childPath);
    if (!child || child.status !== 'running') {
      return `Cannot link to a non running container: ${childPath} AS ${aliasPath}`;
    }
  }
  return undefined;
}

function fail(c: ContainerState, message: string, code: number): string {
  c.error = message;
  if (c.exitCode === 0 || code === 127) c.exitCode = code;
  return message;
}

/** Starts `c`; returns the daemon's error message on failure. */
export function startForCli(ctx: CommandContext, c: ContainerState): string | undefined {
  if (c.status === 'running') return undefined;
  const link = linkError(ctx, c);
  if (link) return fail(c, link, 128);
  const program = effectiveArgv(c)[0];
  if (effectiveKind(c) !== 'service' && program !== undefined && !programInImage(c, program)) {
    logStartError(labCtx(ctx), machineOf(ctx), c.id, ENGINE.apiVersion, notFound(program));
    return fail(c, notFound(program), 127);
  }
  const err = startContainer(labCtx(ctx), machineOf(ctx), c);
  if (err) {
    logStartError(labCtx(ctx), machineOf(ctx), c.id, ENGINE.apiVersion, err.daemonError);
    return fail(c, err.daemonError, 128);
  }
  c.error = '';
  // Its sandbox is new: /var/run/docker/netns (and a container that binds it) lists it before the command runs.
  syncNetnsDir(labCtx(ctx));
  return undefined;
}

/** docker run's exit status for a failed start (run.go runStartContainerErr). */
export function startErrorStatus(message: string): number {
  if (message.includes('executable file not found') || message.includes('no such file or directory')) return 127;
  if (message.includes('permission denied') || message.includes('is a directory')) return 126;
  return 125;
}
