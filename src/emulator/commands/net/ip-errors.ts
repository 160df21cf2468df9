/**
 * How `ip` reports a refused change, per flavour. iproute2 prints the
 * kernel's extended ack as `Error: <message>.` when there is one, else
 * `RTNETLINK answers: <strerror>` (exit 2); an unknown device name is
 * `Cannot find device "x"` (exit 1); a malformed argument is
 * `Error: argument "x" is wrong: …` (invarg, exit 255). BusyBox prefixes
 * its messages with `ip: ` (bb_perror_msg) and names devices in quotes.
 */
import type { CommandContext } from '../types';
import type { IpFlavor } from '../netfmt/types';
import type { LabCtx } from '../../world/ctx';
import type { Errno, NetlinkError } from '../../net/link-ops';

const STRERROR: Record<Errno, string> = {
  EPERM: 'Operation not permitted',
  EEXIST: 'File exists',
  ENODEV: 'No such device',
  EBUSY: 'Device or resource busy',
  EINVAL: 'Invalid argument',
  ERANGE: 'Numerical result out of range',
  EOPNOTSUPP: 'Operation not supported',
  EADDRNOTAVAIL: 'Cannot assign requested address',
  ESRCH: 'No such process',
  ENETDOWN: 'Network is down',
  ENETUNREACH: 'Network is unreachable',
};

export function netlinkFailure(ctx: CommandContext, flavor: IpFlavor, e: NetlinkError): number {
  const line = e.extack && flavor === 'iproute2' ? `Error: ${e.extack}.` : `RTNETLINK answers: ${STRERROR[e.errno]}`;
  ctx.stderr(flavor === 'busybox' ? `ip: ${line}\n` : `${line}\n`);
  return 2;
}

/**
 * BusyBox's `ip link set` changes a device with ioctls, not netlink
 * (libiproute/iplink.c do_set: set_mtu → xioctl(SIOCSIFMTU), do_chflags →
 * SIOCSIFFLAGS), so a refusal is xioctl's perror, `ip: SIOCSIFMTU: Invalid
 * argument`, and exit 1; the kernel's extack message is not seen.
 */
export function ioctlFailure(ctx: CommandContext, request: 'SIOCSIFMTU' | 'SIOCSIFFLAGS', errno: Errno): number {
  ctx.stderr(`ip: ${request}: ${STRERROR[errno]}\n`);
  return 1;
}

export function noDevice(ctx: CommandContext, flavor: IpFlavor, name: string): number {
  ctx.stderr(flavor === 'busybox' ? `ip: can't find device '${name}'\n` : `Cannot find device "${name}"\n`);
  return 1;
}

export function invalidArg(ctx: CommandContext, flavor: IpFlavor, arg: string, why: string): number {
  ctx.stderr(flavor === 'busybox' ? `ip: invalid argument '${arg}' to '${why}'\n` : `Error: argument "${arg}" is wrong: ${why}\n`);
  return flavor === 'busybox' ? 1 : 255;
}

export function plainError(ctx: CommandContext, flavor: IpFlavor, text: string, status = 1): number {
  ctx.stderr(flavor === 'busybox' ? `ip: ${text}\n` : `${text}\n`);
  return status;
}

/**
 * Changing links, addresses and routes needs CAP_NET_ADMIN, which Docker's
 * default capability set leaves out: a container needs `--cap-add NET_ADMIN`
 * (or --privileged). The host's shell is root.
 */
export function mayAdministerNetwork(lab: LabCtx, ctx: CommandContext): boolean {
  const id = ctx.scope.containerId;
  if (!id) return true;
  const c = lab.state.machines[ctx.scope.host]?.docker?.containers[id];
  const caps = (c?.cli?.capAdd ?? []).map((x) => x.toUpperCase().replace(/^CAP_/, ''));
  return !!c?.cli?.privileged || caps.includes('NET_ADMIN') || caps.includes('ALL');
}

export function notPermitted(ctx: CommandContext, flavor: IpFlavor): number {
  return netlinkFailure(ctx, flavor, { errno: 'EPERM' });
}
