/**
 * `docker kill [-s SIGNAL] CONTAINER...`: SIGKILL by default, exit 137. Any
 * other signal reaches the main process as PID 1, which acts only on those
 * it handles (docker/pid1-signals.ts): nginx quits on SIGQUIT and reloads
 * on SIGHUP; `sleep` or a shell ignore SIGTERM and go on running, while
 * docker kill still prints the name (the daemon delivered the signal).
 * The daemon parses the signal (daemon/kill.go: "Invalid signal: x", and a
 * number linux does not have is refused).
 */
import type { CommandContext } from '../../types';
import type { Flags } from '../cli/flags';
import { signalContainer } from '../../../docker/container-lifecycle';
import { parseSignal, SIGKILL, validSignal } from '../../../kernel/signals';
import { defineCommand } from './define';
import { forEachContainer } from './each';
import { labCtx, machineOf } from '../engine-access';

/** The signal's number, or the daemon's error for it. */
function signalArg(text: string | undefined): number | string {
  if (text === undefined || text === '') return SIGKILL;
  const n = parseSignal(text);
  if (n === undefined) return `Invalid signal: ${text}`;
  return validSignal(n) ? n : `the linux daemon does not support signal ${n}`;
}

function kill(ctx: CommandContext, flags: Flags): Promise<number> {
  const signal = signalArg(flags.string('signal'));
  return forEachContainer(ctx, flags.args, (c) => {
    if (typeof signal === 'string') return `Error response from daemon: ${signal}`;
    if (c.status !== 'running') return `Error response from daemon: cannot kill container: ${c.name}: container ${c.id} is not running`;
    signalContainer(labCtx(ctx), machineOf(ctx), c, signal);
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
