/**
 * `docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]` (docker/cli
 * cli/command/service/create.go): prints the new service's ID, then — unless
 * --detach or --quiet — the converge progress (progress.ts).
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import type { ServiceSpec } from '../../../docker/swarm/services/types';
import { flagUsageError, printDaemonError } from '../cli/command';
import { isDaemonError } from '../../../docker/errors';
import { createService } from '../../../docker/swarm/services/service-ops';
import { allServices } from '../../../docker/swarm/services/store';
import { normalizeImage } from '../../../docker/swarm/services/reconcile';
import { findImage } from '../../../docker/images';
import { randomName } from '../../../docker/ids';
import { daemonOf, labCtx } from '../engine-access';
import { managedCluster } from './refs';
import { constraintError, endpointModeError, networkAliases, portsOf, publishFlag, replicasOf, resolveNetworks, UPDATE_POLICY_FLAGS, updatePolicyOf } from './spec-flags';
import { showProgress } from './progress';

function specOf(ctx: CommandContext, flags: Flags, networks: string[], replicas: number, takenName: (n: string) => boolean): ServiceSpec {
  const [image, ...args] = flags.args;
  return {
    name: flags.string('name') ?? randomName(labCtx(ctx).rng, takenName),
    image: normalizeImage(image), mode: flags.string('mode') === 'global' ? 'global' : 'replicated', replicas,
    networks, ports: portsOf(flags.list('publish')), endpointMode: flags.string('endpoint-mode')?.toLowerCase() === 'dnsrr' ? 'dnsrr' : 'vip',
    constraints: flags.list('constraint'), args, env: flags.list('env'),
  };
}

/** The spec with the aliases of `--network name=…,alias=…`, when there are any. */
function withAliases(spec: ServiceSpec, aliases: Record<string, string[]>): ServiceSpec {
  return Object.keys(aliases).length ? { ...spec, aliases } : spec;
}

/** CLI-side checks (opts.go ToServiceMode); undefined when all is well. */
function cliError(flags: Flags): string | undefined {
  const mode = flags.string('mode') ?? 'replicated';
  if (mode !== 'replicated' && mode !== 'global') return `Unknown mode: ${mode}, only replicated and global supported`;
  if (mode === 'global' && flags.has('replicas')) return 'replicas can only be used with replicated or replicated-job mode';
  return undefined;
}

async function run(ctx: CommandContext, flags: Flags): Promise<number> {
  const replicas = replicasOf(flags);
  if (typeof replicas === 'string') return flagUsageError(ctx, serviceCreate, replicas);
  const policy = updatePolicyOf(flags, undefined);
  if (typeof policy === 'string') return flagUsageError(ctx, serviceCreate, policy);
  const invalid = cliError(flags);
  if (invalid) {
    ctx.stderr(invalid + '\n');
    return 1;
  }
  const cluster = managedCluster(ctx);
  if (typeof cluster === 'number') return cluster;
  const badMode = endpointModeError(flags);
  if (badMode) return printDaemonError(ctx, badMode);
  const networks = resolveNetworks(cluster, daemonOf(ctx), flags.list('network'));
  if (typeof networks === 'string') return printDaemonError(ctx, networks);
  const badConstraint = constraintError(flags.list('constraint'));
  if (badConstraint) return printDaemonError(ctx, badConstraint);
  const base = withAliases(specOf(ctx, flags, networks, replicas, (n) => allServices(cluster).some((s) => s.spec.name === n)), networkAliases(cluster, flags.list('network')));
  const withHost = flags.string('hostname') ? { ...base, hostname: flags.string('hostname') } : base;
  const spec: ServiceSpec = policy ? { ...withHost, update: policy } : withHost;
  if (!findImage(spec.image)) {
    // The CLI could not resolve a digest for it (offline): each node will try, and fail, on its own.
    ctx.stderr(`image ${spec.image} could not be accessed on a registry to record\nits digest. Each node will access ${spec.image} independently,\npossibly leading to different nodes running different\nversions of the image.\n\n`);
  }
  const service = createService(labCtx(ctx), cluster, spec);
  if (isDaemonError(service)) return printDaemonError(ctx, service.daemonError);
  ctx.stdout(service.id + '\n');
  if (flags.bool('detach') || flags.bool('quiet')) return 0;
  return showProgress(ctx, cluster, service, service.id);
}

export const serviceCreate: DockerCommand = {
  path: ['service', 'create'],
  use: 'service create [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create a new service',
  flags: [
    { long: 'constraint', type: 'list', help: 'Placement constraints' },
    { long: 'detach', short: 'd', type: 'bool', help: 'Exit immediately instead of waiting for the service to converge' },
    { long: 'endpoint-mode', type: 'string', help: 'Endpoint mode (vip or dnsrr)', defaultText: '"vip"' },
    { long: 'env', short: 'e', type: 'list', help: 'Set environment variables' },
    { long: 'hostname', type: 'string', help: 'Container hostname' },
    { long: 'mode', type: 'string', help: 'Service mode ("replicated", "global", "replicated-job", "global-job")', defaultText: '"replicated"' },
    { long: 'name', type: 'string', help: 'Service name' },
    { long: 'network', type: 'list', value: 'network', help: 'Network attachments' },
    publishFlag('publish', 'p'),
    { long: 'quiet', short: 'q', type: 'bool', help: 'Suppress progress output' },
    { long: 'replicas', type: 'string', value: 'uint', help: 'Number of tasks' },
    ...UPDATE_POLICY_FLAGS,
  ],
  args: { kind: 'min', n: 1 },
  interspersed: false,
  run,
};
