/**
 * `docker create` / `docker container create`: the container is made but
 * not started; its ID goes to stdout (a pull's progress to stderr).
 */
import type { CommandContext } from '../../types';
import type { Flags } from '../cli/flags';
import { defineCommand, withHelpError } from './define';
import { CREATE_FLAGS } from './run-flags';
import { buildCreateRequest } from './run-options';
import { createFromRequest } from './create-flow';

function create(ctx: CommandContext, flags: Flags, path: string[]): number {
  // create attaches nothing but records AttachStdout/Stderr as the CLI sends them.
  const req = buildCreateRequest(ctx, flags, false);
  if (typeof req === 'string') return withHelpError(ctx, path, req);
  const c = createFromRequest(ctx, path, req);
  if (typeof c === 'number') return c;
  ctx.stdout(`${c.id}\n`);
  return 0;
}

export const createCommands = defineCommand({
  group: 'container',
  name: 'create',
  shortcut: 'create',
  use: '[OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create a new container',
  flags: CREATE_FLAGS,
  args: { kind: 'min', n: 1 },
  interspersed: false,
  run: create,
});
