/**
 * `docker kill [-s SIGNAL] CONTAINER...`: SIGKILL by default, exit 137.
 * SIGTERM, SIGINT or SIGQUIT make a server shut down cleanly (exit 0); other
 * processes die of the signal (128 + its number).
 */
import type { CommandContext } from '../../types';
import type { Flags } from '../cli/flags';
import { exitContainer } from '../../../docker/container-lifecycle';
import { effectiveKind } from '../../../docker/main-argv';
import { defineCommand } from './define';
import { forEachContainer } from './each';
import { labCtx, machineOf } from '../engine-access';

const SIGNALS: Record<string, number> = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, USR1: 10, USR2: 12, TERM: 15 };

/** `KILL`, `SIGKILL` or `9` → 9; undefined when unknown. */
function signalNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) > 0 && Number(text) < 65 ? Number(text) : undefined;
  return SIGNALS[text.toUpperCase().replace(/^SIG/, '')];
}

function kill(ctx: CommandContext, flags: Flags): Promise<number> | number {
  const signal = signalNumber(flags.string('signal') ?? 'KILL');
  if (signal === undefined) {
    ctx.stderr(`Error response from daemon: Invalid signal: ${flags.string('signal')}\n`);
    return 1;
  }
  return forEachContainer(ctx, flags.args, (c) => {
    if (c.status !== 'running') return `Error response from daemon: cannot kill container: ${c.name}: container ${c.id} is not running`;
    const graceful = signal !== 9 && [2, 3, 15].includes(signal) && effectiveKind(c) === 'service';
    labCtx(ctx).clock.advance(40);
    exitContainer(labCtx(ctx), machineOf(ctx), c, graceful ? 0 : 128 + signal);
    return undefined;
  });
}

export const killCommands = defineCommand({
  group: 'container',
  name: 'kill',
  shortcut: 'kill',
  use: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Kill one or more running containers',
  flags: [{ long: 'signal', short: 's', type: 'string', help: 'Signal to send to the container' }],
  args: { kind: 'min', n: 1 },
  run: kill,
});
