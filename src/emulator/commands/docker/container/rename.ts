/** `docker rename CONTAINER NEW_NAME`: silent on success. */
import type { CommandContext } from '../../types';
import type { Flags } from '../cli/flags';
import { renameContainer } from '../../../docker/container-lifecycle';
import { isDaemonError } from '../../../docker/errors';
import { defineCommand } from './define';
import { containerByRef, daemonText } from './lookup';
import { labCtx, machineOf } from '../engine-access';

function rename(ctx: CommandContext, flags: Flags): number {
  const [oldName, newName] = flags.args;
  if (!newName.trim()) {
    ctx.stderr('Error: neither old nor new names may be empty\n');
    return 1;
  }
  const c = containerByRef(ctx, oldName);
  if (isDaemonError(c)) {
    ctx.stderr(daemonText(c) + '\n');
    return 1;
  }
  if (!/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(newName)) {
    ctx.stderr(`Error response from daemon: Invalid container name (${newName}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed\n`);
    return 1;
  }
  const err = renameContainer(labCtx(ctx), machineOf(ctx), c, newName);
  if (err) {
    ctx.stderr(`Error response from daemon: ${err.daemonError}\n`);
    return 1;
  }
  return 0;
}

export const renameCommands = defineCommand({
  group: 'container',
  name: 'rename',
  shortcut: 'rename',
  use: 'CONTAINER NEW_NAME',
  short: 'Rename a container',
  flags: [],
  args: { kind: 'exact', n: 2 },
  run: rename,
});
