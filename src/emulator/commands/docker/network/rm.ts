/**
 * `docker network rm [-f] NETWORK...` (docker/cli cli/command/network/remove.go):
 * each network is removed in turn and its argument printed as typed; an error
 * is printed to stderr and the next argument tried; exit 1 if any failed.
 * `-f` only silences "not found". Errors come from the daemon
 * (docker/networks.ts removeNetwork): a predefined network, or one with
 * active endpoints in Docker 28's wording (REFERENCE 2). The swarm's
 * ingress network is removed only after a `[y/N]` confirmation.
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import { isDaemonError } from '../../../docker/errors';
import { findNetwork } from '../../../docker/lookup';
import { removeNetwork } from '../../../docker/networks';
import { daemonOf, labCtx, machineOf } from '../engine-access';

interface Outcome {
  error?: string;
  notFound?: boolean;
}

function removeOne(ctx: CommandContext, ref: string): Outcome {
  const net = findNetwork(daemonOf(ctx), ref);
  if (isDaemonError(net)) return { error: net.daemonError, notFound: net.daemonError === `network ${ref} not found` };
  return { error: removeNetwork(labCtx(ctx), machineOf(ctx), net)?.daemonError };
}

/** cli/command/network/remove.go ingressWarning (its typo included), asked before the routing-mesh network goes. */
const INGRESS_WARNING = 'WARNING! Before removing the routing-mesh network, make sure all the nodes in your swarm run the same docker engine version. Otherwise, removal may not be effective and functionality of newly create ingress networks will be impaired.\nAre you sure you want to continue? [y/N] ';

/** PromptForConfirmation: only `y` or `Y` goes on; anything else (or no input) skips this network. */
async function confirmIngress(ctx: CommandContext, ref: string): Promise<boolean> {
  const net = findNetwork(daemonOf(ctx), ref);
  if (isDaemonError(net) || !net.ingress) return true;
  ctx.stdout(INGRESS_WARNING);
  const answer = (await ctx.readLine())?.trim();
  return answer === 'y' || answer === 'Y';
}

async function run(ctx: CommandContext, flags: Flags): Promise<number> {
  let status = 0;
  for (const ref of flags.args) {
    if (!(await confirmIngress(ctx, ref))) continue;
    const { error, notFound } = removeOne(ctx, ref);
    if (notFound && flags.bool('force')) continue;
    if (error !== undefined) {
      ctx.stderr(`Error response from daemon: ${error}\n`);
      status = 1;
      continue;
    }
    ctx.stdout(ref + '\n');
  }
  return status;
}

export const networkRm: DockerCommand = {
  path: ['network', 'rm'],
  aliases: [['network', 'remove']],
  use: 'network rm NETWORK [NETWORK...]',
  short: 'Remove one or more networks',
  flags: [{ long: 'force', short: 'f', type: 'bool', help: 'Do not error if the network does not exist' }],
  args: { kind: 'min', n: 1 },
  run,
};
