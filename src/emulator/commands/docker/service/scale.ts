/**
 * `docker service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]` (docker/cli
 * cli/command/service/scale.go): `web scaled to 5` per service, then the
 * progress of each unless --detach. A global service cannot be scaled.
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import type { SwarmService } from '../../../docker/swarm/services/types';
import { updateService } from '../../../docker/swarm/services/service-ops';
import { labCtx } from '../engine-access';
import { lookupService, managedCluster } from './refs';
import { showProgress } from './progress';

async function run(ctx: CommandContext, flags: Flags): Promise<number> {
  for (const arg of flags.args) {
    const [name, count] = arg.split('=');
    if (count === undefined || !name) {
      ctx.stderr(`Invalid scale specifier '${arg}'.\nSee 'docker service scale --help'.\n\nUsage:  docker service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]\n\nScale one or multiple replicated services\n`);
      return 1;
    }
  }
  const cluster = managedCluster(ctx);
  if (typeof cluster === 'number') return cluster;
  const errors: string[] = [];
  const scaled: [SwarmService, string][] = [];
  for (const arg of flags.args) {
    const [ref, count] = arg.split('=');
    const s = lookupService(cluster, ref);
    const n = Number(count);
    if (typeof s === 'string') errors.push(`${ref}: Error response from daemon: ${s}`);
    else if (s.spec.mode !== 'replicated') errors.push(`${ref}: scale can only be used with replicated or replicated-job mode`);
    else if (!/^\d+$/.test(count)) errors.push(`${ref}: invalid replicas value ${count}: strconv.ParseUint: parsing "${count}": invalid syntax`);
    else {
      updateService(labCtx(ctx), cluster, s, { ...s.spec, replicas: n }, false);
      ctx.stdout(`${ref} scaled to ${n}\n`);
      scaled.push([s, ref]);
    }
  }
  if (!flags.bool('detach')) for (const [s, ref] of scaled) await showProgress(ctx, cluster, s, ref);
  if (!errors.length) return 0;
  ctx.stderr(errors.join('\n') + '\n');
  return 1;
}

export const serviceScale: DockerCommand = {
  path: ['service', 'scale'],
  use: 'service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]',
  short: 'Scale one or multiple replicated services',
  flags: [{ long: 'detach', short: 'd', type: 'bool', help: 'Exit immediately instead of waiting for the service to converge' }],
  args: { kind: 'min', n: 1 },
  run,
};
