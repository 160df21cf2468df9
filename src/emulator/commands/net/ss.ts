/**
 * `ss` (iproute2, the host and netshoot): TCP and UDP sockets of the
 * namespace, `-t -u -l -a -n -p` (`-tlnp`, `-ulnp`, `-tulpn`, `-tan`).
 * Without -t/-u it lists both (real ss would add UNIX and raw sockets,
 * which the model does not have). Output is the compact layout ss prints
 * when stdout is not a terminal: the shell does not tell commands the
 * terminal's width.
 */
import type { CommandContext, CommandSpec } from '../types';
import { labCtx } from '../docker/engine-access';
import { ss as format } from '../netfmt/index';
import { socketViewsIn } from './views';

function run(ctx: CommandContext): number {
  const o = { tcp: false, udp: false, listening: false, all: false, numeric: false, processes: false };
  const longs: Record<string, keyof typeof o> = { tcp: 'tcp', udp: 'udp', listening: 'listening', all: 'all', numeric: 'numeric', processes: 'processes' };
  for (const a of ctx.argv.slice(1)) {
    if (a.startsWith('--') && longs[a.slice(2)]) o[longs[a.slice(2)]] = true;
    else if (a.startsWith('-') && !a.startsWith('--')) {
      for (const ch of a.slice(1)) {
        const key = ({ t: 'tcp', u: 'udp', l: 'listening', a: 'all', n: 'numeric', p: 'processes' } as const)[ch as 't'];
        if (key) o[key] = true;
        else if (!'4eoimH'.includes(ch)) {
          ctx.stderr(`ss: invalid option -- '${ch}'\nUsage: ss [ OPTIONS ]\n       ss [ OPTIONS ] [ FILTER ]\n`);
          return 1;
        }
      }
    }
  }
  const lab = labCtx(ctx);
  const ns = lab.ns(ctx.scope.netnsId);
  const both = !o.tcp && !o.udp;
  ctx.stdout(format(socketViewsIn(lab, ns), { ...o, tcp: o.tcp || both, udp: o.udp || both }));
  return 0;
}

export const ss: CommandSpec = {
  name: 'ss',
  usage: 'ss [ OPTIONS ] [ FILTER ]',
  summary: 'another utility to investigate sockets',
  run,
};
