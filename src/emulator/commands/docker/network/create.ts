/**
 * `docker network create` (docker/cli cli/command/network/create.go): the
 * CLI checks the IPAM flags (docker/ipam-validate.ts) — bad values are flag
 * errors (usage, exit 125), bad combinations print as they are (exit 1) —
 * then the daemon validates the IPAM config (moby api/types/network
 * ValidateIPAM) and creates the network; the CLI prints its full ID.
 *
 * IPv6 is not modelled: `--ipv6` is accepted and changes nothing, and an
 * IPv6 `--subnet` is refused with a lab message.
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import { flagUsageError, printDaemonError } from '../cli/command';
import { validateIpamFlags, type IpamConfig } from '../../../docker/ipam-validate';
import { createNetwork } from '../../../docker/networks';
import { isDaemonError } from '../../../docker/errors';
import { cidrContains, formatCidr, parseCidr, parseIp } from '../../../net/ipv4';
import { labCtx, machineOf } from '../engine-access';

const PREDEFINED = ['bridge', 'host', 'none'];

/** opts.ValidateLabel: a non-empty key without white space. */
function validateLabel(value: string): string | undefined {
  const key = value.split('=')[0].trim();
  if (key === '') return `invalid label '${value}': empty name`;
  if (/[ \t\n\v\f\r]/.test(key)) return `label '${key}' contains whitespaces`;
  return undefined;
}

/** opts.MapOpts / ConvertKVStringsToMap: `k=v`, or `k` for an empty value; later ones win. */
function toMap(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    out[eq < 0 ? v : v.slice(0, eq)] = eq < 0 ? '' : v.slice(eq + 1);
  }
  return out;
}

/** ValidateIPAM for IPv4 configs: "invalid network config:" and each problem (joined with "* " when several). */
function daemonIpamErrors(configs: IpamConfig[]): string | undefined {
  const errs: string[] = [];
  for (const cfg of configs) {
    const subnet = parseCidr(cfg.subnet);
    if (!subnet) continue;
    const masked = formatCidr(subnet);
    if (masked !== cfg.subnet) errs.push(`invalid subnet ${cfg.subnet}: it should be ${masked}`);
    const range = cfg.ipRange ? parseCidr(cfg.ipRange) : undefined;
    if (range && range.prefix < subnet.prefix) errs.push(`invalid ip-range ${cfg.ipRange}: CIDR block is bigger than its parent subnet ${cfg.subnet}`);
    const outside = (ip: string) => !cidrContains(subnet, parseIp(ip) ?? -1);
    if (cfg.gateway && outside(cfg.gateway)) errs.push(`invalid gateway ${cfg.gateway}: parent subnet ${cfg.subnet} doesn't contain this address`);
    for (const [name, aux] of Object.entries(cfg.auxAddresses)) {
      if (outside(aux)) errs.push(`invalid auxiliary address ${name}: parent subnet ${cfg.subnet} doesn't contain this address`);
    }
  }
  if (!errs.length) return undefined;
  return `invalid network config:\n${errs.length === 1 ? errs[0] : '* ' + errs.join('\n* ')}`;
}

function labRefusal(flags: Flags, configs: IpamConfig[]): string | undefined {
  if (configs.some((c) => c.subnet.includes(':'))) return 'IPv6 subnets are not available in this lab';
  if (configs.length > 1) return 'networks with several subnets are not available in this lab';
  if (flags.has('ipv4') && !flags.bool('ipv4')) return 'IPv6-only networks are not available in this lab';
  const scope = flags.string('scope');
  if (scope && scope !== 'local') {
    return 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';
  }
  return undefined;
}

function run(ctx: CommandContext, flags: Flags): number {
  const ipam = validateIpamFlags({ subnet: flags.list('subnet'), ipRange: flags.list('ip-range'), gateway: flags.list('gateway'), auxAddress: flags.list('aux-address') });
  if (!ipam.ok) {
    if (ipam.flagError) return flagUsageError(ctx, networkCreate, ipam.error);
    ctx.stderr(ipam.error + '\n');
    return 1;
  }
  const name = flags.args[0];
  const driver = flags.string('driver') ?? 'bridge';
  if (!PREDEFINED.includes(name) && driver !== 'overlay') {
    const invalid = daemonIpamErrors(ipam.value) ?? labRefusal(flags, ipam.value);
    if (invalid) return printDaemonError(ctx, invalid);
  }
  const cfg = ipam.value[0];
  const net = createNetwork(labCtx(ctx), machineOf(ctx), {
    name, driver,
    subnet: cfg?.subnet, gateway: cfg?.gateway || undefined, ipRange: cfg?.ipRange || undefined, auxAddresses: cfg?.auxAddresses,
    internal: flags.bool('internal'), attachable: flags.bool('attachable'), ingress: flags.bool('ingress'),
    options: toMap(flags.list('opt')), labels: toMap(flags.list('label')), ipamDriver: flags.string('ipam-driver') ?? 'default',
  });
  if (isDaemonError(net)) return printDaemonError(ctx, net.daemonError);
  const ipamOpts = toMap(flags.list('ipam-opt'));
  if (Object.keys(ipamOpts).length) net.ipam.options = ipamOpts;
  ctx.stdout(net.id + '\n');
  return 0;
}

export const networkCreate: DockerCommand = {
  path: ['network', 'create'],
  use: 'network create [OPTIONS] NETWORK',
  short: 'Create a network',
  flags: [
    { long: 'attachable', type: 'bool', help: 'Enable manual container attachment' },
    { long: 'aux-address', type: 'map', help: 'Auxiliary IPv4 or IPv6 addresses used by Network driver', defaultText: 'map[]' },
    { long: 'driver', short: 'd', type: 'string', help: 'Driver to manage the Network', defaultText: '"bridge"' },
    { long: 'gateway', type: 'list', value: 'ipSlice', help: 'IPv4 or IPv6 Gateway for the master subnet' },
    { long: 'ingress', type: 'bool', help: 'Create swarm routing-mesh network' },
    { long: 'internal', type: 'bool', help: 'Restrict external access to the network' },
    { long: 'ip-range', type: 'list', value: 'ipNetSlice', help: 'Allocate container ip from a sub-range' },
    { long: 'ipam-driver', type: 'string', help: 'IP Address Management Driver', defaultText: '"default"' },
    { long: 'ipam-opt', type: 'map', help: 'Set IPAM driver specific options', defaultText: 'map[]' },
    { long: 'ipv4', type: 'bool', help: 'Enable or disable IPv4 address assignment', defaultText: 'true' },
    { long: 'ipv6', type: 'bool', help: 'Enable or disable IPv6 address assignment' },
    { long: 'label', type: 'list', help: 'Set metadata on a network', validate: validateLabel },
    { long: 'opt', short: 'o', type: 'map', help: 'Set driver specific options', defaultText: 'map[]' },
    { long: 'scope', type: 'string', help: "Control the network's scope" },
    { long: 'subnet', type: 'list', value: 'strings', help: 'Subnet in CIDR format that represents a network segment' },
  ],
  args: { kind: 'exact', n: 1 },
  run,
};
