/**
 * `docker network prune [-f] [--filter until=…|label=…|label!=…]` (docker/cli
 * cli/command/network/prune.go; moby daemon/prune.go NetworksPrune).
 *
 * Without -f the CLI asks (internal/prompt Confirm: only "y" or "Y" is yes).
 * Any other answer ends the command with a cancelled error, which the CLI's
 * main swallows: nothing more is printed and the exit status is 0
 * (cmd/docker/docker.go `errdefs.IsCancelled(err)` → os.Exit(0)). The daemon
 * removes every custom network without an endpoint — a network used only by
 * stopped containers goes too — and the CLI prints `Deleted Networks:`, the
 * names, and a blank line; nothing when none was removed.
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import type { NetworkState } from '../../../docker/state';
import { printDaemonError } from '../cli/command';
import { activeEndpoints, removeNetwork } from '../../../docker/networks';
import { daemonOf, labCtx, machineOf } from '../engine-access';
import { filterFlag, invalidFilterKey, labelsMatch, parseFilters, type FilterArgs } from './filters';
import { getTimestamp } from '../../../docker/timestamp-arg';

const WARNING = 'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ';

// Shared with docker events and docker logs (docker/timestamp-arg.ts); re-exported for existing importers.
export { parseGoDuration } from '../../../docker/timestamp-arg';

function selectNetworks(ctx: CommandContext, args: FilterArgs): NetworkState[] | string {
  const bad = invalidFilterKey(args, ['until', 'label', 'label!']);
  if (bad) return bad;
  const untils = args.get('until') ?? [];
  if (untils.length > 1) return 'more than one until filter specified';
  const until = untils.length ? getTimestamp(untils[0], labCtx(ctx).clock.now()) : undefined;
  if (typeof until === 'string') return until;
  const docker = daemonOf(ctx);
  return Object.values(docker.networks).filter((n) => {
    // Predefined networks stay (localNetworksPrune: runconfig.IsPreDefinedNetwork), and so does the
    // routing mesh: clusterNetworksPrune skips `nw.Ingress` ("has to be explicitly invoked by user").
    if (n.predefined || n.ingress || activeEndpoints(docker, n).length > 0) return false;
    if (until !== undefined && n.created > until) return false;
    if (!labelsMatch(args, 'label', n.labels)) return false;
    return !(args.has('label!') && labelsMatch(args, 'label!', n.labels));
  });
}

async function run(ctx: CommandContext, flags: Flags): Promise<number> {
  const args = parseFilters(flags.list('filter'));
  if (!flags.bool('force')) {
    ctx.stdout(WARNING);
    const answer = (await ctx.readLine())?.trim();
    if (answer !== 'y' && answer !== 'Y') return 0;
  }
  const nets = selectNetworks(ctx, args);
  if (typeof nets === 'string') return printDaemonError(ctx, nets);
  const deleted: string[] = [];
  for (const net of nets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (!removeNetwork(labCtx(ctx), machineOf(ctx), net)) deleted.push(net.name);
  }
  if (deleted.length) ctx.stdout(`Deleted Networks:\n${deleted.join('\n')}\n\n`);
  return 0;
}

export const networkPrune: DockerCommand = {
  path: ['network', 'prune'],
  use: 'network prune [OPTIONS]',
  short: 'Remove all unused networks',
  flags: [
    filterFlag({ long: 'filter', help: 'Provide filter values (e.g. "until=<timestamp>")' }),
    { long: 'force', short: 'f', type: 'bool', help: 'Do not prompt for confirmation' },
  ],
  args: { kind: 'none' },
  run,
};
