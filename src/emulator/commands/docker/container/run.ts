/**
 * `docker run` / `docker container run` (docker/cli run.go): create (pulling
 * a missing image first), print the ID when detached, start, then follow the
 * main process (main-run.ts). A failed start keeps the container in Created
 * state, as Docker does, unless --rm removes it. Errors are
 * `docker: <message>` + a pointer to --help, exit 125 (127 for a missing
 * command, as runStartContainerErr maps it).
 */
import type { CommandContext } from '../../types';
import type { Flags } from '../cli/flags';
import { removeContainer } from '../../../docker/container-lifecycle';
import { defineCommand, withHelpError } from './define';
import { RUN_FLAGS } from './run-flags';
import { buildCreateRequest } from './run-options';
import { createFromRequest } from './create-flow';
import { startErrorStatus, startForCli } from './start-flow';
import { runMainProcess } from './main-run';
import { labCtx, machineOf } from '../engine-access';
import { containerEvent } from '../../../docker/events';

async function run(ctx: CommandContext, flags: Flags, path: string[]): Promise<number> {
  const detach = flags.bool('detach');
  if (detach && flags.list('attach').length) return withHelpError(ctx, path, 'Conflicting options: -a and -d');
  const req = buildCreateRequest(ctx, flags, detach);
  if (typeof req === 'string') return withHelpError(ctx, path, req);
  const c = createFromRequest(ctx, path, req);
  if (typeof c === 'number') return c;
  if (detach) ctx.stdout(`${c.id}\n`);
  // The CLI attaches before it starts the container (run.go attachContainer): moby logs `attach`.
  else containerEvent(labCtx(ctx), machineOf(ctx), c, 'attach');
  const err = startForCli(ctx, c);
  if (err) {
    if (c.host.autoRemove) removeContainer(labCtx(ctx), machineOf(ctx), c, true);
    return withHelpError(ctx, path, `Error response from daemon: ${err}`, startErrorStatus(err));
  }
  return runMainProcess(ctx, c, { attached: !detach, stdin: flags.bool('interactive') });
}

export const runCommands = defineCommand({
  group: 'container',
  name: 'run',
  shortcut: 'run',
  use: '[OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create and run a new container from an image',
  flags: RUN_FLAGS,
  args: { kind: 'min', n: 1 },
  interspersed: false,
  run,
});
