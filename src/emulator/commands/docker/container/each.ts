/**
 * The loop of stop, kill, restart and rm (docker/cli parallelOperation):
 * each name as typed is printed when its operation succeeds; the errors are
 * collected and printed together at the end, one per line, exit 1.
 */
import type { CommandContext } from '../../types';
import type { ContainerState } from '../../../docker/state';
import { isDaemonError } from '../../../docker/errors';
import { containerByRef, daemonText } from './lookup';

/** `op` returns the error text (`Error response from daemon: …`) or undefined. */
export async function forEachContainer(
  ctx: CommandContext, refs: string[], op: (c: ContainerState, ref: string) => Promise<string | undefined> | string | undefined,
  onMissing?: (text: string) => boolean,
): Promise<number> {
  const errors: string[] = [];
  for (const ref of refs) {
    const c = containerByRef(ctx, ref);
    if (isDaemonError(c)) {
      const text = daemonText(c);
      if (!onMissing?.(text)) errors.push(text);
      continue;
    }
    const err = await op(c, ref);
    if (ctx.interrupt.aborted) return 130; // Ctrl-C while it waited (docker stop -t -1): the CLI dies of SIGINT, silently
    if (err) errors.push(err);
    else ctx.stdout(`${ref}\n`);
  }
  if (errors.length) {
    ctx.stderr(errors.join('\n') + '\n');
    return 1;
  }
  return 0;
}
