/**
 * `docker port CONTAINER [PRIVATE_PORT[/PROTO]]`: the published ports of a
 * running container (a stopped one has none), formatted by
 * docker/ports dockerPortOutput (CLI 28+, REFERENCE 1.9).
 */
import type { CommandContext } from '../../types';
import type { Flags } from '../cli/flags';
import type { PortBinding } from '../../../docker/ports/index';
import { dockerPortOutput } from '../../../docker/ports/index';
import { defineCommand } from './define';
import { inspectContainerRef } from './lookup';

function port(ctx: CommandContext, flags: Flags): number {
  const [ref, portArg] = flags.args;
  const c = inspectContainerRef(ctx, ref);
  if (!c) return 1;
  const ports: Record<string, PortBinding[] | null> = {};
  if (c.status === 'running') for (const [k, v] of Object.entries(c.ports)) ports[k] = v.length ? v : null;
  const out = dockerPortOutput(ref, ports, portArg ?? '');
  if (!out.ok) {
    ctx.stderr(out.error + '\n');
    return 1;
  }
  ctx.stdout(out.value);
  return 0;
}

export const portCommands = defineCommand({
  group: 'container',
  name: 'port',
  shortcut: 'port',
  use: 'CONTAINER [PRIVATE_PORT[/PROTO]]',
  short: 'List port mappings or a specific mapping for the container',
  flags: [],
  args: { kind: 'range', min: 1, max: 2 },
  run: port,
});
