/**
 * `docker service rollback [OPTIONS] SERVICE` (docker/cli cli/command/
 * service/rollback.go): the service goes back to its previous spec; the CLI
 * prints the reference given, then — unless --detach or --quiet — the
 * rollback's progress (`rollback: manually requested rollback`, `overall
 * progress: rolling back update: 3 out of 3 tasks`).
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import { printDaemonError } from '../cli/command';
import { rollbackService } from '../../../docker/swarm/services/service-ops';
import { labCtx } from '../engine-access';
import { lookupService, managedCluster } from './refs';
import { showProgress } from './progress';

/** Shared with `service update --rollback`. */
export async function rollBack(ctx: CommandContext, flags: Flags, ref: string): Promise<number> {
  const cluster = managedCluster(ctx);
  if (typeof cluster === 'number') return cluster;
  const s = lookupService(cluster, ref);
  if (typeof s === 'string') return printDaemonError(ctx, s);
  const err = rollbackService(labCtx(ctx), cluster, s);
  if (err) return printDaemonError(ctx, err.daemonError);
  ctx.stdout(ref + '\n');
  if (flags.bool('detach') || flags.bool('quiet')) return 0;
  return showProgress(ctx, cluster, s, ref, true);
}

export const serviceRollback: DockerCommand = {
  path: ['service', 'rollback'],
  use: 'service rollback [OPTIONS] SERVICE',
  short: "Revert changes to a service's configuration",
  flags: [
    { long: 'detach', short: 'd', type: 'bool', help: 'Exit immediately instead of waiting for the service to converge' },
    { long: 'quiet', short: 'q', type: 'bool', help: 'Suppress progress output' },
  ],
  args: { kind: 'exact', n: 1 },
  run: (ctx, flags) => rollBack(ctx, flags, flags.args[0]),
};
