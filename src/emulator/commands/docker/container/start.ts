/**
 * `docker start [-a] [-i] CONTAINER...` (docker/cli start.go). Without -a/-i
 * each name is printed as typed; failures print the daemon's error and end
 * with `Error: failed to start containers: a, b` (the prefix as transcripts
 * of the CLIs up to 28 show it; docker/cli master no longer adds "Error: "). With -a/-i the CLI attaches to one
 * container: a shell started with -it gets the terminal.
 */
import type { CommandContext } from '../../types';
import type { Flags } from '../cli/flags';
import { isDaemonError } from '../../../docker/errors';
import { defineCommand } from './define';
import { containerByRef, daemonText, inspectContainerRef } from './lookup';
import { startErrorStatus, startForCli } from './start-flow';
import { runMainProcess } from './main-run';
import { attachTo } from './attach';
import { containerEvent } from '../../../docker/events';
import { labCtx, machineOf } from '../engine-access';

async function startAttached(ctx: CommandContext, flags: Flags): Promise<number> {
  if (flags.args.length > 1) {
    ctx.stderr('you cannot start and attach multiple containers at once\n');
    return 1;
  }
  const c = inspectContainerRef(ctx, flags.args[0]);
  if (!c) return 1;
  const wasRunning = c.status === 'running';
  // start -a attaches before it starts (start.go): moby logs `attach` first.
  containerEvent(labCtx(ctx), machineOf(ctx), c, 'attach');
  const err = startForCli(ctx, c);
  if (err) {
    ctx.stderr(`Error response from daemon: ${err}\n`);
    return startErrorStatus(err) === 125 ? 1 : startErrorStatus(err);
  }
  if (wasRunning) return attachTo(ctx, c, flags.bool('interactive'));
  return runMainProcess(ctx, c, { attached: true, stdin: flags.bool('interactive') });
}

async function start(ctx: CommandContext, flags: Flags): Promise<number> {
  if (flags.bool('attach') || flags.bool('interactive')) return startAttached(ctx, flags);
  const failed: string[] = [];
  for (const ref of flags.args) {
    const c = containerByRef(ctx, ref);
    const wasRunning = !isDaemonError(c) && c.status === 'running';
    const err = isDaemonError(c) ? daemonText(c) : startForCli(ctx, c);
    if (err) {
      ctx.stderr(`${err.startsWith('Error response') ? err : `Error response from daemon: ${err}`}\n`);
      failed.push(ref);
      continue;
    }
    ctx.stdout(`${ref}\n`);
    if (!isDaemonError(c) && !wasRunning) await runMainProcess(ctx, c, { attached: false, stdin: false });
  }
  if (failed.length) {
    ctx.stderr(`Error: failed to start containers: ${failed.join(', ')}\n`);
    return 1;
  }
  return 0;
}

export const startCommands = defineCommand({
  group: 'container',
  name: 'start',
  shortcut: 'start',
  use: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Start one or more stopped containers',
  flags: [
    { long: 'attach', short: 'a', type: 'bool', help: 'Attach STDOUT/STDERR and forward signals' },
    { long: 'detach-keys', type: 'string', help: 'Override the key sequence for detaching a container' },
    { long: 'interactive', short: 'i', type: 'bool', help: "Attach container's STDIN" },
  ],
  args: { kind: 'min', n: 1 },
  run: start,
});
