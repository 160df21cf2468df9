/**
 * `docker container prune [-f]`: removes every stopped container after a
 * `[y/N]` question (cli/command/container/prune.go), listing the full IDs.
 */
import type { CommandContext } from '../../types';
import type { Flags } from '../cli/flags';
import { removeContainer } from '../../../docker/container-lifecycle';
import { defineCommand } from './define';
import { daemonOf, labCtx, machineOf } from '../engine-access';

const WARNING = 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ';

async function prune(ctx: CommandContext, flags: Flags): Promise<number> {
  if (!flags.bool('force')) {
    ctx.stdout(WARNING);
    const answer = (await ctx.readLine()) ?? '';
    if (!/^y(es)?$/i.test(answer.trim())) {
      if (answer === '') ctx.stdout('\n');
      return 0;
    }
  }
  const stopped = Object.values(daemonOf(ctx).containers).filter((c) => c.status !== 'running' && c.status !== 'paused');
  for (const c of stopped) removeContainer(labCtx(ctx), machineOf(ctx), c, false);
  if (stopped.length) ctx.stdout(`Deleted Containers:\n${stopped.map((c) => c.id).join('\n')}\n\n`);
  ctx.stdout('Total reclaimed space: 0B\n');
  return 0;
}

export const pruneCommands = defineCommand({
  group: 'container',
  name: 'prune',
  use: '[OPTIONS]',
  short: 'Remove all stopped containers',
  flags: [
    { long: 'filter', type: 'string', value: 'filter', help: 'Provide filter values (e.g. "until=<timestamp>")' },
    { long: 'force', short: 'f', type: 'bool', help: 'Do not prompt for confirmation' },
  ],
  args: { kind: 'none' },
  run: prune,
});
