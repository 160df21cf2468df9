/**
 * `docker node update [--availability …] [--role …] [--label-add k=v] [--label-rm k] NODE`
 * (docker/cli cli/command/node/update.go): prints the node as given.
 * The daemon rejects unknown values (moby daemon/cluster/convert/node.go:
 * `invalid Availability: "x"`, `invalid Role: "x"`).
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import type { ClusterState, SwarmNode } from '../../../docker/swarm/state';
import { printDaemonError } from '../cli/command';
import { isDaemonError } from '../../../docker/errors';
import { setAvailability, setRole } from '../../../docker/swarm/nodes';
import { touch } from '../../../docker/swarm/store';
import { labCtx } from '../engine-access';
import { managedCluster } from '../swarm/access';
import { resolveNode } from './refs';
import { reconcileAll } from '../../../docker/swarm/services/reconcile';

function labels(flags: Flags, node: SwarmNode): string | undefined {
  const next = { ...node.labels };
  for (const kv of flags.list('label-add')) {
    const eq = kv.indexOf('=');
    next[eq < 0 ? kv : kv.slice(0, eq)] = eq < 0 ? '' : kv.slice(eq + 1);
  }
  for (const k of flags.list('label-rm')) {
    if (!(k in next)) return `key ${k} doesn't exist in node's labels`;
    delete next[k];
  }
  node.labels = next;
  return undefined;
}

function apply(ctx: CommandContext, flags: Flags, cluster: ClusterState, node: SwarmNode): number {
  const lctx = labCtx(ctx);
  const cliError = labels(flags, node);
  if (cliError) {
    ctx.stderr(cliError + '\n');
    return 1;
  }
  if (flags.has('availability')) {
    const err = setAvailability(lctx, cluster, node, flags.string('availability') ?? '');
    if (err) return printDaemonError(ctx, err.daemonError);
  }
  if (flags.has('role')) {
    const err = setRole(lctx, cluster, node, flags.string('role') ?? '');
    if (err) return printDaemonError(ctx, err.daemonError);
  }
  touch(lctx, cluster, node);
  // New labels may satisfy a waiting task's constraints, or no longer a running one's (the constraint enforcer).
  if (flags.has('label-add') || flags.has('label-rm')) reconcileAll(lctx, cluster);
  return 0;
}

function run(ctx: CommandContext, flags: Flags): number {
  const cluster = managedCluster(ctx);
  if (typeof cluster === 'number') return cluster;
  const ref = flags.args[0];
  const node = resolveNode(ctx, cluster, ref);
  if (isDaemonError(node)) return printDaemonError(ctx, node.daemonError);
  const status = apply(ctx, flags, cluster, node);
  if (status === 0) ctx.stdout(ref + '\n');
  return status;
}

export const nodeUpdate: DockerCommand = {
  path: ['node', 'update'],
  use: 'node update [OPTIONS] NODE',
  short: 'Update a node',
  flags: [
    { long: 'availability', type: 'string', help: 'Availability of the node ("active", "pause", "drain")' },
    { long: 'label-add', type: 'list', help: 'Add or update a node label ("key=value")' },
    { long: 'label-rm', type: 'list', help: 'Remove a node label if exists' },
    { long: 'role', type: 'string', help: 'Role of the node ("worker", "manager")' },
  ],
  args: { kind: 'exact', n: 1 },
  run,
};
