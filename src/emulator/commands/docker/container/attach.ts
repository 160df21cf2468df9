/**
 * `docker attach CONTAINER` (docker/cli attach.go): joins the main
 * process's streams. A shell started with -it gets the terminal (the
 * prompt changes; `exit` stops the container, Ctrl-P Ctrl-Q detaches).
 * Anything else shows nothing new until Ctrl-C, which the CLI forwards to
 * the process (sig-proxy): a server shuts down (exit 0), another command
 * dies of SIGINT (130). With a tty, Ctrl-C reaches the process through the
 * terminal instead, with the same effect.
 */
import type { CommandContext } from '../../types';
import type { Flags } from '../cli/flags';
import type { ContainerState } from '../../../docker/state';
import { exitContainer } from '../../../docker/container-lifecycle';
import { effectiveArgv, effectiveKind } from '../../../docker/main-argv';
import { defineCommand } from './define';
import { inspectContainerRef } from './lookup';
import { waitForInterrupt } from './main-run';
import { labCtx, machineOf, sessionOf } from '../engine-access';
import { containerEvent } from '../../../docker/events';

export async function attachTo(ctx: CommandContext, c: ContainerState, stdin: boolean, sigProxy = true): Promise<number> {
  const kind = effectiveKind(c);
  if (kind === 'shell' && c.openStdin && stdin) {
    sessionOf(ctx).enterContainer(machineOf(ctx), c, 'attach', effectiveArgv(c)[0] ?? 'sh');
    return 0;
  }
  if (!(await waitForInterrupt(ctx))) return 0;
  if (kind === 'shell' && c.tty) return 0; // ^C goes to the shell, which survives it
  if (!sigProxy && !c.tty) return 130; // only the CLI stops
  const status = kind === 'service' ? 0 : 130;
  exitContainer(labCtx(ctx), machineOf(ctx), c, status);
  return status;
}

async function attach(ctx: CommandContext, flags: Flags): Promise<number> {
  const c = inspectContainerRef(ctx, flags.args[0]);
  if (!c) return 1;
  if (c.status !== 'running') {
    ctx.stderr('You cannot attach to a stopped container, start it first\n');
    return 1;
  }
  const sigProxy = !flags.has('sig-proxy') || flags.bool('sig-proxy');
  containerEvent(labCtx(ctx), machineOf(ctx), c, 'attach');
  return attachTo(ctx, c, !flags.bool('no-stdin'), sigProxy);
}

export const attachCommands = defineCommand({
  group: 'container',
  name: 'attach',
  shortcut: 'attach',
  use: '[OPTIONS] CONTAINER',
  short: 'Attach local standard input, output, and error streams to a running container',
  flags: [
    { long: 'detach-keys', type: 'string', help: 'Override the key sequence for detaching a container' },
    { long: 'no-stdin', type: 'bool', help: 'Do not attach STDIN' },
    { long: 'sig-proxy', type: 'bool', help: 'Proxy all received signals to the process', defaultText: 'true' },
  ],
  args: { kind: 'exact', n: 1 },
  run: attach,
});
