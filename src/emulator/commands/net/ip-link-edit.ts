/**
 * `ip link add` / `ip link delete` (iproute2 ip/iplink.c and the
 * iplink_vlan/macvlan/ipvlan parsers). Supported types: vlan (`id N`),
 * macvlan (`mode private|vepa|bridge|passthru`, the kernel's default being
 * vepa), ipvlan (`mode l2|l3|l3s`, default l3; l3s behaves as l3) and dummy.
 * Name lookups happen before the request is sent, so an unknown device is
 * reported even where the request itself would be refused (no NET_ADMIN).
 */
import type { CommandContext } from '../types';
import type { IpFlavor } from '../netfmt/types';
import type { StackedMode } from '../../net/state';
import type { LinkAddRequest } from '../../net/link-ops';
import { labCtx } from '../docker/engine-access';
import { deviceByName } from '../../net/netns';
import { addLink, deleteLink } from '../../net/link-ops';
import { randomMac } from '../../net/ipv4';
import { MACVLAN_MODES } from '../../net/macvlan';
import { invalidArg, mayAdministerNetwork, netlinkFailure, noDevice, notPermitted, plainError } from './ip-errors';

/** IFNAMSIZ is 16 with the NUL: names of 1–15 characters, no '/', ':' or whitespace (dev_valid_name). */
function validIfname(name: string): boolean {
  return name.length > 0 && name.length < 16 && name !== '.' && name !== '..' && !/[/:\s]/.test(name);
}

interface Parsed {
  name?: string;
  link?: string;
  type?: string;
  mac?: string;
  typeArgs: string[];
}

function parseLinkArgs(args: string[]): Parsed {
  const p: Parsed = { typeArgs: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === 'type') {
      p.type = args[i + 1];
      p.typeArgs = args.slice(i + 2);
      break;
    }
    if (a === 'link') p.link = args[++i];
    else if (a === 'name' || a === 'dev') p.name = args[++i];
    else if (a === 'address') p.mac = args[++i];
    else if (a === 'mtu' || a === 'txqueuelen' || a === 'txqlen') i++;
    else if (p.name === undefined) p.name = a;
  }
  return p;
}

/** The type's own arguments; a string is the error line (invarg-style), returned as-is. */
function typeOptions(type: string, args: string[]): { vlanId?: number; mode?: StackedMode } | { bad: [string, string] } | { text: string } {
  const out: { vlanId?: number; mode?: StackedMode } = {};
  for (let i = 0; i < args.length; i++) {
    const [key, val] = [args[i], args[i + 1] ?? ''];
    if (type === 'vlan' && key === 'id') {
      if (!/^\d+$/.test(val) || Number(val) > 65535) return { bad: [val, 'id is invalid'] };
      out.vlanId = Number(val);
      i++;
    } else if (type === 'macvlan' && key === 'mode') {
      if (!MACVLAN_MODES.includes(val as StackedMode)) {
        return { text: `Error: argument of "mode" must be "private", "vepa", "bridge", "passthru" or "source", not "${val}"` };
      }
      out.mode = val as StackedMode;
      i++;
    } else if (type === 'ipvlan' && key === 'mode') {
      if (!['l2', 'l3', 'l3s'].includes(val)) return { text: 'Error: argument of "mode" must be either "l2", "l3" or "l3s"' };
      out.mode = val === 'l2' ? 'l2' : 'l3';
      i++;
    }
  }
  return out;
}

const KINDS = ['vlan', 'macvlan', 'ipvlan', 'dummy'];

export function ipLinkAdd(ctx: CommandContext, flavor: IpFlavor, args: string[]): number {
  const lab = labCtx(ctx);
  const net = lab.state.net;
  const ns = lab.ns(ctx.scope.netnsId);
  const p = parseLinkArgs(args);
  if (p.name !== undefined && !validIfname(p.name)) return invalidArg(ctx, flavor, p.name, '"name" not a valid ifname');
  const opts = typeOptions(p.type ?? '', p.typeArgs);
  if ('bad' in opts) return invalidArg(ctx, flavor, opts.bad[0], opts.bad[1]);
  if ('text' in opts) return plainError(ctx, flavor, opts.text, 255);
  if (!p.name) return plainError(ctx, flavor, 'Not enough information: "dev" argument is required.', 255);
  const lower = p.link !== undefined ? deviceByName(net, ns, p.link) : undefined;
  if (p.link !== undefined && !lower) return noDevice(ctx, flavor, p.link);
  if (!mayAdministerNetwork(lab, ctx)) return notPermitted(ctx, flavor);
  if (!p.type || !KINDS.includes(p.type)) return netlinkFailure(ctx, flavor, { errno: 'EOPNOTSUPP', extack: 'Unknown device type' });
  const req: LinkAddRequest = { name: p.name, kind: p.type as LinkAddRequest['kind'], lower, mac: p.mac, ...opts };
  const made = addLink(net, ns, req, () => randomMac(lab.rng.hex(12)));
  return 'errno' in made ? netlinkFailure(ctx, flavor, made) : 0;
}

export function ipLinkDelete(ctx: CommandContext, flavor: IpFlavor, args: string[]): number {
  const lab = labCtx(ctx);
  const ns = lab.ns(ctx.scope.netnsId);
  const p = parseLinkArgs(args);
  if (!p.name) return plainError(ctx, flavor, 'Not enough information: "dev" argument is required.', 255);
  const dev = deviceByName(lab.state.net, ns, p.name);
  if (!dev) return noDevice(ctx, flavor, p.name);
  if (!mayAdministerNetwork(lab, ctx)) return notPermitted(ctx, flavor);
  const refused = deleteLink(lab.state.net, dev);
  return refused ? netlinkFailure(ctx, flavor, refused) : 0;
}
