/**
 * `bridge link [show]` and `bridge fdb [show]` (iproute2 on the host):
 * the bridge ports of the namespace and the forwarding database the bridges
 * have learnt from real frames (plus each device's own MAC, permanent).
 */
import type { CommandContext, CommandSpec } from '../types';
import { labCtx } from '../docker/engine-access';
import { bridgeFdb, bridgeLink, type FdbView } from '../netfmt/index';
import { bridgesOf, linkViews } from './views';
import { deviceByName } from '../../net/netns';
import type { DeviceState } from '../../net/state';
import { peek } from '../../core/raw-view';

/** A VXLAN port's own table: each remote MAC Docker programmed, with the VTEP it lives behind. */
function vxlanEntries(p: DeviceState): FdbView[] {
  return Object.entries(p.vxlan?.fdb ?? {}).map(([mac, dst]) => ({ mac, dev: p.name, dst, linkNetnsId: 0, self: true, state: 'permanent' }));
}

/**
 * The kernel's dump, device by device: a bridge port's entries in its
 * bridge (learnt, then its own MAC), then the port's own table (a VXLAN
 * device's remote entries); then the bridge's own entries.
 */
function fdbEntries(ctx: CommandContext): FdbView[] {
  const lab = labCtx(ctx);
  const out: FdbView[] = [];
  for (const { dev: br, ports } of bridgesOf(lab, lab.ns(ctx.scope.netnsId))) {
    // The learnt MACs grouped by port in one pass over the table (in its order), not one pass per port.
    const learnt = new Map<string, string[]>();
    const fdb = peek(br.fdb ?? {}); // only read: the raw table
    for (const mac of Object.keys(fdb)) (learnt.get(fdb[mac]) ?? learnt.set(fdb[mac], []).get(fdb[mac])!).push(mac);
    for (const p of ports) {
      for (const mac of learnt.get(p.id) ?? []) out.push({ mac, dev: p.name, master: br.name, state: '' });
      out.push({ mac: p.mac, dev: p.name, vlan: 1, master: br.name, state: 'permanent' });
      out.push({ mac: p.mac, dev: p.name, master: br.name, state: 'permanent' });
      out.push(...vxlanEntries(p));
    }
    out.push({ mac: '33:33:00:00:00:01', dev: br.name, self: true, state: 'permanent' });
    out.push({ mac: br.mac, dev: br.name, vlan: 1, master: br.name, state: 'permanent' });
    out.push({ mac: br.mac, dev: br.name, master: br.name, state: 'permanent' });
  }
  return out;
}

/** `bridge fdb show [dev DEV] [br BRIDGE]`: the entries of one device (its name then left out) or of one bridge's ports. */
function fdbShow(ctx: CommandContext, args: string[]): number {
  const lab = labCtx(ctx);
  const ns = lab.ns(ctx.scope.netnsId);
  const pick = (key: string) => {
    const i = args.indexOf(key);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dev = pick('dev');
  const br = pick('br') ?? pick('brport');
  for (const name of [dev, br]) {
    if (name !== undefined && !deviceByName(lab.state.net, ns, name)) {
      ctx.stderr(`Cannot find device "${name}"\n`);
      return 1;
    }
  }
  let entries = fdbEntries(ctx);
  if (dev !== undefined) entries = entries.filter((e) => e.dev === dev);
  if (br !== undefined) entries = entries.filter((e) => e.master === br || e.dev === br);
  ctx.stdout(bridgeFdb(entries, { omitDev: dev !== undefined }));
  return 0;
}

function run(ctx: CommandContext): number {
  const [obj, sub] = ctx.argv.slice(1);
  const lab = labCtx(ctx);
  const ns = lab.ns(ctx.scope.netnsId);
  if (sub && sub !== 'show' && sub !== 'list' && sub !== 'ls') {
    ctx.stderr(`Command "${sub}" is unknown, try "bridge ${obj} help".\n`);
    return 255;
  }
  if (obj && 'link'.startsWith(obj)) {
    const links = linkViews(lab, ns).filter((l) => l.master);
    ctx.stdout(bridgeLink(links.map((link) => ({ link }))));
    return 0;
  }
  if (obj && 'fdb'.startsWith(obj)) return fdbShow(ctx, ctx.argv.slice(3));
  if (!obj) {
    ctx.stderr('Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }\nwhere  OBJECT := { link | fdb | mdb | vlan | vni | monitor }\n       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |\n                    -o[neline] | -t[imestamp] | -n[etns] name |\n                    -com[pressvlan] -c[olor] -p[retty] -j[son] }\n');
    return 255;
  }
  ctx.stderr(`Object "${obj}" is unknown, try "bridge help".\n`);
  return 255;
}

export const bridge: CommandSpec = {
  name: 'bridge',
  usage: 'bridge [ OPTIONS ] OBJECT { COMMAND | help }',
  summary: 'show / manipulate bridge addresses and devices',
  run,
};
