/**
 * `brctl show [BRIDGE]` (bridge-utils 1.7.1 on the host): every Linux bridge
 * of the namespace (docker0, br-<id>) with its ports. The other brctl
 * commands would change bridges behind Docker's back; they are not offered
 * and print the usage.
 */
import type { CommandContext, CommandSpec } from '../types';
import { labCtx } from '../docker/engine-access';
import { brctlShow } from '../netfmt/index';
import { bridgesOf } from './views';

const USAGE = [
  'Usage: brctl [commands]',
  'commands:',
  '\taddbr     \t<bridge>\t\tadd bridge',
  '\tdelbr     \t<bridge>\t\tdelete bridge',
  '\taddif     \t<bridge> <device>\tadd interface to bridge',
  '\tdelif     \t<bridge> <device>\tdelete interface from bridge',
  '\tshow      \t[ <bridge> ]\t\tshow a list of bridges',
  '\tshowmacs  \t<bridge>\t\tshow a list of mac addrs',
  '\tshowstp   \t<bridge>\t\tshow bridge stp info',
  '\tstp       \t<bridge> {on|off}\tturn stp on/off',
  '',
].join('\n');

function run(ctx: CommandContext): number {
  const [cmd, name] = ctx.argv.slice(1);
  if (cmd !== 'show') {
    if (cmd && !['addbr', 'delbr', 'addif', 'delif', 'showmacs', 'showstp', 'stp', 'hairpin', 'setageing'].includes(cmd)) {
      ctx.stderr(`never heard of command [${cmd}]\n`);
    }
    ctx.stdout(USAGE);
    return 1;
  }
  const lab = labCtx(ctx);
  let bridges = bridgesOf(lab, lab.ns(ctx.scope.netnsId));
  if (name) {
    bridges = bridges.filter((b) => b.dev.name === name);
    if (!bridges.length) {
      ctx.stderr(`bridge ${name} does not exist!\n`);
      return 1;
    }
  }
  ctx.stdout(brctlShow(bridges.map((b) => ({ name: b.dev.name, mac: b.dev.mac, ports: b.ports.map((p) => p.name) }))));
  return 0;
}

export const brctl: CommandSpec = {
  name: 'brctl',
  usage: 'brctl [commands]',
  summary: 'ethernet bridge administration',
  run,
};
