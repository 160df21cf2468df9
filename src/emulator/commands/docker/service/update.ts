/**
 * `docker service update [OPTIONS] SERVICE` (docker/cli cli/command/service/
 * update.go): prints the reference given, then the converge progress unless
 * --detach/--quiet. Changing the image, ports, networks or environment (or
 * --force) replaces the tasks; replicas and constraints only move them.
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import type { ServiceSpec, SwarmService } from '../../../docker/swarm/services/types';
import type { ClusterState } from '../../../docker/swarm/state';
import { flagUsageError, printDaemonError } from '../cli/command';
import { taskTemplateChanged, updateService } from '../../../docker/swarm/services/service-ops';
import { normalizeImage } from '../../../docker/swarm/services/reconcile';
import { daemonOf, labCtx } from '../engine-access';
import { lookupService, managedCluster } from './refs';
import { constraintError, endpointModeError, networkAliases, portsOf, publishFlag, resolveNetworks, UPDATE_POLICY_FLAGS, updatePolicyOf } from './spec-flags';
import { showProgress } from './progress';
import { rollBack } from './rollback';

function removePorts(spec: ServiceSpec, values: string[]): ServiceSpec['ports'] {
  const gone = values.map((v) => Number(/(\d+)/.exec(v)?.[1] ?? NaN));
  return spec.ports.filter((p) => !gone.includes(p.targetPort) && !gone.includes(p.publishedPort));
}

function nextSpec(ctx: CommandContext, flags: Flags, cluster: ClusterState, s: SwarmService): ServiceSpec | string {
  const spec: ServiceSpec = { ...s.spec, ports: [...s.spec.ports], networks: [...s.spec.networks], constraints: [...s.spec.constraints], env: [...s.spec.env] };
  if (flags.has('replicas')) {
    if (s.spec.mode !== 'replicated') return 'replicas can only be used with replicated or replicated-job mode';
    spec.replicas = Number(flags.string('replicas'));
  }
  if (flags.has('image')) spec.image = normalizeImage(flags.string('image') ?? '');
  if (flags.has('endpoint-mode')) spec.endpointMode = flags.string('endpoint-mode')?.toLowerCase() === 'dnsrr' ? 'dnsrr' : 'vip';
  spec.ports = [...removePorts(spec, flags.list('publish-rm')), ...portsOf(flags.list('publish-add'))];
  spec.constraints = [...spec.constraints.filter((c) => !flags.list('constraint-rm').includes(c)), ...flags.list('constraint-add')];
  spec.env = [...spec.env, ...flags.list('env-add')];
  if (flags.has('hostname')) spec.hostname = flags.string('hostname') || undefined;
  const policy = updatePolicyOf(flags, s.spec.update);
  if (policy && typeof policy !== 'string') spec.update = policy;
  const added = resolveNetworks(cluster, daemonOf(ctx), flags.list('network-add'));
  if (typeof added === 'string') return added;
  const removed = resolveNetworks(cluster, daemonOf(ctx), flags.list('network-rm'));
  if (typeof removed === 'string') return removed;
  spec.networks = [...spec.networks.filter((id) => !removed.includes(id)), ...added.filter((id) => !spec.networks.includes(id))];
  const aliases = { ...(spec.aliases ?? {}), ...networkAliases(cluster, flags.list('network-add')) };
  for (const id of Object.keys(aliases)) if (!spec.networks.includes(id)) delete aliases[id];
  if (Object.keys(aliases).length) spec.aliases = aliases;
  else delete spec.aliases;
  return spec;
}

function needsNewTasks(a: ServiceSpec, b: ServiceSpec, force: boolean): boolean {
  return force || taskTemplateChanged(a, b);
}

async function run(ctx: CommandContext, flags: Flags): Promise<number> {
  const replicas = flags.string('replicas');
  if (replicas !== undefined && !/^\d+$/.test(replicas)) {
    return flagUsageError(ctx, serviceUpdate, `invalid argument "${replicas}" for "--replicas" flag: strconv.ParseUint: parsing "${replicas}": invalid syntax`);
  }
  if (flags.bool('rollback')) return rollBack(ctx, flags, flags.args[0]);
  const cluster = managedCluster(ctx);
  if (typeof cluster === 'number') return cluster;
  const ref = flags.args[0];
  const policyCheck = updatePolicyOf(flags, undefined);
  if (typeof policyCheck === 'string') return flagUsageError(ctx, serviceUpdate, policyCheck);
  const s = lookupService(cluster, ref);
  if (typeof s === 'string') return printDaemonError(ctx, s);
  const badMode = endpointModeError(flags);
  if (badMode) return printDaemonError(ctx, badMode);
  const spec = nextSpec(ctx, flags, cluster, s);
  if (typeof spec === 'string') return printDaemonError(ctx, spec);
  const badConstraint = constraintError(spec.constraints);
  if (badConstraint) return printDaemonError(ctx, badConstraint);
  const err = updateService(labCtx(ctx), cluster, s, spec, needsNewTasks(s.spec, spec, flags.bool('force')));
  if (err) return printDaemonError(ctx, err.daemonError);
  ctx.stdout(ref + '\n');
  if (flags.bool('detach') || flags.bool('quiet')) return 0;
  return showProgress(ctx, cluster, s, ref);
}

export const serviceUpdate: DockerCommand = {
  path: ['service', 'update'],
  use: 'service update [OPTIONS] SERVICE',
  short: 'Update a service',
  flags: [
    { long: 'constraint-add', type: 'list', help: 'Add or update a placement constraint' },
    { long: 'constraint-rm', type: 'list', help: 'Remove a constraint' },
    { long: 'detach', short: 'd', type: 'bool', help: 'Exit immediately instead of waiting for the service to converge' },
    { long: 'endpoint-mode', type: 'string', help: 'Endpoint mode (vip or dnsrr)' },
    { long: 'env-add', type: 'list', help: 'Add or update an environment variable' },
    { long: 'force', type: 'bool', help: 'Force update even if no changes require it' },
    { long: 'hostname', type: 'string', help: 'Container hostname' },
    { long: 'image', type: 'string', help: 'Service image tag' },
    { long: 'network-add', type: 'list', value: 'network', help: 'Add a network' },
    { long: 'network-rm', type: 'list', help: 'Remove a network' },
    publishFlag('publish-add'),
    { long: 'publish-rm', type: 'list', value: 'port', help: 'Remove a published port by its target port' },
    { long: 'quiet', short: 'q', type: 'bool', help: 'Suppress progress output' },
    { long: 'replicas', type: 'string', value: 'uint', help: 'Number of tasks' },
    { long: 'rollback', type: 'bool', help: 'Rollback to previous specification' },
    ...UPDATE_POLICY_FLAGS,
  ],
  args: { kind: 'exact', n: 1 },
  run,
};
