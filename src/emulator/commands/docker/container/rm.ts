/**
 * `docker rm [-f] [-v] [-l] CONTAINER...` (docker/cli rm.go): prints each
 * name as typed; errors are collected, printed at the end, exit 1. With -f
 * a container that does not exist is reported but is not a failure.
 * `-l` removes a legacy link (`/web/db`) instead of a container.
 */
import type { CommandContext } from '../../types';
import type { Flags } from '../cli/flags';
import { removeContainer } from '../../../docker/container-lifecycle';
import { defineCommand } from './define';
import { forEachContainer } from './each';
import { daemonOf, labCtx, machineOf } from '../engine-access';

/** `docker rm -l /web/db`: the parent forgets the link. */
function removeLink(ctx: CommandContext, ref: string): string | undefined {
  const path = ref.startsWith('/') ? ref : `/${ref}`;
  const parts = path.split('/');
  const parent = Object.values(daemonOf(ctx).containers).find((c) => c.name === parts[1]);
  const rec = parent?.host.links.find((l) => l.endsWith(`:${path}`));
  if (!parent || !rec || parts.length !== 3) return `Error response from daemon: Could not find entity for ${ref}`;
  parent.host.links = parent.host.links.filter((l) => l !== rec);
  return undefined;
}

async function rm(ctx: CommandContext, flags: Flags): Promise<number> {
  const force = flags.bool('force');
  if (flags.bool('link')) {
    const errors = flags.args.map((ref) => removeLink(ctx, ref.replace(/\/+$/, '')));
    flags.args.forEach((ref, i) => !errors[i] && ctx.stdout(`${ref}\n`));
    const failed = errors.filter((e): e is string => !!e);
    if (failed.length) ctx.stderr(failed.join('\n') + '\n');
    return failed.length ? 1 : 0;
  }
  return forEachContainer(
    ctx, flags.args,
    (c) => {
      const err = removeContainer(labCtx(ctx), machineOf(ctx), c, force);
      return err ? `Error response from daemon: ${err.daemonError}` : undefined;
    },
    (text) => {
      if (!force) return false;
      ctx.stderr(text + '\n');
      return true;
    },
  );
}

export const rmCommands = defineCommand({
  group: 'container',
  name: 'rm',
  aliases: ['remove'],
  shortcut: 'rm',
  use: '[OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Remove one or more containers',
  flags: [
    { long: 'force', short: 'f', type: 'bool', help: 'Force the removal of a running container (uses SIGKILL)' },
    { long: 'link', short: 'l', type: 'bool', help: 'Remove the specified link' },
    { long: 'volumes', short: 'v', type: 'bool', help: 'Remove anonymous volumes associated with the container' },
  ],
  args: { kind: 'min', n: 1 },
  run: rm,
});
