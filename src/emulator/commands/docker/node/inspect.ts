/**
 * `docker node inspect [--pretty] [-f TEMPLATE] self|NODE...` (docker/cli
 * cli/command/node/inspect.go): JSON (4-space indent) of the nodes found,
 * then the errors; `--pretty` stops at the first missing node.
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import { isDaemonError } from '../../../docker/errors';
import { templateParses, writeInspected } from '../cli/inspect-output';
import { nodeDocument, nodePretty } from '../../../docker/swarm/node-doc';
import { labCtx } from '../engine-access';
import { managedCluster } from '../swarm/access';
import { resolveNode } from './refs';

function pretty(ctx: CommandContext, refs: string[]): number {
  const cluster = managedCluster(ctx);
  if (typeof cluster === 'number') return cluster;
  for (const ref of refs) {
    const node = resolveNode(ctx, cluster, ref);
    if (isDaemonError(node)) {
      ctx.stderr(`Error response from daemon: ${node.daemonError}\n`);
      return 1;
    }
    ctx.stdout(nodePretty(labCtx(ctx), cluster, node));
  }
  return 0;
}

function run(ctx: CommandContext, flags: Flags): number {
  const format = flags.bool('pretty') ? 'pretty' : flags.string('format');
  if (format?.startsWith('pretty') && format !== 'pretty') {
    ctx.stderr('cannot supply extra formatting options to the pretty template\n');
    return 1;
  }
  if (format === 'pretty') return pretty(ctx, flags.args);
  if (!templateParses(ctx, format)) return 64;
  const cluster = managedCluster(ctx);
  if (typeof cluster === 'number') return cluster;
  const docs: unknown[] = [];
  const errors: string[] = [];
  for (const ref of flags.args) {
    const node = resolveNode(ctx, cluster, ref);
    if (isDaemonError(node)) errors.push(`Error response from daemon: ${node.daemonError}`);
    else docs.push(nodeDocument(labCtx(ctx), cluster, node));
  }
  if (!writeInspected(ctx, docs, format)) return 1;
  if (errors.length) {
    ctx.stderr(errors.join('\n') + '\n');
    return 1;
  }
  return 0;
}

export const nodeInspect: DockerCommand = {
  path: ['node', 'inspect'],
  use: 'node inspect [OPTIONS] self|NODE [NODE...]',
  short: 'Display detailed information on one or more nodes',
  flags: [
    { long: 'format', short: 'f', type: 'string', help: 'Format output using a custom template' },
    { long: 'pretty', type: 'bool', help: 'Print the information in a human friendly format' },
  ],
  args: { kind: 'min', n: 1 },
  run,
};
