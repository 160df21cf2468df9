/**
 * `docker service inspect [-f TEMPLATE] [--pretty] SERVICE...` (docker/cli
 * cli/command/service/inspect.go): JSON (4-space indent) of the services
 * found; a missing one prints `[]` (when none is found) and
 * `Error: no such service: web`. --pretty prints the main facts.
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import type { ClusterState } from '../../../docker/swarm/state';
import type { SwarmService } from '../../../docker/swarm/services/types';
import { templateParses, writeInspected } from '../cli/inspect-output';
import { serviceDocument } from '../../../docker/swarm/services/doc';
import { lookupService, managedCluster } from './refs';
import { prettyService } from './pretty';
import { labCtx } from '../engine-access';

function found(cluster: ClusterState, refs: string[]): { services: SwarmService[]; errors: string[] } {
  const services: SwarmService[] = [];
  const errors: string[] = [];
  for (const ref of refs) {
    const s = lookupService(cluster, ref);
    if (typeof s === 'string') errors.push(`Error: no such service: ${ref}`);
    else services.push(s);
  }
  return { services, errors };
}

function run(ctx: CommandContext, flags: Flags): number {
  const format = flags.bool('pretty') ? 'pretty' : flags.string('format');
  if (format !== 'pretty' && !templateParses(ctx, format)) return 64;
  const cluster = managedCluster(ctx);
  if (typeof cluster === 'number') return cluster;
  const { services, errors } = found(cluster, flags.args);
  if (format === 'pretty') {
    for (const s of services) ctx.stdout(prettyService(cluster, s, labCtx(ctx).clock.now()));
  } else if (!writeInspected(ctx, services.map((s) => serviceDocument(cluster, s)), format)) {
    return 1;
  }
  if (!errors.length) return 0;
  ctx.stderr(errors.join('\n') + '\n');
  return 1;
}

export const serviceInspect: DockerCommand = {
  path: ['service', 'inspect'],
  use: 'service inspect [OPTIONS] SERVICE [SERVICE...]',
  short: 'Display detailed information on one or more services',
  flags: [
    { long: 'format', short: 'f', type: 'string', help: 'Format output using a custom template' },
    { long: 'pretty', type: 'bool', help: 'Print the information in a human friendly format' },
  ],
  args: { kind: 'min', n: 1 },
  run,
};
