/**
 * `docker swarm init` (docker/cli cli/command/swarm/init.go): prints the
 * new node's ID, the worker join command with this manager's address, and
 * the hint for managers (REFERENCE 1.12). The CLI up to 28 ends that hint
 * with "\n\n" (`fmt.Fprint`); later ones use Fprintln.
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import { printDaemonError } from '../cli/command';
import { isDaemonError } from '../../../docker/errors';
import { initSwarm } from '../../../docker/swarm/init';
import { joinToken } from '../../../docker/swarm/ids';
import { MANAGER_PORT } from '../../../docker/swarm/membership';
import { parseCidr } from '../../../net/ipv4';
import { labCtx, machineOf } from '../engine-access';
import { settle } from './access';
import { availabilityOf } from './join';

function run(ctx: CommandContext, flags: Flags): number {
  settle(ctx);
  const availability = availabilityOf(ctx, flags);
  if (availability === null) return 1;
  const pools = flags.list('default-addr-pool');
  const bad = pools.find((p) => !parseCidr(p));
  if (bad) {
    ctx.stderr(`invalid argument "${bad}" for "--default-addr-pool" flag: invalid CIDR address: ${bad}\n`);
    return 125;
  }
  const r = initSwarm(labCtx(ctx), machineOf(ctx), {
    advertiseAddr: flags.string('advertise-addr'), dataPathPort: flags.int('data-path-port', 0),
    defaultAddrPool: pools, subnetSize: flags.int('default-addr-pool-mask-length', 24), availability,
  });
  if (isDaemonError(r)) {
    const hint = /could not choose an IP address to advertise|could not find the system's IP address/.test(r.daemonError) ? ' - specify one with --advertise-addr' : '';
    return printDaemonError(ctx, r.daemonError + hint);
  }
  const self = r.cluster.nodes[r.nodeId];
  ctx.stdout(`Swarm initialized: current node (${r.nodeId}) is now a manager.\n\n`);
  ctx.stdout(`To add a worker to this swarm, run the following command:\n\n    docker swarm join --token ${joinToken(r.cluster, 'worker')} ${self.addr}:${MANAGER_PORT}\n\n`);
  ctx.stdout("To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.\n\n");
  return 0;
}

export const swarmInit: DockerCommand = {
  path: ['swarm', 'init'],
  use: 'swarm init [OPTIONS]',
  short: 'Initialize a swarm',
  flags: [
    { long: 'advertise-addr', type: 'string', help: 'Advertised address (format: "<ip|interface>[:port]")' },
    { long: 'availability', type: 'string', help: 'Availability of the node ("active", "pause", "drain")', defaultText: '"active"' },
    { long: 'data-path-port', type: 'int', value: 'uint32', help: 'Port number to use for data path traffic (1024 - 49151). If no value is set or is set to 0, the default port (4789) is used.' },
    { long: 'default-addr-pool', type: 'list', value: 'ipNetSlice', help: 'default address pool in CIDR format', defaultText: '[]' },
    { long: 'default-addr-pool-mask-length', type: 'int', value: 'uint32', help: 'default address pool subnet mask length', defaultText: '24' },
    { long: 'force-new-cluster', type: 'bool', help: 'Force create a new cluster from current state' },
    { long: 'listen-addr', type: 'string', value: 'node-addr', help: 'Listen address (format: "<ip|interface>[:port]")', defaultText: '0.0.0.0:2377' },
  ],
  args: { kind: 'none' },
  run,
};
