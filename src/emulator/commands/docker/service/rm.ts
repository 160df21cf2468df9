/** `docker service rm SERVICE [SERVICE...]` (docker/cli cli/command/service/remove.go): prints each reference removed. */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import { removeService } from '../../../docker/swarm/services/service-ops';
import { labCtx } from '../engine-access';
import { lookupService, managedCluster } from './refs';

function run(ctx: CommandContext, flags: Flags): number {
  const cluster = managedCluster(ctx);
  if (typeof cluster === 'number') return cluster;
  const errors: string[] = [];
  for (const ref of flags.args) {
    const s = lookupService(cluster, ref);
    if (typeof s === 'string') {
      errors.push(`Error response from daemon: ${s}`);
      continue;
    }
    removeService(labCtx(ctx), cluster, s);
    ctx.stdout(ref + '\n');
  }
  if (!errors.length) return 0;
  ctx.stderr(errors.join('\n') + '\n');
  return 1;
}

export const serviceRm: DockerCommand = {
  path: ['service', 'rm'],
  aliases: [['service', 'remove']],
  use: 'service rm SERVICE [SERVICE...]',
  short: 'Remove one or more services',
  flags: [],
  args: { kind: 'min', n: 1 },
  run,
};
