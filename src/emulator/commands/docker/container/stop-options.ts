/**
 * The options `docker stop` and `docker restart` share (docker/cli
 * container/stop.go, restart.go): -s/--signal, -t/--timeout, and --time, the
 * old spelling of --timeout, which pflag still takes after printing
 * "Flag --time has been deprecated, use --timeout instead" on stderr.
 * Without -t the daemon uses the container's StopTimeout (--stop-timeout, else 10 s).
 * The signal is parsed by the daemon (moby/sys/signal ParseSignal).
 */
import type { CommandContext } from '../../types';
import type { FlagSpec } from '../cli/flags';
import type { Flags } from '../cli/flags';
import { parseSignal } from '../../../kernel/signals';

export const STOP_FLAGS: FlagSpec[] = [
  { long: 'signal', short: 's', type: 'string', help: 'Signal to send to the container' },
  { long: 'timeout', short: 't', type: 'int', help: 'Seconds to wait before killing the container' },
  { long: 'time', type: 'int', help: 'Seconds to wait before killing the container (deprecated: use --timeout)', hidden: true },
];

export interface StopOptions {
  /** Seconds; negative: wait for as long as it takes; undefined: the container's StopTimeout. */
  timeoutSec?: number;
  /** The -s signal's number; undefined: the container's own stop signal. */
  signal?: number;
  /** The daemon's reason for refusing -s (`Invalid signal: FOO`), given per container. */
  signalError?: string;
}

export function stopOptions(ctx: CommandContext, flags: Flags): StopOptions {
  if (flags.has('time')) ctx.stderr('Flag --time has been deprecated, use --timeout instead\n');
  const given = flags.has('timeout') ? 'timeout' : flags.has('time') ? 'time' : undefined;
  const timeoutSec = given ? flags.int(given, 0) : undefined;
  const text = flags.string('signal');
  if (text === undefined || text === '') return { timeoutSec };
  const signal = parseSignal(text);
  return signal === undefined ? { timeoutSec, signalError: `Invalid signal: ${text}` } : { timeoutSec, signal };
}
